/**
 * @module
 * Checks the values an accreditation or a rotation carries before anything is stored.
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import type { IssuerKey } from 'medcred/cartesi'
import { decodePublicKeyMultibase } from 'medcred/internal'
import { bytesToHex, type Hex, hexToBytes, size } from 'viem'
import { InputRejectedError } from '../errors.js'
import type { VerifierConfig } from '../types.js'

const didPattern = /^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/
const maxTextLength = 2048

/** A DID, syntactically (DID Core 1.0 §3.1), and of bounded length. */
export function validateDid(did: string): void {
  if (did.length > maxTextLength || !didPattern.test(did)) {
    throw new InputRejectedError('ERR_VERIFIER_DID_INVALID', `"${truncate(did)}" is not a DID.`)
  }
}

/** Each credential type must be one this verifier has a disclosure policy for. */
export function validateCredentialTypes(types: readonly string[], config: VerifierConfig): void {
  if (types.length === 0) throw new InputRejectedError('ERR_VERIFIER_CREDENTIAL_TYPE_UNSUPPORTED', 'An issuer must be accredited for at least one credential type.')
  requireUnique(types, 'credential type')
  const unknown = types.find((type) => !Object.hasOwn(config.disclosurePolicies, type))
  if (unknown !== undefined) {
    throw new InputRejectedError(
      'ERR_VERIFIER_CREDENTIAL_TYPE_UNSUPPORTED',
      `"${truncate(unknown)}" is not a credential type this verifier accepts (${Object.keys(config.disclosurePolicies).join(', ')}).`,
    )
  }
}

/** Status list URLs: absolute URLs, each once. */
export function validateStatusLists(urls: readonly string[]): void {
  requireUnique(urls, 'status list')
  for (const url of urls) {
    if (url.length > maxTextLength || !URL.canParse(url)) {
      throw new InputRejectedError('ERR_VERIFIER_STATUS_LIST_INVALID', `"${truncate(url)}" is not an absolute URL.`)
    }
  }
}

/**
 * Keys: ids under the issuer's DID, each a valid BLS12-381 G2 point. A did:key issuer has
 * exactly one possible key, the one its DID encodes.
 */
export function validateIssuerKeys(did: string, keys: readonly IssuerKey[]): void {
  requireUnique(
    keys.map((key) => key.id),
    'key id',
  )
  for (const key of keys) {
    if (key.id.length > maxTextLength || !key.id.startsWith(`${did}#`) || key.id.length === did.length + 1) {
      throw new InputRejectedError('ERR_VERIFIER_KEY_INVALID', `Key id "${truncate(key.id)}" must be "${truncate(did)}#<fragment>".`)
    }
    validatePublicKey(key.id, key.publicKey)
  }
  if (did.startsWith('did:key:')) {
    const multibase = did.slice('did:key:'.length)
    const own = decodeDidKey(multibase)
    const matches = keys.every((key) => key.id === `${did}#${multibase}` && key.publicKey.toLowerCase() === own)
    if (!matches) throw new InputRejectedError('ERR_VERIFIER_KEY_INVALID', `A did:key issuer's only key is the one its DID encodes: ${truncate(did)}#${truncate(multibase)}.`)
  }
}

function validatePublicKey(id: string, publicKey: Hex): void {
  try {
    if (size(publicKey) !== 96) throw new Error('not 96 bytes')
    const point = bls12_381.G2.Point.fromBytes(hexToBytes(publicKey))
    point.assertValidity()
    if (point.equals(bls12_381.G2.Point.ZERO)) throw new Error('the identity')
  } catch (cause) {
    throw new InputRejectedError('ERR_VERIFIER_KEY_INVALID', `Key ${truncate(id)} is not a compressed BLS12-381 G2 public key.`, { cause })
  }
}

function decodeDidKey(multibase: string): string {
  try {
    const decoded = decodePublicKeyMultibase(multibase)
    if (decoded.type !== 'Bls12381G2') throw new Error(`a ${decoded.type} key`)
    return bytesToHex(decoded.publicKey)
  } catch (cause) {
    throw new InputRejectedError('ERR_VERIFIER_KEY_INVALID', 'The did:key does not encode a BLS12-381 G2 key.', { cause })
  }
}

function requireUnique(values: readonly string[], what: string): void {
  const seen = new Set<string>()
  for (const value of values) {
    if (seen.has(value)) throw new InputRejectedError('ERR_VERIFIER_DUPLICATE', `The ${what} "${truncate(value)}" is listed twice.`)
    seen.add(value)
  }
}

/** Inputs are untrusted: never echo more than a short prefix of a string into a report. */
export function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}
