/**
 * Differential test of the blind and pseudonym signer and prover against
 * @digitalbazaar/bbs-signatures 3.0.0's Blind BBS code (lib/bbs/blind/, outside its exports
 * map, imported by file URL) and its pseudonym verifier (lib/bbs/pseudonym/): each side's
 * commitments, blind signatures and proofs verify under the other's verifiers, on random
 * inputs from a fixed seed (fast-check; crypto.getRandomValues seeded per case, so a failure
 * replays exactly).
 *
 * Its blind signatures differ from ours byte for byte (its e hashes SK, the commitment octets,
 * the messages and the domain; the drafts' fixtures and the W3C vectors hash SK and B, as we
 * do): both verify. Its own pseudonym prover (HiddenPidProofGenWithPseudonym) is left out: it
 * takes the pseudonym's blinding from the wrong random scalar, and its own verifier refuses
 * its proofs.
 */
import { webcrypto } from 'node:crypto'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { bytesToNumberBE, numberToBytesBE } from '@noble/curves/utils.js'
import { sha256 } from '@noble/hashes/sha2.js'
import fc from 'fast-check'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { type StockKey, stockKey } from '#test/stockBbs.js'
import { blindSign } from '../../../src/bbs/blindSign.js'
import { commit } from '../../../src/bbs/commit.js'
import { createBlindProof } from '../../../src/bbs/createBlindProof.js'
import { createProofWithPseudonym } from '../../../src/bbs/createProofWithPseudonym.js'
import { verifyBlindProof } from '../../../src/bbs/verifyBlindProof.js'
import { verifyBlindSignature } from '../../../src/bbs/verifyBlindSignature.js'
import { verifyBlindSignatureWithNym } from '../../../src/bbs/verifyBlindSignatureWithNym.js'
import { verifyCommitment } from '../../../src/bbs/verifyCommitment.js'
import { verifyProofWithPseudonym } from '../../../src/bbs/verifyProofWithPseudonym.js'

type Stock = Record<string, (parameters: Record<string, unknown>) => unknown>
let blind: Stock
let pseudonym: Stock
let commitment: Stock
let util: Stock
let ciphersuite: { ciphersuite_id: string }
let keys: StockKey[]
const utf8 = (text: string) => new TextEncoder().encode(text)
let blindApiId: Uint8Array
let pseudonymApiId: Uint8Array

/** Makes crypto.getRandomValues a SHA-256 counter stream from `seed` (both libraries' only randomness). */
function seedRandomness(seed: number): void {
  let counter = 0
  vi.spyOn(webcrypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    const bytes = new Uint8Array(array!.buffer, array!.byteOffset, array!.byteLength)
    for (let offset = 0; offset < bytes.length; offset += 32) {
      bytes.set(sha256(Uint8Array.from([...numberToBytesBE(seed >>> 0, 4), ...numberToBytesBE(counter++, 4)])).subarray(0, bytes.length - offset), offset)
    }
    return array
  })
}

/** The stock verdict; the stock library throws for some INVALID inputs. */
async function stockVerdict(call: () => unknown): Promise<boolean> {
  try {
    return (await call()) === true
  } catch {
    return false
  }
}

/** Whether the stock library accepts a commitment with proof (it throws when not). */
function stockAcceptsCommitment(commitmentWithProof: Uint8Array, count: number): boolean {
  const blindGenerators = util.create_generators!({ count: count + 1, api_id: utf8(`BLIND_${ciphersuite.ciphersuite_id}BLIND_H2G_HM2S_`), ciphersuite })
  try {
    commitment.deserialize_and_validate_commit!({ commitment_with_proof: commitmentWithProof, blind_generators: blindGenerators, api_id: blindApiId, ciphersuite })
    return true
  } catch {
    return false
  }
}

beforeAll(async () => {
  const root = dirname(createRequire(import.meta.url).resolve('@digitalbazaar/bbs-signatures'))
  const load = async (path: string) => (await import(pathToFileURL(join(root, 'bbs', path)).href)) as Stock
  ;[blind, pseudonym, commitment, util] = await Promise.all([load('blind/interface.js'), load('pseudonym/interface.js'), load('blind/commitment.js'), load('util.js')])
  ciphersuite = ((await load('ciphersuites.js')) as unknown as { CIPHERSUITES: { BLS12381_SHA256: { ciphersuite_id: string } } }).CIPHERSUITES.BLS12381_SHA256
  blindApiId = utf8(`${ciphersuite.ciphersuite_id}BLIND_H2G_HM2S_`)
  pseudonymApiId = utf8(`${ciphersuite.ciphersuite_id}H2G_HM2S_PSEUDONYM_`)
  keys = await Promise.all([stockKey(7), stockKey(8)])
})

afterEach(() => {
  vi.restoreAllMocks()
})

const bytes = (maxLength: number) => fc.uint8Array({ maxLength })
const scenario = fc.record({
  key: fc.nat({ max: 1 }),
  messages: fc.array(bytes(12), { maxLength: 4 }),
  committed: fc.array(bytes(12), { maxLength: 3 }),
  disclose: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  discloseCommitted: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  header: bytes(12),
  presentationHeader: bytes(12),
  randomness: fc.integer(),
})

describe('blind BBS against @digitalbazaar/bbs-signatures', () => {
  it('behavior: commitments, blind signatures and blind proofs of each verify under the other\'s verifiers', { timeout: 600_000 }, async () => {
    let verdicts = 0
    await fc.assert(
      fc.asyncProperty(scenario, async (draw) => {
        const { messages, committed: committedMessages, header, presentationHeader } = draw
        const key = keys[draw.key]!
        const SK = bytesToNumberBE(key.secretKey)
        const disclosedIndexes = messages.flatMap((_, i) => (draw.disclose[i] ? [i] : []))
        const disclosedCommittedIndexes = committedMessages.flatMap((_, i) => (draw.discloseCommitted[i] ? [i] : []))
        seedRandomness(draw.randomness)

        // Commit: ours → theirs, theirs → ours
        const ours = commit({ committedMessages })
        expect(stockAcceptsCommitment(ours.commitmentWithProof, committedMessages.length)).toBe(true)
        const [theirCommitment, theirBlind] = (await blind.Commit!({ committed_messages: committedMessages, api_id: blindApiId, ciphersuite })) as [Uint8Array, bigint]
        expect(verifyCommitment({ commitmentWithProof: theirCommitment })).toBe(true)
        const flipped = theirCommitment.map((byte, i) => (i === theirCommitment.length - 1 ? byte ^ 1 : byte))
        expect(verifyCommitment({ commitmentWithProof: flipped })).toBe(stockAcceptsCommitment(flipped, committedMessages.length))

        // BlindSign: ours over their commitment, theirs over ours; each verified by the other holder
        const ourSignature = blindSign({ ...key, commitmentWithProof: theirCommitment, header, messages })
        expect(await stockVerdict(() => blind.BlindVerify!({ PK: key.publicKey, signature: ourSignature, header, messages, committed_messages: committedMessages, secret_prover_blind: theirBlind, api_id: blindApiId, ciphersuite }))).toBe(true)
        const theirSignature = (await blind.BlindSign!({ SK, PK: key.publicKey, commitment_with_proof: ours.commitmentWithProof, header, messages, api_id: blindApiId, ciphersuite })) as Uint8Array
        expect(verifyBlindSignature({ publicKey: key.publicKey, signature: theirSignature, header, messages, committedMessages, secretProverBlind: ours.secretProverBlind })).toBe(true)

        // BlindProofGen: ours from their signature, theirs from ours
        const disclosed = {
          disclosedMessages: disclosedIndexes.map((i) => messages[i]!),
          disclosedIndexes,
          disclosedCommittedMessages: disclosedCommittedIndexes.map((i) => committedMessages[i]!),
          disclosedCommittedIndexes,
        }
        const stockVerify = (proof: Uint8Array) =>
          stockVerdict(() =>
            blind.BlindProofVerify!({
              PK: key.publicKey, proof, header, ph: presentationHeader, L: messages.length,
              disclosed_messages: disclosed.disclosedMessages, disclosed_committed_messages: disclosed.disclosedCommittedMessages,
              disclosed_indexes: disclosedIndexes, disclosed_committed_indexes: disclosedCommittedIndexes, api_id: blindApiId, ciphersuite,
            }),
          )
        const ourVerify = (proof: Uint8Array) => verifyBlindProof({ publicKey: key.publicKey, proof, header, presentationHeader, signerMessageCount: messages.length, ...disclosed })
        const ourProof = createBlindProof({ publicKey: key.publicKey, signature: theirSignature, header, presentationHeader, messages, committedMessages, disclosedIndexes, disclosedCommittedIndexes, secretProverBlind: ours.secretProverBlind })
        expect(await stockVerify(ourProof)).toBe(true)
        expect(ourVerify(ourProof)).toBe(true)
        const theirProof = (await blind.BlindProofGen!({
          PK: key.publicKey, signature: ourSignature, header, ph: presentationHeader, messages, disclosed_indexes: disclosedIndexes,
          committed_messages: committedMessages, disclosed_commitment_indexes: disclosedCommittedIndexes, secret_prover_blind: theirBlind, api_id: blindApiId, ciphersuite,
        })) as Uint8Array
        expect(ourVerify(theirProof)).toBe(true)
        const tampered = ourProof.map((byte, i) => (i === 3 * 48 + 5 ? byte ^ 1 : byte))
        expect(ourVerify(tampered)).toBe(await stockVerify(tampered))
        verdicts += 9
      }),
      { seed: 20_251_207, numRuns: 12, endOnFailure: true },
    )
    expect(verdicts).toBe(12 * 9)
  })

  it.each([
    ['with no committed message but prover_nym', []],
    ['with the holder secret and prover_nym', [utf8('holder secret')]],
  ])('behavior: our proofs with pseudonym, %s, verify under its ProofVerifyWithPseudonym; a mismatched pseudonym under neither', async (_name, committedMessages) => {
    seedRandomness(21)
    const key = keys[0]!
    const messages = [utf8('a'), utf8('b'), utf8('c')]
    const header = utf8('header')
    const presentationHeader = utf8('challenge')
    const contextId = utf8('https://verifier.example/')
    const proverNym = 0x5e2087638f71057ef108f83923189a71cea1f7c4b4ef69afb473c9a7074ddf49n
    const signerNymEntropy = 0x25555cf635188a1c33989056f5129e6ab4be0e7c5cc588c48d308e0254eed140n
    const { commitmentWithProof, secretProverBlind } = commit({ committedMessages, proverNym })
    const signature = blindSign({ ...key, commitmentWithProof, header, messages, signerNymEntropy })
    const nymSecret = verifyBlindSignatureWithNym({ publicKey: key.publicKey, signature, header, messages, committedMessages, secretProverBlind, proverNym, signerNymEntropy })!
    const { proof, pseudonym: ourPseudonym } = createProofWithPseudonym({
      publicKey: key.publicKey, signature, header, presentationHeader, messages, committedMessages, disclosedIndexes: [0, 2], secretProverBlind, nymSecret, contextId,
    })
    const other = createProofWithPseudonym({ publicKey: key.publicKey, signature, header, messages, committedMessages, secretProverBlind, nymSecret, contextId: utf8('https://elsewhere.example/') }).pseudonym
    for (const [shown, expected] of [[ourPseudonym, true], [other, false]] as const) {
      const theirs = await stockVerdict(() =>
        pseudonym.ProofVerifyWithPseudonym!({ PK: key.publicKey, proof, L: 3, pseudonym: shown, verifier_id: contextId, header, ph: presentationHeader, disclosed_messages: [messages[0], messages[2]], disclosed_indexes: [0, 2], api_id: pseudonymApiId, ciphersuite }),
      )
      expect(theirs).toBe(expected)
      expect(verifyProofWithPseudonym({ publicKey: key.publicKey, proof, header, presentationHeader, signerMessageCount: 3, disclosedMessages: [messages[0]!, messages[2]!], disclosedIndexes: [0, 2], pseudonym: shown, contextId })).toBe(expected)
    }
  })
})
