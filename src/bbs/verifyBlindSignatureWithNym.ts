/**
 * @module
 * VerifyFinalizeWithNym of the per-verifier-linkability draft: the holder's check, on receipt,
 * of a signature with pseudonym, which also gives its nym secret, prover_nym +
 * signer_nym_entropy (mod r), the secret of every pseudonym and proof it will make.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-per-verifier-linkability/ ("Verification and Finalization"), draft 01
 */
import { assertScalar } from './assertArguments.js'
import { r } from './ciphersuite.js'
import { pseudonymInterface } from './interfaces.js'
import { coreBlindVerify, type VerifyBlindSignatureParameters } from './verifyBlindSignature.js'

export type VerifyBlindSignatureWithNymParameters = VerifyBlindSignatureParameters & {
  /** prover_nym: the holder's part of the nym secret, as committed. */
  proverNym: bigint
  /** signer_nym_entropy: the signer's part, received with the signature. */
  signerNymEntropy: bigint
}

/**
 * Verifies a signature with pseudonym as its holder, and finalizes its nym secret.
 *
 * @param parameters - {@link VerifyBlindSignatureWithNymParameters}
 * @returns nym_secret = prover_nym + signer_nym_entropy (mod r) when the signature is VALID,
 *   `undefined` otherwise
 * @throws {BbsArgumentError} `ERR_BBS_ARGUMENT_INVALID` when an argument has the wrong type or a
 *   scalar is not in [1, r).
 * @throws {BbsMessageLimitError} `ERR_BBS_TOO_MANY_MESSAGES` beyond {@link maxBbsMessages} messages.
 *
 * @example
 * ```ts
 * import { bbs } from 'medcred'
 * const nymSecret = bbs.verifyBlindSignatureWithNym({ publicKey, signature, header, messages, committedMessages: [], secretProverBlind, proverNym, signerNymEntropy })
 * if (nymSecret === undefined) throw new Error('the issuer sent an invalid signature')
 * ```
 */
export function verifyBlindSignatureWithNym(parameters: VerifyBlindSignatureWithNymParameters): bigint | undefined {
  const { proverNym, signerNymEntropy } = parameters
  assertScalar(proverNym, 'proverNym')
  assertScalar(signerNymEntropy, 'signerNymEntropy')
  // 2. nym_secret = prover_nym + signer_nym_entropy (modulo r); 3-5. verify with it last
  const nymSecret = (proverNym + signerNymEntropy) % r
  return coreBlindVerify(parameters, pseudonymInterface, nymSecret) ? nymSecret : undefined
}
