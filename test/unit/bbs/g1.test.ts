import { bls12_381 } from '@noble/curves/bls12-381.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { p, r } from '../../../src/bbs/ciphersuite.js'
import {
  add,
  addAffine,
  type AffinePoint,
  double,
  equalsAffine,
  identity,
  invertBatch,
  type JacobianPoint,
  multiplySmall,
  negate,
  toAffineBatch,
  toJacobian,
} from '../../../src/bbs/g1.js'

const G = bls12_381.G1.Point
const fromNoble = (point: InstanceType<typeof G>): AffinePoint => point.toAffine()
const toNoble = (point: JacobianPoint) => {
  const [affine] = toAffineBatch([point])
  return affine ? G.fromAffine(affine) : G.ZERO
}
const scalar = fc.bigInt({ min: 1n, max: r - 1n })
const options = { seed: 6061, numRuns: 40 }

describe('G1 Jacobian arithmetic, against @noble/curves', () => {
  it('behavior: double, add and mixed add agree with noble', () => {
    fc.assert(
      fc.property(scalar, scalar, (a, b) => {
        const A = G.BASE.multiply(a)
        const B = G.BASE.multiply(b)
        expect(toNoble(double(toJacobian(fromNoble(A)))).equals(A.double())).toBe(true)
        expect(toNoble(add(toJacobian(fromNoble(A)), double(toJacobian(fromNoble(B))))).equals(A.add(B.double()))).toBe(true)
        const { x, y } = fromNoble(B)
        expect(toNoble(addAffine(double(toJacobian(fromNoble(A))), x, y)).equals(A.double().add(B))).toBe(true)
      }),
      options,
    )
  })

  it('behavior: the exceptional cases P + P, P + (-P) and identity operands', () => {
    const P = fromNoble(G.BASE.multiply(7n))
    const J = double(toJacobian(P)) // a point with Z != 1
    const [twoP] = toAffineBatch([J]) as [AffinePoint]
    expect(toNoble(addAffine(J, twoP.x, twoP.y)).equals(G.BASE.multiply(28n))).toBe(true)
    expect(addAffine(J, twoP.x, p - twoP.y).z).toBe(0n)
    expect(toNoble(add(J, J)).equals(G.BASE.multiply(28n))).toBe(true)
    expect(add(J, toJacobian(negate(twoP))).z).toBe(0n)
    expect(add(identity, J)).toBe(J)
    expect(add(J, identity)).toBe(J)
    expect(addAffine(identity, P.x, P.y)).toEqual({ x: P.x, y: P.y, z: 1n })
    expect(double(identity).z).toBe(0n)
  })

  it('behavior: toAffineBatch normalises many points with identities among them', () => {
    const points = [3n, 5n, 11n].map((k) => double(toJacobian(fromNoble(G.BASE.multiply(k)))))
    const affine = toAffineBatch([points[0]!, identity, points[1]!, points[2]!])
    expect(affine[1]).toBeUndefined()
    expect([affine[0], affine[2], affine[3]]).toEqual([6n, 10n, 22n].map((k) => fromNoble(G.BASE.multiply(k))))
    expect(toAffineBatch([])).toEqual([])
  })

  it('behavior: multiplySmall and equalsAffine', () => {
    const P = fromNoble(G.BASE.multiply(123n))
    expect(equalsAffine(multiplySmall(toJacobian(P), 0xd201000000010000n), fromNoble(G.BASE.multiply(123n * 0xd201000000010000n)))).toBe(true)
    expect(equalsAffine(multiplySmall(toJacobian(P), 2n), P)).toBe(false)
    // A Jacobian base (Z ≠ 1) takes full additions, an affine one mixed additions: same result.
    const J = double(toJacobian(P))
    expect(equalsAffine(multiplySmall(J, 0xd201000000010000n), fromNoble(G.BASE.multiply(246n * 0xd201000000010000n)))).toBe(true)
    expect(equalsAffine(identity, P)).toBe(false)
  })

  it('behavior: invertBatch inverts each element as noble’s Fp.inv does', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 1n, max: p - 1n }), { maxLength: 12 }), (values) => {
        expect(invertBatch(values)).toEqual(values.map((v) => bls12_381.fields.Fp.inv(v)))
      }),
      { seed: 6074, numRuns: 100 },
    )
    expect(() => invertBatch([3n, 0n])).toThrow(RangeError)
  })
})

