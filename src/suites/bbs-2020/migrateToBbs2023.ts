/**
 * @module
 * Re-issues a BbsBlsSignature2020 credential as a VC 2.0 credential with a bbs-2023 proof,
 * under the same BLS12-381 key: its issuer moves to the W3C suite without new keys, and the
 * DID document that lists the key serves both suites meanwhile.
 */
import type { DocumentLoader } from '../../contexts/types.js'
import { parseMultibaseKey } from '../../keys/parseMultibaseKey.js'
import type { KeyPair } from '../../keys/types.js'
import { issueCredential } from '../bbs-2023/issueCredential.js'
import { reasonOf } from '../errors.js'
import type { VerifiableCredential } from '../types.js'
import { bbs2020ProofKind, bbsContext, bbsContextAlias, credentialsV1Context } from './constants.js'
import { Bbs2020ProofError, MigrateCredentialError } from './errors.js'
import { resolveIssuerKey } from './resolveIssuerKey.js'
import { verifyBbs2020Proof } from './verifyBbs2020Proof.js'

export type MigrateToBbs2023Parameters = {
  /** The issuer's copy of the credential, with its BbsBlsSignature2020 proof. */
  credential: VerifiableCredential
  /** The key that signed it, with its secret key; `id` names the new proof's verification method. */
  issuerKey: KeyPair
  /** Resolves the old proof's verification method and loads the contexts (offline). */
  documentLoader: DocumentLoader
  /** Fields every derived credential must reveal, on top of the type's own (see issueCredential). */
  mandatory?: readonly string[] | undefined
  /** The new proof's `created` time; none when not given. */
  created?: Date | undefined
}

const vc2Context = 'https://www.w3.org/ns/credentials/v2'

/**
 * Verifies a BbsBlsSignature2020 credential, maps it to VC 2.0 and issues it with bbs-2023.
 *
 * The mapping: the VC 1.1 context becomes the VC 2.0 one and the suite's context goes (VC 2.0
 * defines Data Integrity proofs), `issuanceDate` becomes `validFrom` and `expirationDate`
 * `validUntil`; everything else is kept as signed. Only the issuer can migrate: a derived
 * credential lacks what it hides, and the new proof needs the secret key.
 *
 * - Spec: https://www.w3.org/TR/vc-data-model-2.0/#versioning-of-the-specification
 *
 * @param parameters - {@link MigrateToBbs2023Parameters}
 * @returns the credential with a bbs-2023 base proof, to hand to the holder
 * @throws {MigrateCredentialError} `ERR_BBS2020_MIGRATION_FAILED` when the credential is not a
 *   verified BbsBlsSignature2020 credential of this key's controller, or its VC 2.0 form cannot
 *   be signed (its other contexts clash with VC 2.0, or use terms VC 2.0 does not define).
 *
 * @example
 * ```ts
 * import { importBls12381G2Key2020, migrateToBbs2023 } from 'medcred'
 * const issuerKey = await importBls12381G2Key2020(legacyKeyPair)
 * const migrated = await migrateToBbs2023({ credential: legacy, issuerKey, documentLoader })
 * ```
 */
export async function migrateToBbs2023(parameters: MigrateToBbs2023Parameters): Promise<VerifiableCredential> {
  const { credential, issuerKey, documentLoader, mandatory, created } = parameters
  const proof = credential.proof as Record<string, unknown> | undefined
  if (bbs2020ProofKind(proof?.type) !== 'signature' || typeof proof?.verificationMethod !== 'string') {
    throw new MigrateCredentialError('only a credential with its BbsBlsSignature2020 signature can be migrated (a derived one lacks what it hides)')
  }
  // 1. The old proof must hold, and be the issuer's own.
  const outcome = await verifyBbs2020Proof(credential, documentLoader)
  if (!outcome.verified) {
    const why = outcome.error instanceof Bbs2020ProofError ? '' : ` (${reasonOf(outcome.error)})`
    throw new MigrateCredentialError(`its BbsBlsSignature2020 proof does not verify${why}`, outcome.error)
  }
  const issuer = typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id
  if (outcome.signer !== issuer) throw new MigrateCredentialError(`it was signed by ${outcome.signer}, not by its issuer ${issuer}`)
  // 2. Same key: the point of migrating is that verifiers need nothing new.
  const { publicKey } = await resolveIssuerKey(proof.verificationMethod, documentLoader)
  const given = parseMultibaseKey(issuerKey.publicKeyMultibase, 'publicKeyMultibase').bytes
  if (given.length !== publicKey.length || !given.every((byte, i) => byte === publicKey[i])) {
    throw new MigrateCredentialError('the issuer key is not the key that signed it')
  }
  // 3. VC 1.1 -> VC 2.0, then sign with bbs-2023.
  const { proof: _old, issuanceDate, expirationDate, ...rest } = credential
  const contexts = ([] as unknown[]).concat(credential['@context'])
  const unsigned: Record<string, unknown> = {
    ...rest,
    '@context': [vc2Context, ...contexts.filter((c) => c !== credentialsV1Context && c !== bbsContext && c !== bbsContextAlias)],
    ...(rest.validFrom === undefined && issuanceDate !== undefined ? { validFrom: issuanceDate } : {}),
    ...(rest.validUntil === undefined && expirationDate !== undefined ? { validUntil: expirationDate } : {}),
  }
  try {
    return await issueCredential({ credential: unsigned, issuerKey, documentLoader, mandatory, created })
  } catch (error) {
    throw new MigrateCredentialError(`its VC 2.0 form cannot be signed (${reasonOf(error)})`, error)
  }
}
