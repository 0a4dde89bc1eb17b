/**
 * @module
 * Issues a credential with a bbs-2023 base proof (W3C Data Integrity BBS Cryptosuites v1.0).
 * The base proof is for the holder only: verifiers see credentials derived from it.
 */
import { createSignCryptosuite } from '@digitalbazaar/bbs-2023-cryptosuite'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import * as vc from '@digitalbazaar/vc'
import type { DocumentLoader } from '../../contexts/types.js'
import { mandatoryPointersFor } from '../../disclosure/mandatoryPointers.js'
import { toJsonPointer } from '../../disclosure/toJsonPointer.js'
import { parseMultibaseKey } from '../../keys/parseMultibaseKey.js'
import { toMultikeyKeyPair } from '../../keys/toMultikeyKeyPair.js'
import type { KeyPair } from '../../keys/types.js'
import { IssueCredentialError, issueRefusal, reasonOf } from '../errors.js'
import { boundDocument } from '../inputBounds/boundDocument.js'
import type { InputLimits } from '../../verify/types.js'
import type { VerifiableCredential } from '../types.js'
import type { HolderCommitment } from '../../holderBinding/types.js'
import { BbsCommitmentInvalidError } from '../../bbs/errors.js'
import { createFeatureSignCryptosuite } from './createFeatureSignCryptosuite.js'
import { readHolderCommitment } from './readHolderCommitment.js'

export type IssueCredentialParameters = {
  /** The unsigned credential, e.g. from `createVaccinationCertificate`. */
  credential: Record<string, unknown>
  /** The issuer's BLS12-381 G2 key pair, with its secret key and verification method id. */
  issuerKey: KeyPair
  /** Loads contexts and DID documents; {@link createDocumentLoader} without a resolver suffices. */
  documentLoader: DocumentLoader
  /**
   * Fields every derived credential must reveal, on top of the type's own
   * ({@link mandatoryPointersFor}); friendly paths or JSON pointers.
   */
  mandatory?: readonly string[] | undefined
  /** The proof's `created` time; the proof has none when not given (nothing reads a wall clock). */
  created?: Date | undefined
  /**
   * Bounds on the credential, checked before any canonicalisation or BBS work (its callers may
   * be strangers: `medcred serve`). Defaults as for verification (see {@link InputLimits}).
   */
  limits?: InputLimits | undefined
  /**
   * The holder's commitment (from `createHolderCommitment`): the credential is signed blindly
   * over it, with the feature option it names (anonymous holder binding, a pseudonym, or
   * both), and only that holder can derive from it. A plain base proof without it.
   */
  holderCommitment?: HolderCommitment | undefined
}

/**
 * Signs a credential with a bbs-2023 base proof.
 *
 * - Spec: https://www.w3.org/TR/vc-di-bbs/#base-proof
 *
 * @param parameters - {@link IssueCredentialParameters}
 * @returns the credential with its base proof, to hand to the holder
 * @throws {IssueCredentialError} `ERR_ISSUE_FAILED` when the key cannot sign (wrong type, no
 *   secret key, no id) or the credential cannot be canonicalised with the bundled contexts;
 *   `ERR_ISSUE_INPUT_TOO_DEEP` or `ERR_ISSUE_INPUT_TOO_LARGE` when it is over `limits`;
 *   `ERR_ISSUE_COMMITMENT_INVALID` when `holderCommitment` is malformed or its proof does not
 *   verify.
 *
 * @example
 * ```ts
 * import { createDocumentLoader, issueCredential } from 'medcred'
 * const signed = await issueCredential({ credential, issuerKey, documentLoader: createDocumentLoader() })
 * ```
 */
export async function issueCredential(parameters: IssueCredentialParameters): Promise<VerifiableCredential> {
  const { credential, issuerKey, documentLoader, mandatory = [], created, holderCommitment } = parameters
  if (issuerKey.type !== 'Bls12381G2') {
    throw new IssueCredentialError(`bbs-2023 needs a Bls12381G2 key, not ${issuerKey.type}`)
  }
  if (!issuerKey.id) throw new IssueCredentialError('the issuer key has no verification method id')
  await boundDocument(credential, documentLoader, parameters.limits, issueRefusal)
  try {
    const mandatoryPointers = [...new Set([...mandatoryPointersFor(credential), ...mandatory.map(toJsonPointer)])]
    const key = await toMultikeyKeyPair(issuerKey)
    const suite = new DataIntegrityProof({
      signer: key.signer(),
      cryptosuite: holderCommitment ? featureCryptosuite(issuerKey, mandatoryPointers, holderCommitment) : createSignCryptosuite({ mandatoryPointers }),
      ...(created ? { date: created } : {}),
    })
    const signed = await vc.issue({ credential: structuredClone(credential), suite, documentLoader })
    return signed as VerifiableCredential
  } catch (error) {
    if (error instanceof IssueCredentialError) throw error
    if (error instanceof BbsCommitmentInvalidError) {
      throw new IssueCredentialError(`the holder's commitment is invalid (${reasonOf(error)})`, error, { code: 'ERR_ISSUE_COMMITMENT_INVALID' })
    }
    throw new IssueCredentialError(reasonOf(error), error)
  }
}

/** The blind-signing cryptosuite for a holder's commitment. */
function featureCryptosuite(issuerKey: IssueCredentialParameters['issuerKey'], mandatoryPointers: string[], commitment: HolderCommitment) {
  if (!issuerKey.secretKeyMultibase) throw new IssueCredentialError('the issuer key has no secret key')
  return createFeatureSignCryptosuite({
    mandatoryPointers,
    featureOption: commitment.featureOption,
    commitmentWithProof: readHolderCommitment(commitment),
    secretKey: parseMultibaseKey(issuerKey.secretKeyMultibase, 'secretKeyMultibase').bytes,
    publicKey: parseMultibaseKey(issuerKey.publicKeyMultibase, 'publicKeyMultibase').bytes,
  })
}
