/**
 * @module
 * The holder's side of the bbs-2023 feature options: its secrets (and the passphrase-sealed file
 * that keeps them), and the commitment an issuer signs blindly. Deriving with them is
 * `deriveCredential`'s `holder` option.
 */
export { createHolderCommitment, type CreateHolderCommitmentParameters, type CreateHolderCommitmentReturnType } from './createHolderCommitment.js'
export { decryptHolderSecret } from './decryptHolderSecret.js'
export { encryptHolderSecret, type EncryptHolderSecretOptions } from './encryptHolderSecret.js'
export { HolderSecretError, type HolderBindingErrorCode, type HolderSecretField } from './errors.js'
export { generateHolderSecret } from './generateHolderSecret.js'
export { pseudonymFor, type PseudonymForParameters } from './pseudonymFor.js'
export type { HolderBinding, HolderCommitment, HolderSecret } from './types.js'
