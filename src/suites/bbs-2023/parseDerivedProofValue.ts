/**
 * @module
 * Reads a bbs-2023 derived proof value (vc-di-bbs, "parseDerivedProofValue"). medcred reads
 * it itself rather than through the stock cryptosuite so that one strict decoder serves the
 * BBS check and the challenge: the stock reader decodes base64url with a package whose
 * browser build reads whitespace as zero bits, so two readers of one value could disagree.
 * It reads the feature options' values too (holder binding, pseudonyms). Internal to
 * src/suites/bbs-2023.
 */
import { decode } from 'cborg'
// The subpath, not the package root: the root loads all of jose (some 45 modules) for one decoder.
import * as base64url from 'jose/base64url'
import { createLruCache } from '../../cache/createLruCache.js'
import { MedcredError } from '../../errors/MedcredError.js'
import type { ProofFeature, ProofFeatureOption } from '../types.js'
import { derivedProofHeaderBytes, readFeatureOption } from './readFeatureOption.js'

/**
 * How many CBOR components each feature's value holds. The pseudonym ones: the spec's
 * serializeDerivedProofValue writes nym_domain before the pseudonym (eight), the W3C test
 * vectors (w3c/vc-di-bbs e33bf8b) do not (seven); both are read.
 */
const componentCounts: Record<ProofFeatureOption, { counts: readonly number[]; text: string }> = {
  baseline: { counts: [5], text: 'five' },
  anonymous_holder_binding: { counts: [6], text: 'six' },
  pseudonym: { counts: [7, 8], text: 'seven or eight' },
  holder_binding_pseudonym: { counts: [7, 8], text: 'seven or eight' },
}

/** Multibase base64url without padding: `u`, then the URL-safe alphabet only. */
const strictBase64url = /^u[A-Za-z0-9_-]+$/

/** The fields of a derived proof value, validated. */
export type DerivedProofValue = {
  bbsProof: Uint8Array
  /** Canonical label (`c14nN`) -> the issuer's HMAC'd label (`bN`). */
  labelMap: Map<string, string>
  mandatoryIndexes: number[]
  selectiveIndexes: number[]
  presentationHeader: Uint8Array
  /** The feature option its header byte names. */
  featureOption: ProofFeatureOption
  /** With a feature: how many messages the issuer signed itself (the BBS messages); the holder's committed ones follow. */
  lengthBBSMessages?: number | undefined
  /** With a pseudonym feature: the pseudonym, 48 octets. */
  pseudonym?: Uint8Array | undefined
  /** With a pseudonym feature, when the value carries it: the context id (nym_domain) the holder made the pseudonym for. */
  nymDomain?: Uint8Array | undefined
}

/** A proofValue that is not a well-formed bbs-2023 derived proof value. */
export class ProofValueMalformedError extends MedcredError {
  override name = 'ProofValueMalformedError'
  declare readonly code: 'ERR_VERIFY_PROOF_VALUE_MALFORMED'
  constructor(reason: string, cause?: unknown) {
    super('ERR_VERIFY_PROOF_VALUE_MALFORMED', `The proof value is malformed: ${reason}.`, { cause })
  }
}

/**
 * Decodes a derived proof value.
 *
 * - Spec: https://www.w3.org/TR/vc-di-bbs/#parsederivedproofvalue
 *
 * @throws {ProofValueMalformedError} `ERR_VERIFY_PROOF_VALUE_MALFORMED` when it is not strict
 *   multibase base64url (whitespace, padding or another alphabet), not a derived proof (of a
 *   feature option bbs-2023 defines), or its CBOR fields have the wrong number or types.
 */
export function parseDerivedProofValue(proofValue: unknown): DerivedProofValue {
  const known = typeof proofValue === 'string' ? recentlyParsed.get(proofValue) : undefined
  if (known) return copyOf(known)
  const parsed = parse(proofValue)
  if ((proofValue as string).length <= rememberedLength) recentlyParsed.set(proofValue as string, copyOf(parsed))
  return parsed
}

/**
 * Values parsed lately: one verification reads its proof value three times (the input bounds,
 * the proof check, the challenge). Each caller gets its own copy, which it may change.
 */
const recentlyParsed = createLruCache<string, DerivedProofValue>(8)
/** Longer values are parsed each time: what the cache holds stays small. */
const rememberedLength = 16_384

function copyOf(value: DerivedProofValue): DerivedProofValue {
  return {
    ...value,
    bbsProof: value.bbsProof.slice(),
    labelMap: new Map(value.labelMap),
    mandatoryIndexes: [...value.mandatoryIndexes],
    selectiveIndexes: [...value.selectiveIndexes],
    presentationHeader: value.presentationHeader.slice(),
    ...(value.pseudonym && { pseudonym: value.pseudonym.slice() }),
    ...(value.nymDomain && { nymDomain: value.nymDomain.slice() }),
  }
}

function parse(proofValue: unknown): DerivedProofValue {
  if (typeof proofValue !== 'string' || !strictBase64url.test(proofValue)) {
    throw new ProofValueMalformedError('it must be "u" followed by unpadded base64url, with no other character')
  }
  // 1. Decode base64url; a derived-proof tag must open it, its third byte naming the feature.
  const bytes = base64url.decode(proofValue.slice(1))
  const featureOption = readFeatureOption(proofValue)
  if (featureOption === undefined) {
    throw new ProofValueMalformedError('it is not a bbs-2023 derived proof (a base proof must be derived first)')
  }
  // 2. The CBOR array of the feature's components. Some encoders write byte strings as tag 64.
  let fields: unknown
  try {
    const tags: ((inner: unknown) => unknown)[] = []
    tags[64] = (inner) => inner
    fields = decode(bytes.subarray(derivedProofHeaderBytes), { useMaps: true, tags })
  } catch (error) {
    throw new ProofValueMalformedError('its CBOR cannot be read', error)
  }
  const { counts, text } = componentCounts[featureOption]
  if (!Array.isArray(fields) || !counts.includes(fields.length)) {
    throw new ProofValueMalformedError(`it must hold ${text} components${featureOption === 'baseline' ? '' : ` for ${featureOption}`}`)
  }
  const [bbsProof, compressedLabelMap, mandatoryIndexes, selectiveIndexes, presentationHeader, ...featureFields] = fields as unknown[]
  if (!(bbsProof instanceof Uint8Array)) throw new ProofValueMalformedError('bbsProof must be bytes')
  if (!(presentationHeader instanceof Uint8Array)) throw new ProofValueMalformedError('presentationHeader must be bytes')
  if (!isIndexList(mandatoryIndexes) || !isIndexList(selectiveIndexes)) {
    throw new ProofValueMalformedError('mandatoryIndexes and selectiveIndexes must be lists of non-negative integers')
  }
  // 3. The compressed label map: integer -> integer, for c14nN -> bN.
  if (!(compressedLabelMap instanceof Map)) throw new ProofValueMalformedError('the label map must be a map')
  const labelMap = new Map<string, string>()
  for (const [from, to] of compressedLabelMap) {
    if (!isIndex(from) || !isIndex(to)) throw new ProofValueMalformedError('the label map must map integers to integers')
    labelMap.set(`c14n${from}`, `b${to}`)
  }
  const parsed = { bbsProof, labelMap, mandatoryIndexes, selectiveIndexes, presentationHeader, featureOption }
  return featureOption === 'baseline' ? parsed : { ...parsed, ...readFeatureFields(featureOption, featureFields) }
}

/**
 * The components after the presentation header: lengthBBSMessages last; before it, for the
 * pseudonym features, the pseudonym, and before that nym_domain when the value carries it.
 */
function readFeatureFields(featureOption: ProofFeature, fields: unknown[]): Pick<DerivedProofValue, 'lengthBBSMessages' | 'pseudonym' | 'nymDomain'> {
  const lengthBBSMessages = fields[fields.length - 1]
  if (!isIndex(lengthBBSMessages)) throw new ProofValueMalformedError('lengthBBSMessages must be a non-negative integer')
  if (featureOption === 'anonymous_holder_binding') return { lengthBBSMessages }
  const pseudonym = fields[fields.length - 2]
  if (!(pseudonym instanceof Uint8Array) || pseudonym.length !== 48) throw new ProofValueMalformedError('the pseudonym must be 48 bytes (a compressed G1 point)')
  if (fields.length === 2) return { lengthBBSMessages, pseudonym }
  const nymDomain = fields[0]
  if (typeof nymDomain === 'string') return { lengthBBSMessages, pseudonym, nymDomain: new TextEncoder().encode(nymDomain) }
  if (!(nymDomain instanceof Uint8Array)) throw new ProofValueMalformedError('nym_domain must be bytes or text')
  return { lengthBBSMessages, pseudonym, nymDomain }
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

function isIndexList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every(isIndex)
}
