import { bls12_381 } from '@noble/curves/bls12-381.js'
import { bytesToHex, hexToBytes, numberToBytesBE } from '@noble/curves/utils.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { p, r } from '../../../src/bbs/ciphersuite.js'
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
})
