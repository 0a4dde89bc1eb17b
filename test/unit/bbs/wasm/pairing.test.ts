import { bls12_381 } from '@noble/curves/bls12-381.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { p, r } from '../../../../src/bbs/ciphersuite.js'
import type { AffinePoint } from '../../../../src/bbs/g1.js'
import { finalExponentiate, type G2Precompute, millerLoop } from '../../../../src/bbs/pairing.js'
import { isOne } from '../../../../src/bbs/fp12.js'
import { wasmBackend } from '../../../../src/bbs/wasm/backend.js'

const { G1, G2 } = bls12_381
const lines = (Q: InstanceType<typeof G2.Point>) => bls12_381.utils.calcPairingPrecomputes(Q)
const scalar = fc.bigInt({ min: 1n, max: r - 1n })

describe('the pairing product on the WebAssembly field', () => {
  it('behavior: e(aP, Q)·e(-P, aQ)·… is one, and a changed point or key is not, as on bigints', () => {
    const { pairing } = wasmBackend()!
    fc.assert(
      fc.property(scalar, scalar, scalar, fc.integer({ min: 1, max: 3 }), (a, b, c, count) => {
        const P = G1.Point.BASE.multiply(b)
        const Q = G2.Point.BASE.multiply(c)
        type Pair = readonly [AffinePoint, G2Precompute]
        const pairs: Pair[] = [
          [P.multiply(a).toAffine(), lines(Q)],
          [P.negate().toAffine(), lines(Q.multiply(a))],
        ]
        // e(P, Q)·e(-P, Q), to reach `count` pairs of pairs
        for (let i = 1; i < count; i++) pairs.push([P.toAffine(), lines(Q)], [P.negate().toAffine(), lines(Q)])
        expect(pairing.isProductOne(pairs)).toBe(true)
        const [[first, firstLines], ...rest] = pairs as [Pair, ...Pair[]]
        const changed: Pair[] = [[{ x: first.x, y: p - first.y }, firstLines], ...rest]
        expect(pairing.isProductOne(changed)).toBe(false)
        expect(isOne(finalExponentiate(millerLoop(changed)))).toBe(false)
      }),
      { seed: 9090, numRuns: 6 },
    )
  })
})
