/**
 * @module
 * Errors of the BBS code. A proof, signature or commitment that does not verify is not an
 * error (the verify functions return `false`); these are thrown for calls that cannot be
 * answered: arguments of the wrong shape, more messages than medcred agrees to process, or a
 * signer or prover asked to work on a commitment or signature that is not one.
 */
import { MedcredError } from '../errors/MedcredError.js'

/** The codes of the BBS code's errors. */
export type BbsErrorCode = 'ERR_BBS_ARGUMENT_INVALID' | 'ERR_BBS_TOO_MANY_MESSAGES' | 'ERR_BBS_COMMITMENT_INVALID' | 'ERR_BBS_SIGNATURE_INVALID'

/** A BBS function was called with arguments of the wrong type or shape. */
export class BbsArgumentError extends MedcredError {
  override name = 'BbsArgumentError'
  declare readonly code: 'ERR_BBS_ARGUMENT_INVALID'
  constructor(argument: string, expected: string) {
    super('ERR_BBS_ARGUMENT_INVALID', `Invalid BBS argument "${argument}": expected ${expected}.`, {
      details: { argument },
    })
  }
}

/**
 * A signature or proof covers more messages than {@link maxBbsMessages}. Each message needs a
 * generator point, which costs a hash-to-curve and memory that stays cached, so the count
 * that an untrusted proof may claim is bounded.
 */
export class BbsMessageLimitError extends MedcredError {
  override name = 'BbsMessageLimitError'
  declare readonly code: 'ERR_BBS_TOO_MANY_MESSAGES'
  constructor(count: number, limit: number) {
    super(
      'ERR_BBS_TOO_MANY_MESSAGES',
      `The BBS proof or signature covers ${count} messages; medcred verifies at most ${limit}, which bounds the work an untrusted proof can cause. Sign fewer statements per credential.`,
      { details: { count, limit } },
    )
  }
}

/** Why `blindSign` refused a commitment with proof. */
export type BbsCommitmentInvalidReason = 'encoding' | 'proof' | 'nymMissing'

const commitmentReasons: Record<BbsCommitmentInvalidReason, string> = {
  encoding: 'it is not a point of G1 other than the identity followed by at least two scalars in [1, r)',
  proof: 'its proof of correctness does not verify for this interface',
  nymMissing: "a signature with pseudonym needs the prover's commitment to its prover_nym",
}

/**
 * The prover's commitment with proof was refused by the signer: malformed, its proof does not
 * verify (tampered, or made for another interface), or missing where the interface needs one.
 */
export class BbsCommitmentInvalidError extends MedcredError {
  override name = 'BbsCommitmentInvalidError'
  declare readonly code: 'ERR_BBS_COMMITMENT_INVALID'
  readonly reason: BbsCommitmentInvalidReason
  constructor(reason: BbsCommitmentInvalidReason) {
    super('ERR_BBS_COMMITMENT_INVALID', `The BBS commitment with proof is refused: ${commitmentReasons[reason]}.`, { details: { reason } })
    this.reason = reason
  }
}

/**
 * A prover was given signature octets that are not a BBS signature (A, e): A a point of G1 other
 * than the identity, e a scalar in [1, r). A signature that decodes but does not verify is not
 * caught here: proofs made from it do not verify.
 */
export class BbsSignatureInvalidError extends MedcredError {
  override name = 'BbsSignatureInvalidError'
  declare readonly code: 'ERR_BBS_SIGNATURE_INVALID'
  constructor() {
    super('ERR_BBS_SIGNATURE_INVALID', 'The BBS signature cannot be read: expected 80 octets, a point of G1 other than the identity and a scalar in [1, r).')
  }
}
