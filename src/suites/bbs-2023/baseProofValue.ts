/**
 * @module
 * Writes and reads a bbs-2023 base proof value (vc-di-bbs "serializeBaseProofValue" and
 * "parseBaseProofValue") for every feature option. The stock cryptosuite knows only the
 * baseline; the holder-binding and pseudonym options are written here. Internal to
 * src/suites/bbs-2023.
 *
 * - Spec: https://www.w3.org/TR/vc-di-bbs/#serializebaseproofvalue
 */
import { decode, encode } from 'cborg'
// The subpath, not the package root: the root loads all of jose (some 45 modules) for one codec.
import * as base64url from 'jose/base64url'
import type { ProofFeatureOption } from '../types.js'

/** The fields of a base proof value. */
export type BaseProofValue = {
  bbsSignature: Uint8Array
  bbsHeader: Uint8Array
  publicKey: Uint8Array
  hmacKey: Uint8Array
  mandatoryPointers: string[]
  featureOption: ProofFeatureOption
  /** With a pseudonym option: the issuer's share of the nym secret, a scalar as 32 bytes. */
  signerNymEntropy?: Uint8Array | undefined
}

const baseHeaderBytes = new Map<ProofFeatureOption, number>([
  ['baseline', 0x02],
  ['anonymous_holder_binding', 0x04],
  ['pseudonym', 0x06],
  ['holder_binding_pseudonym', 0x08],
])

/** Whether an option carries the issuer's nym entropy. */
export function hasPseudonym(featureOption: ProofFeatureOption): boolean {
  return featureOption === 'pseudonym' || featureOption === 'holder_binding_pseudonym'
}

/**
 * Serializes a base proof value: the header, then the CBOR array of its components, untagged
 * as the spec requires (the entropy as a 32-byte string).
 */
export function serializeBaseProofValue(value: BaseProofValue): string {
  const { bbsSignature, bbsHeader, publicKey, hmacKey, mandatoryPointers, featureOption, signerNymEntropy } = value
  const components: unknown[] = [bbsSignature, bbsHeader, publicKey, hmacKey, mandatoryPointers]
  if (hasPseudonym(featureOption)) {
    if (signerNymEntropy?.length !== 32) throw new TypeError(`a ${featureOption} base proof needs the 32-byte signer nym entropy`)
    components.push(signerNymEntropy)
  }
  const cbor = encode(components)
  const bytes = new Uint8Array(3 + cbor.length)
  bytes.set([0xd9, 0x5d, baseHeaderBytes.get(featureOption)!])
  bytes.set(cbor, 3)
  return `u${base64url.encode(bytes)}`
}

/** Why a base proof value cannot be read. */
export class BaseProofValueError extends Error {
  override name = 'BaseProofValueError'
}

/**
 * Reads a base proof value of any feature option. The W3C test vectors write the entropy as a
 * CBOR bignum (tag 2) and some encoders byte strings as tag 64: both are read.
 *
 * @throws {BaseProofValueError} when it is not a base proof value or a component is malformed
 */
export function parseBaseProofValue(proofValue: unknown): BaseProofValue {
  if (typeof proofValue !== 'string' || !/^u[A-Za-z0-9_-]+$/.test(proofValue)) {
    throw new BaseProofValueError('the proof value is not multibase base64url')
  }
  const bytes = base64url.decode(proofValue.slice(1))
  const featureOption = bytes[0] === 0xd9 && bytes[1] === 0x5d ? [...baseHeaderBytes].find(([, byte]) => byte === bytes[2])?.[0] : undefined
  if (featureOption === undefined) throw new BaseProofValueError('the proof value is not a bbs-2023 base proof')
  const tags: ((inner: unknown) => unknown)[] = []
  tags[64] = (inner) => inner
  tags[2] = (inner) => inner
  let components: unknown
  try {
    components = decode(bytes.subarray(3), { tags })
  } catch (error) {
    throw new BaseProofValueError('the base proof value is not CBOR', { cause: error })
  }
  const count = hasPseudonym(featureOption) ? 6 : 5
  if (!Array.isArray(components) || components.length !== count) {
    throw new BaseProofValueError(`a ${featureOption} base proof value holds ${count} components`)
  }
  const [bbsSignature, bbsHeader, publicKey, hmacKey, mandatoryPointers, entropy] = components as unknown[]
  for (const [name, field] of Object.entries({ bbsSignature, bbsHeader, publicKey, hmacKey })) {
    if (!(field instanceof Uint8Array)) throw new BaseProofValueError(`${name} must be bytes`)
  }
  if (!Array.isArray(mandatoryPointers) || !mandatoryPointers.every((pointer) => typeof pointer === 'string')) {
    throw new BaseProofValueError('mandatoryPointers must be a list of strings')
  }
  const value = { bbsSignature, bbsHeader, publicKey, hmacKey, mandatoryPointers, featureOption } as BaseProofValue
  if (!hasPseudonym(featureOption)) return value
  if (!(entropy instanceof Uint8Array) || entropy.length === 0 || entropy.length > 32) {
    throw new BaseProofValueError('the signer nym entropy must be a scalar of at most 32 bytes')
  }
  const signerNymEntropy = new Uint8Array(32)
  signerNymEntropy.set(entropy, 32 - entropy.length)
  return { ...value, signerNymEntropy }
}
