/**
 * @module
 * The issuer's first reading of a holder's commitment, before the BBS check of its proof: a
 * feature option bbs-2023 defines, strict multibase base64url, and as many committed messages
 * as the option commits (the holder secret, prover_nym, or both), so no holder can get a
 * "bound" credential bound to nothing. Internal to src/suites/bbs-2023.
 */
// The subpath, not the package root: the root loads all of jose (some 45 modules) for one codec.
import * as base64url from 'jose/base64url'
import type { HolderCommitment } from '../../holderBinding/types.js'
import { IssueCredentialError } from '../errors.js'
import type { ProofFeature } from '../types.js'

const committedCounts: Record<ProofFeature, number> = {
  anonymous_holder_binding: 1,
  pseudonym: 1,
  holder_binding_pseudonym: 2,
}

/** commitment_with_proof: C (48 octets), s^ (32), one m^ (32) per committed message, cp (32). */
const lengthWith = (committed: number): number => 48 + 32 + 32 * committed + 32

/**
 * The commitment's octets.
 *
 * @throws {IssueCredentialError} `ERR_ISSUE_COMMITMENT_INVALID` when the option is unknown, the
 *   value is not multibase base64url, or its length is not the option's.
 */
export function readHolderCommitment(commitment: HolderCommitment): Uint8Array {
  const { featureOption, commitmentWithProof } = (commitment ?? {}) as Partial<HolderCommitment>
  const refuse = (reason: string) => new IssueCredentialError(`the holder's commitment is invalid (${reason})`, undefined, { code: 'ERR_ISSUE_COMMITMENT_INVALID' })
  if (typeof featureOption !== 'string' || !Object.hasOwn(committedCounts, featureOption)) {
    throw refuse('featureOption must be anonymous_holder_binding, pseudonym or holder_binding_pseudonym')
  }
  if (typeof commitmentWithProof !== 'string' || !/^u[A-Za-z0-9_-]+$/.test(commitmentWithProof)) {
    throw refuse('commitmentWithProof must be "u" followed by unpadded base64url')
  }
  const bytes = base64url.decode(commitmentWithProof.slice(1))
  const committed = committedCounts[featureOption]
  if (bytes.length !== lengthWith(committed)) {
    throw refuse(`a ${featureOption} commitment commits to ${committed} message${committed === 1 ? '' : 's'}: ${lengthWith(committed)} octets, not ${bytes.length}`)
  }
  return bytes
}
