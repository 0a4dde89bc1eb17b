/**
 * @module
 * The check `medcred issue` makes before signing: the key belongs to the credential's issuer.
 */
import type { KeyPair } from '../keys/types.js'
import { CliError } from './errors.js'

/**
 * The credential's issuer DID: `issuer` as a string, or its `id` when an object.
 *
 * @returns the DID, or `undefined` when the credential names none
 */
export function issuerOf(credential: Record<string, unknown>): string | undefined {
  const { issuer } = credential
  if (typeof issuer === 'string') return issuer
  if (issuer !== null && typeof issuer === 'object' && typeof (issuer as { id?: unknown }).id === 'string') return (issuer as { id: string }).id
  return undefined
}

/**
 * Refuses a key its credential's issuer does not control: signed anyway, the credential would
 * name one issuer and carry another's proof, and every verifier would reject it.
 *
 * @param credential - the unsigned credential
 * @param issuerKey - the key `--key` holds
 * @param keyPath - `--key`, named in the message
 * @throws {CliError} `ERR_CLI_ISSUER_KEY_MISMATCH` naming both DIDs.
 */
export function checkIssuerKey(credential: Record<string, unknown>, issuerKey: KeyPair, keyPath: string): void {
  const issuer = issuerOf(credential)
  if (issuer === issuerKey.controller) return
  throw new CliError({ reason: 'issuerKeyMismatch', issuer, keyPath, controller: issuerKey.controller })
}
