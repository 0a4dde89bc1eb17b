/**
 * @module
 * G1 on the WebAssembly field, for verification: decoding with the subgroup check, tables of
 * odd multiples, and multi-scalar multiplication, as `../g1Octets.ts` and `../msm.ts` do on
 * bigints (same formulas, same wNAF walk, same GLV split). Points cross into bigints only where
 * callers need them: decoded points, and the sums, which the challenge hashes.
 */
import { p } from '../ciphersuite.js'
import type { AffinePoint, JacobianPoint } from '../g1.js'
import { add, identity, seedAbs } from '../g1.js'
import { firstStep, steps, windowBits } from '../sqrtFp.js'
import { fpBytes, type WasmHeap } from './heap.js'

const affineBytes = 2 * fpBytes
/** The largest program g1_walk runs at once (temporary memory comes in 64 KiB chunks). */
const programBytes = 32768
const jacobianBytes = 3 * fpBytes
const halfP = (p - 1n) / 2n
/** |x|², most significant bit first. */
const seedSquaredBits = [...(seedAbs * seedAbs).toString(2)].map((bit) => bit === '1')

/** Odd multiples P, 3P, …, of a point in the module's memory, affine, `size` of them. */
export type WasmPointTable = { readonly window: number; readonly address: number; readonly size: number }

/** One scalar's wNAF digits against a table, or against its image under φ (`endo`). */
export type WasmTerm = { readonly table: WasmPointTable; readonly endo: boolean; readonly digits: Int16Array }

type G1Exports = {
  g1_dbl(out: number, x: number): void
  g1_madd(out: number, x: number, q: number, flags: number): void
  g1_walk(out: number, program: number, rows: number): void
  fp_sqr_n(out: number, x: number, n: number): void
}

export class WasmG1 {
  private readonly g1: G1Exports
  private readonly sum: number
  private readonly work: number
  /** The point a subgroup check tests, and the g1_walk program that multiplies it by x². */
  private readonly subgroupBase: number
  private readonly subgroupProgram: number
  private readonly fp: number[]
  private readonly odd: number[]
  private zBuffer: number[] = []

  private readonly heap: WasmHeap

  constructor(heap: WasmHeap) {
    this.heap = heap
    this.g1 = heap.wasm as unknown as G1Exports
    this.sum = heap.alloc(jacobianBytes)
    this.work = heap.alloc(jacobianBytes)
    this.fp = Array.from({ length: 4 }, () => heap.alloc(fpBytes))
    this.odd = Array.from({ length: 1 << (windowBits - 1) }, () => heap.alloc(fpBytes))
    this.subgroupBase = heap.alloc(affineBytes)
    const program = seedSquaredBits.flatMap((bit) => (bit ? [1, this.subgroupBase] : [0]))
    this.subgroupProgram = heap.alloc(4 * program.length)
    heap.view().set(program, this.subgroupProgram >>> 2)
  }

  private writeAffine(address: number, point: AffinePoint): void {
    this.heap.writeFp(address, point.x)
    this.heap.writeFp(address + fpBytes, point.y)
  }

  private toJacobianAt(address: number, affine: number): void {
    this.heap.copy(address, affine, affineBytes)
    this.heap.copy(address + 2 * fpBytes, this.heap.montgomeryOne, fpBytes)
  }

  private readJacobian(address: number): JacobianPoint {
    return {
      x: this.heap.readFp(address),
      y: this.heap.readFp(address + fpBytes),
      z: this.heap.readFp(address + 2 * fpBytes),
    }
  }

  /**
   * Affine forms of Jacobian points (none the identity) at `affine[i]`, with one inversion
   * (Montgomery's trick).
   */
  private normalize(jacobian: readonly number[], affine: readonly number[]): void {
    const { wasm } = this.heap
    while (this.zBuffer.length < jacobian.length) this.zBuffer.push(this.heap.alloc(fpBytes))
    const prefix = this.zBuffer
    const [accumulated, inverse, zInverse, zInverse2] = this.fp as [number, number, number, number]
    this.heap.copy(accumulated, this.heap.montgomeryOne, fpBytes)
    jacobian.forEach((point, i) => {
      this.heap.copy(prefix[i]!, accumulated, fpBytes)
      wasm.fp_mul(accumulated, accumulated, point + 2 * fpBytes)
    })
    this.heap.invert(inverse, accumulated)
    for (let i = jacobian.length - 1; i >= 0; i--) {
      const point = jacobian[i]!
      wasm.fp_mul(zInverse, inverse, prefix[i]!)
      wasm.fp_mul(inverse, inverse, point + 2 * fpBytes)
      wasm.fp_sqr(zInverse2, zInverse)
      wasm.fp_mul(affine[i]!, point, zInverse2)
      wasm.fp_mul(zInverse2, zInverse2, zInverse)
      wasm.fp_mul(affine[i]! + fpBytes, point + fpBytes, zInverse2)
    }
  }

  /**
   * Tables of odd multiples of points of G1 (2^(window-2) each): 2P, then P + 2kP by mixed
   * additions, then all of them affine with one inversion. Points of G1 have prime order far
   * above the table's, so no multiple is the identity. `kept` tables live as long as the
   * process (generators); others are temporary (a proof's points).
   */
  createTables(points: readonly AffinePoint[], window: number, kept: boolean): WasmPointTable[] {
    const { heap } = this
    const size = 1 << (window - 2)
    const tables = points.map((point) => {
      const address = kept ? heap.alloc(size * affineBytes) : heap.temporary(size * affineBytes)
      this.writeAffine(address, point)
      return { window, address, size }
    })
    if (size === 1) return tables
    heap.withTemporaries(() => {
      const doubles = tables.map(({ address }) => {
        const double = heap.temporary(jacobianBytes)
        this.toJacobianAt(double, address)
        this.g1.g1_dbl(double, double)
        return double
      })
      const affineDoubles = doubles.map(() => heap.temporary(affineBytes))
      this.normalize(doubles, affineDoubles)
      const jacobian: number[] = []
      const affine: number[] = []
      tables.forEach(({ address }, i) => {
        let previous = heap.temporary(jacobianBytes)
        this.toJacobianAt(previous, address)
        for (let k = 1; k < size; k++) {
          const next = heap.temporary(jacobianBytes)
          this.g1.g1_madd(next, previous, affineDoubles[i]!, 0)
          jacobian.push(next)
          affine.push(address + k * affineBytes)
          previous = next
        }
      })
      this.normalize(jacobian, affine)
    })
    return tables
  }

  /** A table's multiples as bigints. */
  readTable(table: WasmPointTable): AffinePoint[] {
    return Array.from({ length: table.size }, (_, k) => {
      const address = table.address + k * affineBytes
      return { x: this.heap.readFp(address), y: this.heap.readFp(address + fpBytes) }
    })
  }

  /**
   * Σ over terms of (digits)·(multiples), one chain of doublings (`../msm.ts`'s walk), run by
   * the module's g1_walk from programs of its rows: a call per program, not one per addition.
   */
  sumOfProducts(terms: readonly WasmTerm[]): JacobianPoint {
    // A row holds a word per term and its count: more terms than a program's words are summed
    // in groups, each its own walk (no caller comes near: 1,024 messages make 2,056 terms).
    const termsPerProgram = programBytes / 4 - 1
    if (terms.length > termsPerProgram) {
      let total = identity
      for (let i = 0; i < terms.length; i += termsPerProgram) total = add(total, this.sumOfProducts(terms.slice(i, i + termsPerProgram)))
      return total
    }
    const { heap } = this
    const sum = this.sum
    heap.clear(sum, jacobianBytes)
    let top = 0
    for (const term of terms) top = Math.max(top, term.digits.length)
    // Rows from the top, in programs of at most programBytes: a row takes 4 bytes a term at most.
    const rowsPerProgram = Math.floor(programBytes / (4 * (terms.length + 1)))
    heap.withTemporaries(() => {
      const program = heap.temporary(programBytes)
      for (let row = top - 1; row >= 0; row -= rowsPerProgram) {
        const rows = Math.min(rowsPerProgram, row + 1)
        const words = heap.view()
        let next = program >>> 2
        for (let i = row; i > row - rows; i--) {
          const countAt = next++
          for (const { table, endo, digits } of terms) {
            const digit = digits[i]
            if (!digit) continue
            // x²·Q = -φ(Q) = (β·qx, -qy): the endomorphism's table negates y.
            words[next++] = (table.address + ((Math.abs(digit) - 1) >> 1) * affineBytes) | (digit < 0 !== endo ? 1 : 0) | (endo ? 2 : 0)
          }
          words[countAt] = next - countAt - 1
        }
        this.g1.g1_walk(sum, program, rows)
      }
    })
    return this.readJacobian(sum)
  }

  /**
   * octets_to_point_E1's square root and sign, and the subgroup check (Scott: x²·P = -φ(P)),
   * on the module; x has been read and checked below p by the caller.
   */
  decompressInSubgroup(x: bigint, negative: boolean): AffinePoint | undefined {
    const { heap } = this
    const { wasm } = heap
    const [px, y2, root, check] = this.fp as [number, number, number, number]
    heap.writeFp(px, x)
    // y² = x³ + 4
    wasm.fp_sqr(y2, px)
    wasm.fp_mul(y2, y2, px)
    heap.writeFp(check, 4n)
    wasm.fp_add(y2, y2, check)
    // y = y²^((p+1)/4) by `../sqrtFp.ts`'s windows
    const odd = this.odd
    heap.copy(odd[0]!, y2, fpBytes)
    wasm.fp_sqr(check, y2)
    for (let i = 1; i < odd.length; i++) wasm.fp_mul(odd[i]!, odd[i - 1]!, check)
    heap.copy(root, odd[(firstStep.digit - 1) >> 1]!, fpBytes)
    for (const { squarings, digit } of steps) {
      this.g1.fp_sqr_n(root, root, squarings)
      if (digit !== 0) wasm.fp_mul(root, root, odd[(digit - 1) >> 1]!)
    }
    wasm.fp_sqr(check, root)
    if (!heap.equal(check, y2, 1)) return undefined
    let y = heap.readFp(root)
    if (y > halfP !== negative) y = p - y
    const point = { x, y }
    return this.isInSubgroup(point) ? point : undefined
  }

  /**
   * Whether a point of E1 is in G1: x²·P = -φ(P) = (βx, -y) (`../g1Octets.ts`), x²·P by double
   * and add over x²'s 128 bits (17 ones) from the affine P: one chain, so no inversion to make
   * x·P affine between two.
   */
  private isInSubgroup(point: AffinePoint): boolean {
    const { heap } = this
    const { wasm } = heap
    return heap.withTemporaries(() => {
      const base = this.subgroupBase
      this.writeAffine(base, point)
      const x2P = this.work
      heap.clear(x2P, jacobianBytes)
      this.g1.g1_walk(x2P, this.subgroupProgram, seedSquaredBits.length)
      // x2P = (X, Y, Z) equals (βx, -y) iff X = βx·Z² and Y = -y·Z³; φ's β comes from g1_madd
      // on the identity (flags 2 and 1: φ(P) negated, as an affine point).
      const image = heap.temporary(jacobianBytes)
      heap.clear(image, jacobianBytes)
      this.g1.g1_madd(image, image, base, 3)
      const [zz, t] = [this.fp[0]!, this.fp[1]!]
      if (wasm.fp_is_zero(x2P + 2 * fpBytes)) return false
      wasm.fp_sqr(zz, x2P + 2 * fpBytes)
      wasm.fp_mul(t, image, zz)
      if (!heap.equal(t, x2P, 1)) return false
      wasm.fp_mul(zz, zz, x2P + 2 * fpBytes)
      wasm.fp_mul(t, image + fpBytes, zz)
      return heap.equal(t, x2P + fpBytes, 1)
    })
  }
}
