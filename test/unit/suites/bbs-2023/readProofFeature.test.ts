import { describe, expect, it } from 'vitest'
import type { DerivedProofValue } from '../../../../src/suites/bbs-2023/parseDerivedProofValue.js'
import { readProofFeature } from '../../../../src/suites/bbs-2023/readProofFeature.js'

/**
 * A parsed value whose BBS proof has `undisclosed` responses and `disclosed` selective indexes,
 * over `length` issuer messages: signed = disclosed + undisclosed, of which the committed part
 * is what is left after the issuer's messages, the blind and (pseudonyms) the nym secret.
 */
function value(featureOption: DerivedProofValue['featureOption'], length: number | undefined, disclosed: number, undisclosed: number): DerivedProofValue {
  return {
    bbsProof: new Uint8Array(272 + 32 * undisclosed),
    labelMap: new Map(),
    mandatoryIndexes: [],
    selectiveIndexes: Array.from({ length: disclosed }, (_, i) => i),
    presentationHeader: new Uint8Array(0),
    featureOption,
    lengthBBSMessages: length,
  }
}

describe('readProofFeature', () => {
  it.each([
    ['baseline', 'baseline', 10, 2, 8, undefined],
    ['holder binding: blind and holder secret', 'anonymous_holder_binding', 10, 2, 10, 'anonymous_holder_binding'],
    ['pseudonym: blind and nym secret', 'pseudonym', 10, 2, 10, 'pseudonym'],
    ['holder binding and pseudonym: blind, holder secret, nym secret', 'holder_binding_pseudonym', 10, 2, 11, 'holder_binding_pseudonym'],
    // The W3C vectors' Pseudonym/ proof: the 0x09 header, no holder secret.
    ['a pseudonym under the holder_binding_pseudonym header', 'holder_binding_pseudonym', 10, 2, 10, 'pseudonym'],
  ] as const)('default: %s', (_name, featureOption, length, disclosed, undisclosed, expected) => {
    expect(readProofFeature(value(featureOption, length, disclosed, undisclosed))).toBe(expected)
  })

  it('default: a BBS proof too short to read is left to the BBS check', () => {
    expect(readProofFeature({ ...value('anonymous_holder_binding', 10, 2, 0), bbsProof: new Uint8Array(100) })).toBe('anonymous_holder_binding')
  })

  it.each([
    ['holder binding with no holder secret', 'anonymous_holder_binding', 9, 'its BBS proof is over 0 holder-committed messages where anonymous_holder_binding has 1'],
    ['holder binding with two committed messages', 'anonymous_holder_binding', 11, 'its BBS proof is over 2 holder-committed messages where anonymous_holder_binding has 1'],
    ['a pseudonym with a committed message', 'pseudonym', 11, 'its BBS proof is over 1 holder-committed messages where pseudonym has 0'],
    ['holder binding and pseudonym with two committed messages', 'holder_binding_pseudonym', 12, 'its BBS proof is over 2 holder-committed messages where holder_binding_pseudonym has 1'],
    ['holder binding whose issuer messages fill its proof', 'anonymous_holder_binding', 8, "lengthBBSMessages (10) leaves no room in its BBS proof for the holder's committed values"],
    ['a pseudonym with room for the blind only', 'pseudonym', 9, "lengthBBSMessages (10) leaves no room in its BBS proof for the holder's committed values"],
  ] as const)('error: %s', (_name, featureOption, undisclosed, reason) => {
    expect(() => readProofFeature(value(featureOption, 10, 2, undisclosed))).toThrow(
      expect.objectContaining({ code: 'ERR_VERIFY_PROOF_VALUE_MALFORMED', message: `The proof value is malformed: ${reason}.` }),
    )
  })
})
