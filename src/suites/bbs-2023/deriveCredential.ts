/**
 * @module
 * Derives a selectively disclosed credential from a bbs-2023 base proof: the holder keeps
 * the fields it reveals (and the issuer's mandatory ones) and the proof covers only those.
 */
import { createDiscloseCryptosuite } from '@digitalbazaar/bbs-2023-cryptosuite'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import * as vc from '@digitalbazaar/vc'
import type { DocumentLoader } from '../../contexts/types.js'
import { getByJsonPointer, toJsonPointer } from '../../disclosure/toJsonPointer.js'
import { RevealPathError } from '../../disclosure/errors.js'
import { DeriveCredentialError, deriveRefusal, reasonOf } from '../errors.js'
import { boundDocument } from '../inputBounds/boundDocument.js'
import type { InputLimits } from '../../verify/types.js'
import type { VerifiableCredential } from '../types.js'
import { encodeChallenge } from '../challenge.js'

export type DeriveCredentialParameters = {
  /** The credential with its bbs-2023 base proof, as the issuer handed it over. */
  credential: VerifiableCredential
  /**
   * What to reveal, as friendly paths (`credentialSubject.vaccine.targetDisease`) or JSON
   * pointers. Mandatory fields are revealed whatever this says. Revealing a field also
   * reveals the `id` and `type` of every object on its path.
   */
  reveal: readonly string[]
  /**
   * Bound into the proof so the derived credential is good for one verifier only: the
   * verifier's challenge (a string, encoded as UTF-8) or raw bytes.
   */
  presentationHeader?: string | Uint8Array | undefined
  documentLoader: DocumentLoader
  /**
   * Bounds on the credential, checked before any canonicalisation or BBS work (its callers may
   * be strangers: `medcred serve`). Defaults as for verification (see {@link InputLimits}).
   */
  limits?: InputLimits | undefined
}

/**
 * Derives a credential that reveals only the chosen fields.
 *
 * - Spec: https://www.w3.org/TR/vc-di-bbs/#add-derived-proof-bbs-2023
 *
 * @param parameters - {@link DeriveCredentialParameters}
 * @returns the derived credential, with a proof verifiers can check
 * @throws {RevealPathError} `ERR_DISCLOSURE_PATH_INVALID` when a path is malformed or names
 *   nothing in the credential.
 * @throws {DeriveCredentialError} `ERR_DERIVE_FAILED` when the credential has no usable base proof;
 *   `ERR_DERIVE_INPUT_TOO_DEEP` or `ERR_DERIVE_INPUT_TOO_LARGE` when it is over `limits`.
 *
 * @example
 * ```ts
 * import { deriveCredential } from 'medcred'
 * const shown = await deriveCredential({
 *   credential, reveal: ['credentialSubject.vaccine.targetDisease', 'credentialSubject.doseNumber'],
 *   presentationHeader: challenge, documentLoader,
 * })
 * ```
 */
export async function deriveCredential(parameters: DeriveCredentialParameters): Promise<VerifiableCredential> {
  const { credential, reveal, presentationHeader, documentLoader } = parameters
  await boundDocument(credential, documentLoader, parameters.limits, deriveRefusal)
  const selectivePointers = reveal.map((path) => {
    const pointer = toJsonPointer(path)
    if (getByJsonPointer(credential, pointer) === undefined) {
      throw new RevealPathError(path, 'the credential has no such field')
    }
    return pointer
  })
  if (credential.proof?.cryptosuite !== 'bbs-2023') {
    throw new DeriveCredentialError('the credential has no bbs-2023 proof')
  }
  try {
    const suite = new DataIntegrityProof({
      cryptosuite: createDiscloseCryptosuite({
        selectivePointers,
        ...(presentationHeader === undefined ? {} : { presentationHeader: encodeChallenge(presentationHeader) }),
      }),
    })
    return (await vc.derive({ verifiableCredential: credential, suite, documentLoader })) as VerifiableCredential
  } catch (error) {
    throw new DeriveCredentialError(reasonOf(error), error)
  }
}
