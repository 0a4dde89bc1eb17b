/**
 * @module
 * Writes a bbs-2023 derived proof value (vc-di-bbs "serializeDerivedProofValue") for the
 * feature options; parseDerivedProofValue reads it back. The baseline is the stock
 * cryptosuite's. Internal to src/suites/bbs-2023.
 *
 * - Spec: https://www.w3.org/TR/vc-di-bbs/#serializederivedproofvalue
 */
import { encode } from 'cborg'
// The subpath, not the package root: the root loads all of jose (some 45 modules) for one codec.
import * as base64url from 'jose/base64url'
import type { ProofFeature } from '../types.js'

export type SerializeDerivedProofValueParameters = {
  bbsProof: Uint8Array
  /** The verifier's canonical label (`c14nN`) -> the issuer's HMAC'd label (`bN`). */
  labelMap: Map<string, string>
  mandatoryIndexes: number[]
  selectiveIndexes: number[]
  presentationHeader: Uint8Array
  featureOption: ProofFeature
  /** How many messages the issuer signed itself. */
  lengthBBSMessages: number
  /** With a pseudonym option: the context id and the pseudonym (48 octets). */
  nymDomain?: Uint8Array | undefined
  pseudonym?: Uint8Array | undefined
}

const derivedHeaderBytes: Record<ProofFeature, number> = {
  anonymous_holder_binding: 0x05,
  pseudonym: 0x07,
  holder_binding_pseudonym: 0x09,
}

/** The derived proof value: the header, then the untagged CBOR array of the feature's components. */
export function serializeDerivedProofValue(parameters: SerializeDerivedProofValueParameters): string {
  const { bbsProof, labelMap, mandatoryIndexes, selectiveIndexes, presentationHeader, featureOption, lengthBBSMessages, nymDomain, pseudonym } = parameters
  // compressLabelMap: c14nN -> bM as N -> M.
  const compressed = new Map([...labelMap].map(([from, to]) => [Number(from.slice('c14n'.length)), Number(to.slice('b'.length))]))
  const components: unknown[] = [bbsProof, compressed, mandatoryIndexes, selectiveIndexes, presentationHeader]
  if (featureOption !== 'anonymous_holder_binding') {
    if (nymDomain === undefined || pseudonym === undefined) throw new TypeError(`a ${featureOption} proof value needs nym_domain and the pseudonym`)
    components.push(nymDomain, pseudonym)
  }
  components.push(lengthBBSMessages)
  const cbor = encode(components)
  const bytes = new Uint8Array(3 + cbor.length)
  bytes.set([0xd9, 0x5d, derivedHeaderBytes[featureOption]])
  bytes.set(cbor, 3)
  return `u${base64url.encode(bytes)}`
}
