/**
 * @module
 * The verification method id of a public key inside its did:key DID document.
 */
import { type DidKey, didKeyFromPublicKey } from './didKeyFromPublicKey.js'

/** A did:key verification method id: `did:key:z...#z...`. */
export type DidKeyVerificationMethodId = `${DidKey}#z${string}`

/**
 * Returns the id of the verification method a did:key DID document gives its key; proofs name
 * it as their `verificationMethod`.
 *
 * - Spec: https://w3c-ccg.github.io/did-key-spec/#document-creation-algorithm
 *
 * @param publicKeyMultibase - the key's `publicKeyMultibase`
 * @returns `did:key:<publicKeyMultibase>#<publicKeyMultibase>`
 * @throws {InvalidKeyError} `ERR_KEY_INVALID_MULTIBASE` when the value is not a supported
 *   multibase public key.
 *
 * @example
 * ```ts
 * import { didKeyVerificationMethodId } from 'medcred'
 * const id = didKeyVerificationMethodId('z6MkhyU1n9dyYn1Te5bx3tGv6axLMUzy7yqfmCgnR4NvjWJL')
 * // 'did:key:z6Mk...#z6Mk...'
 * ```
 */
export function didKeyVerificationMethodId(publicKeyMultibase: string): DidKeyVerificationMethodId {
  return `${didKeyFromPublicKey(publicKeyMultibase)}#${publicKeyMultibase}` as DidKeyVerificationMethodId
}
