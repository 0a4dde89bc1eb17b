/**
 * @module
 * The feature option a bbs-2023 derived proof value names, read from its header alone: the
 * CBOR tag bytes 0xd9 0x5d, then one byte per option. Verification reads it before anything
 * else, so that a verifier refuses an option it does not take (`proofFeatures`) before any
 * canonicalisation or BBS work. Internal to src/suites/bbs-2023.
 *
 * - Spec: https://www.w3.org/TR/vc-di-bbs/#parsederivedproofvalue
 */
// The subpath, not the package root: the root loads all of jose (some 45 modules) for one decoder.
import * as base64url from 'jose/base64url'
import type { ProofFeatureOption } from '../types.js'

/** The header's length: three bytes, four base64url characters after the multibase `u`. */
export const derivedProofHeaderBytes = 3

const featureOptions = new Map<number, ProofFeatureOption>([
  [0x03, 'baseline'],
  [0x05, 'anonymous_holder_binding'],
  [0x07, 'pseudonym'],
  [0x09, 'holder_binding_pseudonym'],
])

/** `u`, then the four base64url characters that encode the header. */
const multibaseHeader = /^u[A-Za-z0-9_-]{4}/

/**
 * The feature option a derived `proofValue` names in its header, decoding nothing after it.
 *
 * @returns `undefined` when the value does not open with a derived proof header: the full
 *   parse (parseDerivedProofValue) then says what is wrong
 */
export function readFeatureOption(proofValue: unknown): ProofFeatureOption | undefined {
  if (typeof proofValue !== 'string' || !multibaseHeader.test(proofValue)) return undefined
  const header = base64url.decode(proofValue.slice(1, 5))
  return header[0] === 0xd9 && header[1] === 0x5d ? featureOptions.get(header[2]!) : undefined
}
