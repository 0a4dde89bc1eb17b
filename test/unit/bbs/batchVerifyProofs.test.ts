import { beforeAll, describe, expect, it } from 'vitest'
import { batchVerifyProofs } from '../../../src/bbs/batchVerifyProofs.js'
import { deterministicWeights, randomWeights } from '../../../src/bbs/batchWeights.js'
import { coreProofVerify } from '../../../src/bbs/coreProofVerify.js'
import { BbsArgumentError } from '../../../src/bbs/errors.js'
import { type VerifyProofParameters, verifyProof } from '../../../src/bbs/verifyProof.js'
import { wasmBackend } from '../../../src/bbs/wasm/backend.js'
import { madeUpSignature, stockKey, stockProof, utf8 } from '#test/stockBbs.js'

let proofs: VerifyProofParameters[]

beforeAll(async () => {
  const keys = await Promise.all([stockKey(4), stockKey(5), stockKey(6)])
  // Six proofs: three from the first key, the others from one key each.
  proofs = await Promise.all(
    [0, 0, 0, 1, 2, 1].map(async (k, i) => {
      const messages = ['a', 'b', 'c', `proof ${i}`].map(utf8)
      const { proof } = await stockProof({
        key: keys[k]!,
        messages,
        disclosedIndexes: i % 2 ? [3] : [0, 3],
        header: utf8(`header ${i}`),
        presentationHeader: utf8(`challenge ${i}`),
      })
      return proof
    }),
  )
})

const tampered = (proof: VerifyProofParameters): VerifyProofParameters => ({ ...proof, presentationHeader: utf8('another challenge') })

describe('batchVerifyProofs', () => {
  it.each(['random', 'deterministic'] as const)('default: valid proofs from several keys, %s weights', (weights) => {
    expect(batchVerifyProofs({ proofs, weights })).toEqual({ verified: true, results: proofs.map(() => true) })
  })

  it('args: weights default to random', () => {
    expect(batchVerifyProofs({ proofs }).verified).toBe(true)
  })

  it.each(['random', 'deterministic'] as const)('behavior: a bad proof fails the product; the fallback names it (%s weights)', async (weights) => {
    // Derived from a made-up signature: its challenge holds, only its pairing equation fails,
    // so it reaches the weighted product and the per-proof fallback.
    const { proof: forged } = await stockProof({ key: await stockKey(4), messages: ['x', 'y'].map(utf8), disclosedIndexes: [1], signature: madeUpSignature(77n) })
    expect(coreProofVerify(forged)).toBeDefined()
    const batch = [...proofs.slice(0, 4), forged, proofs[5]!, tampered(proofs[4]!)]
    const { verified, results } = batchVerifyProofs({ proofs: batch, weights })
    expect(verified).toBe(false)
    expect(results).toEqual([true, true, true, true, false, true, false])
    expect(results).toEqual(batch.map((proof) => verifyProof(proof)))
  })

  it('behavior: a malformed proof is false and leaves the others alone', () => {
    const batch = [proofs[0]!, { ...proofs[1]!, proof: proofs[1]!.proof.subarray(0, 10) }, proofs[2]!]
    expect(batchVerifyProofs({ proofs: batch })).toEqual({ verified: false, results: [true, false, true] })
  })

  it('behavior: an empty batch is vacuously verified; a batch of only bad proofs is not', () => {
    expect(batchVerifyProofs({ proofs: [] })).toEqual({ verified: true, results: [] })
    expect(batchVerifyProofs({ proofs: [tampered(proofs[0]!)] })).toEqual({ verified: false, results: [false] })
  })

  it('error: arguments of the wrong shape throw ERR_BBS_ARGUMENT_INVALID', () => {
    expect(() => batchVerifyProofs({ proofs: 'all' as unknown as VerifyProofParameters[] })).toThrowError(BbsArgumentError)
    expect(() => batchVerifyProofs({ proofs, weights: 'fast' as 'random' })).toThrowError(
      'Invalid BBS argument "weights": expected "random" or "deterministic".',
    )
  })
})

describe('batch weights', () => {
  it('behavior: deterministic weights depend on every input and nothing else', () => {
    const weights = deterministicWeights(proofs)
    expect(deterministicWeights(proofs)).toEqual(weights)
    expect(new Set(weights).size).toBe(proofs.length)
    expect(weights.every((w) => w > 0n && w < 1n << 128n)).toBe(true)
    const changed = proofs.map((proof, i) => (i === 5 ? { ...proof, disclosedMessages: [utf8('proof 6')] } : proof))
    expect(deterministicWeights(changed).every((w, i) => w !== weights[i])).toBe(true)
    expect(deterministicWeights(proofs.slice(0, 5))).not.toEqual(weights.slice(0, 5))
  })

  it('behavior: random weights are non-zero 128-bit scalars, fresh on each call', () => {
    const weights = randomWeights(5000)
    expect(weights).toHaveLength(5000)
    expect(weights.every((w) => w > 0n && w < 1n << 128n)).toBe(true)
    expect(randomWeights(2)).not.toEqual(randomWeights(2))
  })
})

describe('batchVerifyProofs on the WebAssembly backend', () => {
  it('behavior: a batch holds one chunk of tables at a time: a larger batch does not grow the module memory', () => {
    const { heap } = wasmBackend()!
    const batch = (count: number) => Array.from({ length: count }, (_, i) => proofs[i % proofs.length]!)
    // Two chunks and a tampered proof, so the fallback runs too.
    const first = batchVerifyProofs({ proofs: [...batch(100), tampered(proofs[0]!)] })
    expect(first.results.slice(0, 100).every(Boolean)).toBe(true)
    expect(first.results[100]).toBe(false)
    const after = heap.wasm.memory.buffer.byteLength
    expect(batchVerifyProofs({ proofs: batch(400) }).verified).toBe(true)
    expect(heap.wasm.memory.buffer.byteLength).toBe(after)
  })
})
