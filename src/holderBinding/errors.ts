/**
 * @module
 * Errors of the holder's secrets and commitments.
 */
import { MedcredError } from '../errors/MedcredError.js'

/** The codes of src/holderBinding. */
export type HolderBindingErrorCode = 'ERR_HOLDER_SECRET_INVALID'

/** Which input of `createHolderCommitment` is wrong. */
export type HolderSecretField = 'holderSecret' | 'proverNym' | 'featureOption'

const fieldMessages: Record<HolderSecretField, string> = {
  holderSecret: 'holderSecret must be 32 bytes',
  proverNym: 'proverNym must be a scalar in [1, r) as 32 bytes big-endian',
  featureOption: 'featureOption must be anonymous_holder_binding, pseudonym or holder_binding_pseudonym',
}

/** A holder secret or commitment request that cannot be used: `generateHolderSecret` makes good ones. */
export class HolderSecretError extends MedcredError {
  override name = 'HolderSecretError'
  declare readonly code: 'ERR_HOLDER_SECRET_INVALID'
  readonly field: HolderSecretField
  constructor(field: HolderSecretField) {
    super('ERR_HOLDER_SECRET_INVALID', `The holder secret cannot be used: ${fieldMessages[field]}.`, { details: { field } })
    this.field = field
  }
}
