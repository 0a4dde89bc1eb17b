/**
 * @module
 * The pseudonym a holder will show a verifier: what a wallet displays before the holder
 * presents to a new context.
 */
import type { DocumentLoader } from '../contexts/types.js'
import { deriveCredential } from '../suites/bbs-2023/deriveCredential.js'
import { parseDerivedProofValue } from '../suites/bbs-2023/parseDerivedProofValue.js'
import { DeriveCredentialError } from '../suites/errors.js'
import type { VerifiableCredential } from '../suites/types.js'
import type { HolderBinding } from './types.js'

export type PseudonymForParameters = {
  /** A credential issued with a pseudonym option (`pseudonym`, `holder_binding_pseudonym`). */
  credential: VerifiableCredential
  holder: HolderBinding
  /** The verifier's context id, as it will verify (`verifyCredential`'s `pseudonymContext`). */
  pseudonymContext: string | Uint8Array
  documentLoader: DocumentLoader
}

/**
 * The pseudonym `credential`'s holder shows for `pseudonymContext`, in hex as
 * `verifyCredential` reports it: the same for every presentation to that context, unlinkable to
 * the one for any other. It is computed the way a presentation computes it (a derivation that
 * reveals the mandatory fields only), so the two cannot disagree.
 *
 * @throws {DeriveCredentialError} `ERR_DERIVE_FAILED` when the credential has no pseudonym
 *   option or the holder's secrets do not open it.
 *
 * @example
 * ```ts
 * import { pseudonymFor } from 'medcred'
 * const shown = await pseudonymFor({ credential, holder, pseudonymContext: 'medcred:deal:…', documentLoader })
 * ```
 */
export async function pseudonymFor(parameters: PseudonymForParameters): Promise<string> {
  const { credential, holder, pseudonymContext, documentLoader } = parameters
  const derived = await deriveCredential({ credential, reveal: [], documentLoader, holder, pseudonymContext })
  const { pseudonym } = parseDerivedProofValue(derived.proof.proofValue)
  if (!pseudonym) throw new DeriveCredentialError('the credential was not issued with a pseudonym')
  return Array.from(pseudonym, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
