/**
 * @module
 * The textual form of a trusted issuer, as typed on a command line or in a page.
 */
import { isDidSyntax, maxIdentifierLength, notDidReason } from '../credentials/didSyntax.js'
import { TrustedIssuerSyntaxError } from './errors.js'
import type { TrustedIssuer } from './types.js'

/**
 * Reads one trusted issuer: a DID, or `did=Type1,Type2` to trust it only for those credential
 * types. Surrounding spaces are ignored.
 *
 * @param text - the entry, e.g. `did:web:school.example=MedicalLicenseCredential`
 * @returns the DID alone, or the DID with its credential types
 * @throws {TrustedIssuerSyntaxError} `ERR_VERIFY_TRUSTED_ISSUER_INVALID` when the part before `=`
 *   is not a DID, or `=` is followed by no type or by a type with spaces or a second `=`.
 *
 * @example
 * ```ts
 * import { parseTrustedIssuer, verifyCredential } from 'medcred'
 * const trustedIssuers = ['did:web:school.example=MedicalLicenseCredential'].map(parseTrustedIssuer)
 * // [{ id: 'did:web:school.example', types: ['MedicalLicenseCredential'] }]
 * ```
 */
export function parseTrustedIssuer(text: string): TrustedIssuer {
  const entry = text.trim()
  const separator = entry.indexOf('=')
  const id = separator === -1 ? entry : entry.slice(0, separator).trim()
  // The models' didSchema, without loading zod: the same checks and messages, first failure first.
  if (id.length > maxIdentifierLength) throw new TrustedIssuerSyntaxError(entry, `Too big: expected string to have <=${maxIdentifierLength} characters`)
  if (!isDidSyntax(id)) throw new TrustedIssuerSyntaxError(entry, notDidReason(id))
  if (separator === -1) return id
  const types = entry
    .slice(separator + 1)
    .split(',')
    .map((type) => type.trim())
    .filter(Boolean)
  if (types.length === 0) throw new TrustedIssuerSyntaxError(entry, 'no credential type follows "="')
  const bad = types.find((type) => /[\s=]/.test(type))
  if (bad !== undefined) throw new TrustedIssuerSyntaxError(entry, `"${bad}" is not a credential type`)
  return { id, types }
}
