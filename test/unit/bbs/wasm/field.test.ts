/**
 * The WebAssembly field against bigints: every exported Fp, Fp2 and Fp12 operation on random
 * and edge values (0, 1, p - 1, values near 2^k), its output written over an operand as the
 * callers do, checked against plain bigint arithmetic and src/bbs/fp12.ts (itself checked
 * against @noble/curves in fp12.test.ts).
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { p } from '../../../../src/bbs/ciphersuite.js'
import { compress, compressedSquare } from '../../../../src/bbs/cyclotomic.js'
import * as fp12 from '../../../../src/bbs/fp12.js'
import { wasmBackend } from '../../../../src/bbs/wasm/backend.js'
import { fp2Bytes, fp12Bytes, fpBytes } from '../../../../src/bbs/wasm/heap.js'
import { createTowerInverse } from '../../../../src/bbs/wasm/towerInverse.js'

const { Fp } = bls12_381.fields
const { heap } = wasmBackend()!
const { wasm } = heap
const [x, y, z] = [heap.alloc(fp12Bytes), heap.alloc(fp12Bytes), heap.alloc(fp12Bytes)]
const write = (address: number, values: readonly bigint[]) => values.forEach((value, i) => heap.writeFp(address + i * fpBytes, value))
const read = (address: number, count: number) => Array.from({ length: count }, (_, i) => heap.readFp(address + i * fpBytes))
const mod = (value: bigint) => ((value % p) + p) % p
/**
 * Whether the `count` elements at `address` keep the module's representation: 14 limbs, each
 * in [0, 2^29) but the top one (non-negative), and a value in [0, 2p). readFp would hide a
 * value out of it, reducing as it reads.
 */
const represented = (address: number, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const limbs = new BigInt64Array(wasm.memory.buffer, address + i * fpBytes, fpBytes / 8)
    const inRange = limbs.every((limb, j) => limb >= 0n && (j === limbs.length - 1 || limb < 1n << 29n))
    const value = limbs.reduceRight((acc, limb) => (acc << 29n) + limb, 0n)
    return inRange && value < 2n * p
  }).every(Boolean)

const edge = fc.constantFrom(0n, 1n, 2n, p - 1n, p - 2n, (p - 1n) / 2n, (1n << 380n) % p, (1n << 29n) - 1n)
const element = fc.oneof(fc.bigInt({ min: 0n, max: p - 1n }), edge)
const fp12Element = fc.array(element, { minLength: 12, maxLength: 12 })
const options = { seed: 4242, numRuns: 60 }

describe('Fp', () => {
  it.each([
    ['fp_mul', (a: bigint, b: bigint) => a * b],
    ['fp_add', (a: bigint, b: bigint) => a + b],
    ['fp_sub', (a: bigint, b: bigint) => a - b],
  ] as const)('behavior: %s equals bigint arithmetic mod p, also in place', (name, expected) => {
    fc.assert(
      fc.property(element, element, (a, b) => {
        write(x, [a])
        write(y, [b])
        wasm[name](z, x, y)
        expect(read(z, 1)).toEqual([mod(expected(a, b))])
        wasm[name](x, x, y)
        expect(read(x, 1)).toEqual([mod(expected(a, b))])
      }),
      { seed: 4242, numRuns: 300 },
    )
  })

  it('behavior: fp_sqr, and values round-trip through Montgomery form', () => {
    fc.assert(
      fc.property(element, (a) => {
        write(x, [a])
        expect(read(x, 1)).toEqual([a])
        wasm.fp_sqr(x, x)
        expect(read(x, 1)).toEqual([mod(a * a)])
        expect(wasm.fp_is_zero(x)).toBe(a === 0n ? 1 : 0)
      }),
      { seed: 4243, numRuns: 300 },
    )
  })
})

describe('inversion', () => {
  it('behavior: heap.invert inverts an element where it lies, also in place and from [p, 2p)', () => {
    fc.assert(
      fc.property(element.filter((a) => a !== 0n), (a) => {
        const inverse = Fp.inv(a)
        write(x, [a])
        heap.invert(z, x)
        expect(read(z, 1)).toEqual([inverse])
        expect(represented(z, 1)).toBe(true)
        heap.invert(x, x)
        expect(read(x, 1)).toEqual([inverse])
        // The stored integer plus p, the same element: products leave values in [0, 2p).
        write(x, [a])
        const limbs = new BigInt64Array(wasm.memory.buffer, x, fpBytes / 8)
        let value = limbs.reduceRight((acc, limb) => (acc << 29n) + limb, 0n) + p
        for (let j = 0; j < limbs.length; j++, value >>= 29n) limbs[j] = value & ((1n << 29n) - 1n)
        heap.invert(z, x)
        expect(read(z, 1)).toEqual([inverse])
      }),
      { seed: 4250, numRuns: 200 },
    )
    write(x, [0n])
    expect(() => heap.invert(z, x)).toThrow(RangeError)
  })

  it('behavior: the tower’s inverses in Fp2 and Fp12 equal the bigint ones, also in place', () => {
    const inverse = createTowerInverse(heap)
    fc.assert(
      fc.property(fp12Element.filter((f) => f.some((value) => value !== 0n)), (f) => {
        write(x, f)
        inverse.fp12(z, x)
        expect(read(z, 12)).toEqual(fp12.invert(f))
        expect(represented(z, 12)).toBe(true)
        inverse.fp12(x, x)
        expect(read(x, 12)).toEqual(fp12.invert(f))
        const [a, b] = f
        if (a === 0n && b === 0n) return
        write(y, [a!, b!])
        inverse.fp2(z, y)
        const norm = Fp.inv(mod(a! * a! + b! * b!))
        expect(read(z, 2)).toEqual([mod(a! * norm), mod(-b! * norm)])
        inverse.fp2(y, y)
        expect(read(y, 2)).toEqual([mod(a! * norm), mod(-b! * norm)])
      }),
      options,
    )
  })
})

describe('Fp2', () => {
  it('behavior: fp2_mul, fp2_sqr, fp2_mul_nr, fp2_neg equal the complex formulas (u² = -1, ξ = 1 + u)', () => {
    fc.assert(
      fc.property(element, element, element, element, (a0, a1, b0, b1) => {
        write(x, [a0, a1])
        write(y, [b0, b1])
        wasm.fp2_mul(z, x, y)
        expect(read(z, 2)).toEqual([mod(a0 * b0 - a1 * b1), mod(a0 * b1 + a1 * b0)])
        wasm.fp2_sqr(z, x)
        expect(read(z, 2)).toEqual([mod(a0 * a0 - a1 * a1), mod(2n * a0 * a1)])
        wasm.fp2_mul_nr(z, x)
        expect(read(z, 2)).toEqual([mod(a0 - a1), mod(a0 + a1)])
        wasm.fp2_neg(z, x)
        expect(read(z, 2)).toEqual([mod(-a0), mod(-a1)])
        wasm.fp2_mul(x, x, y)
        expect(read(x, 2)).toEqual([mod(a0 * b0 - a1 * b1), mod(a0 * b1 + a1 * b0)])
      }),
      options,
    )
  })
  it('behavior: fp2_mul takes operands left unreduced by fp2_add_lazy (below 8p), and products of products', () => {
    const w = heap.alloc(fp2Bytes)
    const addLazy = wasm.fp2_add_lazy as (out: number, x: number, y: number) => void
    fc.assert(
      fc.property(fc.tuple(element, element, element, element, element, element, element, element), ([a0, a1, b0, b1, c0, c1, d0, d1]) => {
        // x = (a + b) + (a + b) and y = (c + d) + (c + d): each below 8p, limbs carried, never reduced.
        write(x, [a0, a1])
        write(w, [b0, b1])
        addLazy(x, x, w)
        addLazy(x, x, x)
        write(y, [c0, c1])
        write(w, [d0, d1])
        addLazy(y, y, w)
        addLazy(y, y, y)
        const [x0, x1, y0, y1] = [2n * (a0 + b0), 2n * (a1 + b1), 2n * (c0 + d0), 2n * (c1 + d1)]
        wasm.fp2_mul(z, x, y)
        const [r0, r1] = [mod(x0 * y0 - x1 * y1), mod(x0 * y1 + x1 * y0)]
        expect(read(z, 2)).toEqual([r0, r1])
        expect(represented(z, 2)).toBe(true)
        // A product (in [0, 2p)) times an unreduced sum, and squared through fp2_mul.
        wasm.fp2_mul(z, z, x)
        const [s0, s1] = [mod(r0 * x0 - r1 * x1), mod(r0 * x1 + r1 * x0)]
        expect(read(z, 2)).toEqual([s0, s1])
        wasm.fp2_mul(z, z, z)
        expect(read(z, 2)).toEqual([mod(s0 * s0 - s1 * s1), mod(2n * s0 * s1)])
        expect(represented(z, 2)).toBe(true)
      }),
      { seed: 4244, numRuns: 300 },
    )
  })
})

describe('Fp12', () => {
  it('behavior: fp12_mul, fp12_sqr, fp12_conj and fp12_mul_line (a stored line at a point) equal fp12.ts, also in place', () => {
    fc.assert(
      fc.property(fp12Element, fp12Element, (f, g) => {
        write(x, f)
        write(y, g)
        wasm.fp12_mul(z, x, y)
        expect(read(z, 12)).toEqual(fp12.mul(f, g))
        wasm.fp12_sqr(z, x)
        expect(read(z, 12)).toEqual(fp12.square(f))
        wasm.fp12_conj(z, x)
        expect(read(z, 12)).toEqual(fp12.conjugate(f))
        // A stored line (c0, c1, c2) at a point (px, py): (c0, c1·px, c2·py).
        const [c0r, c0i, c1r, c1i, c2r, c2i, px, py] = g
        const point = y + 6 * fpBytes
        wasm.fp12_mul_line(z, x, y, point)
        expect(read(z, 12)).toEqual(fp12.mulByLine(f, c0r!, c0i!, mod(c1r! * px!), mod(c1i! * px!), mod(c2r! * py!), mod(c2i! * py!)))
        wasm.fp12_mul_line(z, z, y, point)
        const once = fp12.mulByLine(f, c0r!, c0i!, mod(c1r! * px!), mod(c1i! * px!), mod(c2r! * py!), mod(c2i! * py!))
        expect(read(z, 12)).toEqual(fp12.mulByLine(once, c0r!, c0i!, mod(c1r! * px!), mod(c1i! * px!), mod(c2r! * py!), mod(c2i! * py!)))
        wasm.fp12_mul(x, x, y)
        expect(read(x, 12)).toEqual(fp12.mul(f, g))
      }),
      options,
    )
  })

  it('behavior: fp12_cyc_sqr and fp12_csqr square elements of the cyclotomic subgroup', () => {
    fc.assert(
      fc.property(fp12Element.filter((f) => f.some((value) => value !== 0n)), (f) => {
        // f^((p⁶ - 1)(p² + 1)) is in the cyclotomic subgroup.
        const t = fp12.mul(fp12.conjugate(f), fp12.invert(f))
        const cyclotomic = fp12.mul(fp12.frobenius(t, 2), t)
        write(x, cyclotomic)
        wasm.fp12_cyc_sqr(x, x)
        expect(read(x, 12)).toEqual(fp12.square(cyclotomic))
        // Karabina's compressed squaring, on (c0.c1, c0.c2, c1.c0, c1.c2)
        const compressed = compress(cyclotomic)
        write(y, compressed)
        wasm.fp12_csqr(y, y)
        expect(read(y, 8)).toEqual(compressedSquare(compressed))
      }),
      { seed: 4244, numRuns: 20 },
    )
  })
})

describe('memory', () => {
  it('behavior: temporary memory is a stack: what a task took is reused once it returns; refused outside one', () => {
    heap.withTemporaries(() => {
      const first = heap.temporary(fp2Bytes)
      const inner = heap.withTemporaries(() => heap.temporary(fp2Bytes))
      expect(inner).toBe(first + fp2Bytes)
      expect(heap.temporary(fp2Bytes)).toBe(inner)
    })
    expect(heap.withTemporaries(() => heap.temporary(fp2Bytes))).toBe(heap.withTemporaries(() => heap.temporary(fp2Bytes)))
    expect(() => heap.temporary(8)).toThrow(/internal error/)
    expect(() => heap.withTemporaries(() => heap.temporary(65537))).toThrow(/internal error/)
  })
})
