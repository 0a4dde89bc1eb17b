/**
 * @module
 * Errors of the BbsBlsSignature2020 suites. A proof that does not verify says only that; a
 * key that cannot be used, or a migration that cannot be done, says why.
 */
import { MedcredError } from '../../errors/MedcredError.js'

/** A 2020 proof does not verify: the message is fixed, the reason is kept as `cause` only. */
export class Bbs2020ProofError extends MedcredError {
  override name = 'Bbs2020ProofError'
  declare readonly code: 'ERR_VERIFY_PROOF_INVALID'
  constructor(cause?: unknown) {
    super('ERR_VERIFY_PROOF_INVALID', 'The credential proof does not verify.', { cause })
  }
}

/** Why the key a 2020 proof names cannot be used. */
export type Bbs2020KeyErrorCode = 'ERR_BBS2020_KEY_UNSUPPORTED' | 'ERR_BBS2020_KEY_NOT_AUTHORIZED'

/**
 * The codes of the BbsBlsSignature2020 suites' own errors. A 2020 proof that does not verify
 * is `ERR_VERIFY_PROOF_INVALID`, as any proof that does not verify.
 */
export type Bbs2020ErrorCode = Bbs2020KeyErrorCode | 'ERR_BBS2020_MIGRATION_FAILED'

/**
 * The verification method of a 2020 proof is not a usable BLS12-381 G2 key (`ERR_BBS2020_KEY_UNSUPPORTED`),
 * or its controller does not list it for `assertionMethod`, or it was revoked
 * (`ERR_BBS2020_KEY_NOT_AUTHORIZED`).
 */
export class Bbs2020KeyError extends MedcredError {
  override name = 'Bbs2020KeyError'
  declare readonly code: Bbs2020KeyErrorCode
  constructor(code: Bbs2020KeyErrorCode, verificationMethod: string, reason: string) {
    super(code, `Verification method "${verificationMethod}" cannot verify this credential: ${reason}.`, {
      details: { verificationMethod },
    })
  }
}

/** A BbsBlsSignature2020 credential cannot be re-issued as bbs-2023. */
export class MigrateCredentialError extends MedcredError {
  override name = 'MigrateCredentialError'
  declare readonly code: 'ERR_BBS2020_MIGRATION_FAILED'
  constructor(reason: string, cause?: unknown) {
    super('ERR_BBS2020_MIGRATION_FAILED', `Cannot migrate the credential to bbs-2023: ${reason}.`, { cause })
  }
}
