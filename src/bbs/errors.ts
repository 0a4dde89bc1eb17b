/**
 * @module
 * Errors of the BBS verification code. A proof or signature that does not verify is not an
 * error (the verify functions return `false`); these are thrown for calls that cannot be
 * answered: arguments of the wrong shape, or more messages than medcred agrees to process.
 */
import { MedcredError } from '../errors/MedcredError.js'

/** The codes of the BBS verification code's errors. */
export type BbsErrorCode = 'ERR_BBS_ARGUMENT_INVALID' | 'ERR_BBS_TOO_MANY_MESSAGES'

/** A BBS verify function was called with arguments of the wrong type or shape. */
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
