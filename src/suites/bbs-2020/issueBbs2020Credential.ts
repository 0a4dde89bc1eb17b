/**
 * @module
 * Issues a credential with a BbsBlsSignature2020 proof (BBS+ over each canonical statement),
 * as deployed systems (MATTR, MediBloc, Sphereon, Credo) issue and verify them.
 */
import { base64 } from '@scure/base'
import type { DocumentLoader } from '../../contexts/types.js'
import { parseMultibaseKey } from '../../keys/parseMultibaseKey.js'
import type { KeyPair } from '../../keys/types.js'
import { IssueCredentialError, issueRefusal, reasonOf } from '../errors.js'
import { boundDocument } from '../inputBounds/boundDocument.js'
import type { InputLimits } from '../../verify/types.js'
import type { VerifiableCredential } from '../types.js'
import { signStatements, verifyStatements } from './bbsPlus.js'
import { bbsContext, bbsContextAlias, credentialsV1Context, signatureProofType } from './constants.js'
import { canonicalStatements, proofOptionStatements } from './statements.js'

export type IssueBbs2020CredentialParameters = {
  /** The unsigned VC 1.1 credential: its first `@context` is https://www.w3.org/2018/credentials/v1. */
  credential: Record<string, unknown>
  /** The issuer's BLS12-381 G2 key pair, with its secret key and verification method id. */
  issuerKey: KeyPair
  /** Loads contexts (and nothing else: signing resolves no DID). */
  documentLoader: DocumentLoader
  /** The proof's `created` time; the proof has none when not given (nothing reads a wall clock). */
  created?: Date | undefined
  /**
   * Bounds on the credential, checked before any canonicalisation or BBS work (its callers may
   * be strangers: `medcred serve`). Defaults as for verification (see {@link InputLimits}).
   */
  limits?: InputLimits | undefined
}

/**
 * Signs a VC 1.1 credential with a BbsBlsSignature2020 proof. The suite context
 * (https://w3id.org/security/bbs/v1) is appended to `@context` when the credential has neither
 * of its URLs, so that `proof` can be read.
 *
 * - Spec: https://w3c-ccg.github.io/ldp-bbs2020/#signature-algorithm
 *
 * @param parameters - {@link IssueBbs2020CredentialParameters}
 * @returns the credential with its proof; verifiers may check it whole, holders derive from it
 * @throws {IssueCredentialError} `ERR_ISSUE_FAILED` when the key cannot sign (wrong type, no
 *   secret key, no id, a secret key that is not the public key's), the credential is not VC 1.1
 *   or it cannot be canonicalised with the bundled contexts (an undefined term, say);
 *   `ERR_ISSUE_INPUT_TOO_DEEP` or `ERR_ISSUE_INPUT_TOO_LARGE` when it is over `limits`.
 *
 * @example
 * ```ts
 * import { createDocumentLoader, issueBbs2020Credential } from 'medcred'
 * const signed = await issueBbs2020Credential({ credential, issuerKey, documentLoader: createDocumentLoader() })
 * ```
 */
export async function issueBbs2020Credential(parameters: IssueBbs2020CredentialParameters): Promise<VerifiableCredential> {
  const { credential, issuerKey, documentLoader, created } = parameters
  if (issuerKey.type !== 'Bls12381G2') {
    throw new IssueCredentialError(`BbsBlsSignature2020 needs a Bls12381G2 key, not ${issuerKey.type}`)
  }
  if (!issuerKey.secretKeyMultibase) throw new IssueCredentialError('the issuer key has no secret key')
  if (!issuerKey.id) throw new IssueCredentialError('the issuer key has no verification method id')
  await boundDocument(credential, documentLoader, parameters.limits, issueRefusal)
  const context = ([] as unknown[]).concat(credential['@context'] ?? [])
  if (context[0] !== credentialsV1Context) {
    throw new IssueCredentialError(`a BbsBlsSignature2020 credential's first @context must be ${credentialsV1Context}`)
  }
  const { proof: _unsigned, ...document } = structuredClone(credential)
  if (!context.includes(bbsContext) && !context.includes(bbsContextAlias)) document['@context'] = [...context, bbsContext]
  try {
    const secretKey = parseMultibaseKey(issuerKey.secretKeyMultibase, 'secretKeyMultibase').bytes
    const publicKey = parseMultibaseKey(issuerKey.publicKeyMultibase, 'publicKeyMultibase').bytes
    // 1. The proof options: everything of the proof but its value.
    const options = {
      type: signatureProofType,
      ...(created ? { created: created.toISOString().replace(/\.\d{3}Z$/, 'Z') } : {}),
      proofPurpose: 'assertionMethod',
      verificationMethod: issuerKey.id,
    }
    // 2. The messages: the options' canonical statements, then the document's.
    const statements = [...(await proofOptionStatements(options, documentLoader)), ...(await canonicalStatements(document, documentLoader))]
    // 3. One BBS+ signature over all of them.
    const signature = await signStatements({ secretKey, publicKey }, statements)
    // The public key is part of the BBS+ key: a mismatched pair signs, and nothing ever verifies.
    if (!(await verifyStatements(publicKey, statements, signature))) {
      throw new IssueCredentialError('the secret key does not belong to the public key')
    }
    return { ...document, proof: { ...options, proofValue: base64.encode(signature) } } as VerifiableCredential
  } catch (error) {
    if (error instanceof IssueCredentialError) throw error
    throw new IssueCredentialError(reasonOf(error), error)
  }
}
