/**
 * @module
 * Reads a bbs-2023 derived proof value (vc-di-bbs, "parseDerivedProofValue"). medcred reads
 * it itself rather than through the stock cryptosuite so that one strict decoder serves the
 * BBS check and the challenge: the stock reader decodes base64url with a package whose
 * browser build reads whitespace as zero bits, so two readers of one value could disagree.
 * Internal to src/suites/bbs-2023.
 */
import { decode } from 'cborg'
import { base64url } from 'jose'
import { MedcredError } from '../../errors/MedcredError.js'

/** bbs-2023's CBOR tag bytes that open a derived (disclosure) proof value. */
const derivedProofPrefix = [0xd9, 0x5d, 0x03]

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
  /** The whole decoded value. */
  bytes: Uint8Array
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
 *   multibase base64url (whitespace, padding or another alphabet), not a derived proof, or its
 *   CBOR fields have the wrong types.
 */
export function parseDerivedProofValue(proofValue: unknown): DerivedProofValue {
  if (typeof proofValue !== 'string' || !strictBase64url.test(proofValue)) {
    throw new ProofValueMalformedError('it must be "u" followed by unpadded base64url, with no other character')
  }
  // 1. Decode base64url; the derived-proof tag must open it.
  const bytes = base64url.decode(proofValue.slice(1))
  if (!derivedProofPrefix.every((byte, i) => bytes[i] === byte)) {
    throw new ProofValueMalformedError('it is not a bbs-2023 derived proof (a base proof must be derived first)')
  }
  // 2. The CBOR array of five components. Some encoders write byte strings as tag 64.
  let fields: unknown
  try {
    const tags: ((inner: unknown) => unknown)[] = []
    tags[64] = (inner) => inner
    fields = decode(bytes.subarray(derivedProofPrefix.length), { useMaps: true, tags })
  } catch (error) {
    throw new ProofValueMalformedError('its CBOR cannot be read', error)
  }
  if (!Array.isArray(fields) || fields.length !== 5) throw new ProofValueMalformedError('it must hold five components')
  const [bbsProof, compressedLabelMap, mandatoryIndexes, selectiveIndexes, presentationHeader] = fields as unknown[]
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
  return { bbsProof, labelMap, mandatoryIndexes, selectiveIndexes, presentationHeader, bytes }
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

function isIndexList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every(isIndex)
}
