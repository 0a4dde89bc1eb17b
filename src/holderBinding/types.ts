/**
 * @module
 * The holder's secrets for the bbs-2023 feature options (anonymous holder binding and
 * pseudonyms) and the commitment a holder sends an issuer.
 */
import type { ProofFeature } from '../suites/types.js'

/**
 * A holder's long-lived secrets. They never leave the holder: an issuer sees only a commitment
 * to them, a verifier only a proof that the holder knows them (and, with a pseudonym, the
 * pseudonym for its own context).
 */
export type HolderSecret = {
  /** vc-di-bbs `holder_secret`: 32 random bytes, the committed message of holder binding. */
  holderSecret: Uint8Array
  /** vc-di-bbs `prover_nym`: the holder's share of every nym secret, a scalar in [1, r) as 32 bytes big-endian. */
  proverNym: Uint8Array
}

/** What a holder sends an issuer to be signed blindly: the feature it asks for and its commitment. */
export type HolderCommitment = {
  featureOption: ProofFeature
  /** `commitment_with_proof` of the Blind BBS draft, multibase base64url (`u...`). */
  commitmentWithProof: string
}

/**
 * What the holder keeps with the credential it receives for a {@link HolderCommitment}: every
 * derivation from that credential needs it, with the {@link HolderSecret}.
 */
export type HolderBinding = {
  secret: HolderSecret
  /** `secret_prover_blind`, a scalar as 32 bytes big-endian, from {@link createHolderCommitment}. */
  secretProverBlind: Uint8Array
}
