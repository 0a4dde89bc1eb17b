import { bls12_381 } from '@noble/curves/bls12-381.js'
import { bytesToHex, hexToBytes, numberToBytesBE } from '@noble/curves/utils.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { p, r } from '../../../src/bbs/ciphersuite.js'
import { multiplySmall, toAffineBatch, toJacobian } from '../../../src/bbs/g1.js'
import { isInSubgroupG1, octetsToPointG1, octetsToSubgroupPointG1, pointToOctetsG1 } from '../../../src/bbs/g1Octets.js'

const G = bls12_381.G1.Point
const Fp = bls12_381.fields.Fp

/** A point of E1 outside G1: some x with x³ + 4 square, before cofactor clearing. */
function pointOutsideG1(): { x: bigint; y: bigint } {
  for (let x = 1n; ; x++) {
    const y2 = Fp.add(Fp.pow(x, 3n), 4n)
    if (Fp.eql(Fp.sqr(Fp.pow(y2, (p + 1n) / 4n)), y2)) {
      const point = { x, y: Fp.pow(y2, (p + 1n) / 4n) }
      if (!G.fromAffine(point).isTorsionFree()) return point
    }
  }
}

describe('G1 point encoding', () => {
  it('behavior: round-trips with noble for random points of G1', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: r - 1n }), (k) => {
        const point = G.BASE.multiply(k)
        const octets = point.toBytes(true)
        expect(octetsToPointG1(octets)).toEqual(point.toAffine())
        expect(bytesToHex(pointToOctetsG1(point.toAffine()))).toBe(bytesToHex(octets))
        expect(octetsToSubgroupPointG1(octets)).toEqual(point.toAffine())
      }),
      { seed: 6062, numRuns: 30 },
    )
  })

  it('behavior: the identity encodes as 0xc0 followed by zeros and decodes only from that', () => {
    const identity = pointToOctetsG1(undefined)
    expect(bytesToHex(identity)).toBe(`c0${'00'.repeat(47)}`)
    expect(octetsToPointG1(identity)).toBe('identity')
    expect(octetsToSubgroupPointG1(identity)).toBeUndefined()
    const dirty = identity.slice()
    dirty[47] = 1
    expect(octetsToPointG1(dirty)).toBeUndefined()
  })

  it('error: wrong length, flag combinations the encoding never makes, uncompressed form', () => {
    const octets = G.BASE.multiply(5n).toBytes(true)
    expect(octetsToPointG1(octets.subarray(1))).toBeUndefined()
    for (const flags of [0x20, 0x60, 0xe0, 0x00]) {
      const bad = octets.slice()
      bad[0] = (bad[0]! & 0x1f) | flags
      expect(octetsToPointG1(bad), `flags ${flags}`).toBeUndefined()
    }
  })

  it('error: a non-canonical x (x + p) is refused, though it names the same point', () => {
    // Find a point whose x + p still fits in 381 bits.
    for (let k = 2n; ; k++) {
      const { x, y } = G.BASE.multiply(k).toAffine()
      if (x + p >= 1n << 381n) continue
      const octets = numberToBytesBE(x + p, 48)
      octets[0]! |= y > (p - 1n) / 2n ? 0xa0 : 0x80
      expect(octetsToPointG1(octets)).toBeUndefined()
      break
    }
  })

  it('error: an x with no point on the curve', () => {
    for (let x = 1n; ; x++) {
      const y2 = Fp.add(Fp.pow(x, 3n), 4n)
      if (Fp.eql(Fp.sqr(Fp.pow(y2, (p + 1n) / 4n)), y2)) continue
      const octets = numberToBytesBE(x, 48)
      octets[0]! |= 0x80
      expect(octetsToPointG1(octets)).toBeUndefined()
      break
    }
  })

  it('behavior: subgroup_check_G1 accepts G1 and refuses points of E1 outside it', () => {
    expect(isInSubgroupG1(G.BASE.multiply(99n).toAffine())).toBe(true)
    const outside = pointOutsideG1()
    expect(isInSubgroupG1(outside)).toBe(false)
    const octets = numberToBytesBE(outside.x, 48)
    octets[0]! |= outside.y > (p - 1n) / 2n ? 0xa0 : 0x80
    expect(octetsToPointG1(octets)).toEqual(outside)
    expect(octetsToSubgroupPointG1(octets)).toBeUndefined()
    expect(isInSubgroupG1({ x: 1n, y: 1n })).toBe(false)
  })

  it('behavior: the sign bit picks the larger root', () => {
    const octets = hexToBytes('a8ce256102840821a3e94ea9025e4662b205762f9776b3a766c872b948f1fd225e7c59698588e70d11406d161b4e28c9')
    const point = octetsToPointG1(octets) as { y: bigint }
    expect(point.y > (p - 1n) / 2n).toBe(true)
  })

  it('behavior: subgroup_check_G1 (bigints, and the decoder’s on WebAssembly) agrees with noble’s isTorsionFree and with r·P = O on points mapped to E1 without cofactor clearing', () => {
    // Try-and-increment from a random x: a point of E1 (order dividing r·h) that almost never
    // lies in G1; r times it is a point of the cofactor's order alone.
    const mapped = (start: bigint, negative: boolean) => {
      for (let x = start; ; x = (x + 1n) % p) {
        const y2 = Fp.add(Fp.pow(x, 3n), 4n)
        const y = Fp.pow(y2, (p + 1n) / 4n)
        if (Fp.eql(Fp.sqr(y), y2)) return { x, y: negative ? Fp.neg(y) : y }
      }
    }
    const smallOrderPart = (point: { x: bigint; y: bigint }) => toAffineBatch([multiplySmall(toJacobian(point), r)])[0]
    let inside = 0
    let outside = 0
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: p - 1n }), fc.boolean(), fc.bigInt({ min: 1n, max: r - 1n }), (x, negative, k) => {
        const onCurve = mapped(x, negative)
        const inG1 = G.BASE.multiply(k).toAffine()
        // Also a point of small order (r·P) alone and added to a point of G1.
        const small = smallOrderPart(onCurve)
        const candidates = [onCurve, inG1]
        if (small) candidates.push(small, G.fromAffine(small).add(G.BASE.multiply(k)).toAffine())
        for (const point of candidates) {
          const expected = G.fromAffine(point).isTorsionFree()
          expect(isInSubgroupG1(point)).toBe(expected)
          expect(octetsToSubgroupPointG1(pointToOctetsG1(point))).toEqual(expected ? point : undefined)
          expect(multiplySmall(toJacobian(point), r).z === 0n).toBe(expected)
          if (expected) inside++
          else outside++
        }
      }),
      { seed: 6073, numRuns: 60 },
    )
    expect(outside).toBeGreaterThan(150)
    expect(inside).toBeGreaterThanOrEqual(60)
    // The points of order 3 on x = 0, and a point of G1 with a torsion part of order 3.
    for (const y of [2n, p - 2n]) {
      expect(isInSubgroupG1({ x: 0n, y })).toBe(false)
      expect(octetsToSubgroupPointG1(pointToOctetsG1({ x: 0n, y }))).toBeUndefined()
      expect(G.fromAffine({ x: 0n, y }).isTorsionFree()).toBe(false)
      const mixed = G.fromAffine({ x: 0n, y }).add(G.BASE.multiply(5n)).toAffine()
      expect(isInSubgroupG1(mixed)).toBe(false)
      expect(octetsToSubgroupPointG1(pointToOctetsG1(mixed))).toBeUndefined()
    }
  })
})

