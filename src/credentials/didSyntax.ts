/**
 * @module
 * The DID syntax check, without zod: the credential models' `didSchema` (fieldSchemas.ts) and
 * {@link parseTrustedIssuer} share it, and `medcred verify` loads the second without the models.
 */

/** Longest DID or URL accepted; far above real ones, low enough to keep inputs small. */
export const maxIdentifierLength = 2048

// DID Core 1.0 §3.1: did = "did:" method-name ":" method-specific-id, where method-name is
// lower-case letters and digits and method-specific-id = *( *idchar ":" ) 1*idchar.
const idChar = '(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})'
const didPattern = new RegExp(`^did:[a-z0-9]+:(?:${idChar}*:)*${idChar}+$`)

/** Whether `value` has the DID Core syntax of a DID (not a DID URL). */
export function isDidSyntax(value: string): boolean {
  return didPattern.test(value)
}

/** Why a value that is not a DID is not one: `did:KEY:...` is a common slip worth naming, as DID methods are case-sensitive. */
export function notDidReason(value: string): string {
  return /^did:[a-z0-9]*[A-Z]/.test(value) ? 'expected a lower-case DID method (did:key, not did:KEY)' : 'expected a DID (did:<method>:<method-specific-id>)'
}
