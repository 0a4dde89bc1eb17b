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
import type { HolderBinding } from '../../holderBinding/types.js'
import { BaseProofValueError, parseBaseProofValue } from './baseProofValue.js'
import { deriveFeatureCredential } from './deriveFeatureCredential.js'

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
  /**
   * For a credential issued over the holder's commitment (holder binding, a pseudonym, or
   * both): the holder's secret and the credential's `secretProverBlind`. The derived proof
   * proves the holder knows them without showing them.
   */
  holder?: HolderBinding | undefined
  /**
   * For a credential with a pseudonym: the verifier's context id (vc-di-bbs `nym_domain`). The
   * holder shows the same pseudonym to every presentation for one context, and pseudonyms
   * for two contexts cannot be linked.
   */
  pseudonymContext?: string | Uint8Array | undefined
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
  const parsed = readBaseProof(credential.proof.proofValue)
  if (parsed.featureOption !== 'baseline') {
    if (!parameters.holder) throw new DeriveCredentialError(`the credential is bound to its holder (${parsed.featureOption}): give the holder's secret and secretProverBlind`)
    try {
      return await deriveFeatureCredential({
        credential,
        baseProof: credential.proof,
        parsed: { ...parsed, featureOption: parsed.featureOption },
        selectivePointers,
        presentationHeader: encodeChallenge(presentationHeader ?? new Uint8Array(0)),
        holder: parameters.holder,
        pseudonymContext: parameters.pseudonymContext,
        documentLoader,
      })
    } catch (error) {
      if (error instanceof DeriveCredentialError) throw error
      throw new DeriveCredentialError(reasonOf(error), error)
    }
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

/** The base proof's fields, or why it has none usable. */
function readBaseProof(proofValue: unknown) {
  try {
    return parseBaseProofValue(proofValue)
  } catch (error) {
    if (!(error instanceof BaseProofValueError)) throw error
    throw new DeriveCredentialError(reasonOf(error), error)
  }
}
