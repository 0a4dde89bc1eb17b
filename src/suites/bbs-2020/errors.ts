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

/** Why the verification method of a 2020 proof cannot be used. */
export type Bbs2020KeyErrorParameters = { verificationMethod: string } & (
  /** The document loaded for the method's id is another. */
  | { reason: 'notThatMethod' }
  | { reason: 'noController' }
  /** Its key field does not decode as its type requires. */
  | { reason: 'keyEncoding' }
  /** A method of `type` that holds no BLS12-381 G2 key. */
  | { reason: 'notBls12381G2'; type: unknown }
  | { reason: 'keyLength'; bytes: number; expected: number }
  | { reason: 'revoked' }
  /** Its `controller` does not list it for `assertionMethod`. */
  | { reason: 'notAssertionMethod'; controller: string }
)

function describeBbs2020Key(parameters: Bbs2020KeyErrorParameters): [Bbs2020KeyErrorCode, string] {
  switch (parameters.reason) {
    case 'notThatMethod':
      return ['ERR_BBS2020_KEY_UNSUPPORTED', 'the document found is not that verification method']
    case 'noController':
      return ['ERR_BBS2020_KEY_UNSUPPORTED', 'it names no controller']
    case 'keyEncoding':
      return ['ERR_BBS2020_KEY_UNSUPPORTED', 'its public key is not encoded as its type requires']
    case 'notBls12381G2':
      return [
        'ERR_BBS2020_KEY_UNSUPPORTED',
        `a ${String(parameters.type)} is not a BLS12-381 G2 key (expected Bls12381G2Key2020, a Bls12381G2 Multikey or a Bls12381G2 JsonWebKey2020)`,
      ]
    case 'keyLength':
      return ['ERR_BBS2020_KEY_UNSUPPORTED', `its public key is ${parameters.bytes} bytes, not ${parameters.expected}`]
    case 'revoked':
      return ['ERR_BBS2020_KEY_NOT_AUTHORIZED', 'it has been revoked']
    case 'notAssertionMethod':
      return ['ERR_BBS2020_KEY_NOT_AUTHORIZED', `${parameters.controller} does not list it as an assertion method`]
  }
}

/**
 * The verification method of a 2020 proof is not a usable BLS12-381 G2 key (`ERR_BBS2020_KEY_UNSUPPORTED`),
 * or its controller does not list it for `assertionMethod`, or it was revoked
 * (`ERR_BBS2020_KEY_NOT_AUTHORIZED`); `reason` says which.
 */
export class Bbs2020KeyError extends MedcredError {
  override name = 'Bbs2020KeyError'
  declare readonly code: Bbs2020KeyErrorCode
  /** Why the method cannot be used. */
  readonly reason: Bbs2020KeyErrorParameters['reason']
  constructor(parameters: Bbs2020KeyErrorParameters) {
    const { verificationMethod } = parameters
    const [code, why] = describeBbs2020Key(parameters)
    super(code, `Verification method "${verificationMethod}" cannot verify this credential: ${why}.`, { details: { verificationMethod } })
    this.reason = parameters.reason
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
