/**
 * @module
 * Multi-scalar multiplication Σ kᵢ·Pᵢ for verification: width-w NAF digits walked together
 * over one chain of doublings (Straus/Möller interleaving) against per-point tables of odd
 * multiples, with each 255-bit scalar split in two ~128-bit halves by the GLV endomorphism
 * (k = k₁ + k₂·x², and x²·P = -φ(P) costs one field multiplication), which halves the
 * doublings. Tables of fixed points (P1 and the generators) are built once and cached.
 */
import { p } from './ciphersuite.js'
import {
  addAffine,
  type AffinePoint,
  add,
  beta,
  double,
  identity,
  invertBatch,
  type JacobianPoint,
  seedAbs,
  toAffineBatch,
  toJacobian,
} from './g1.js'
import { wasmBackend } from './wasm/backend.js'
import type { WasmPointTable, WasmTerm } from './wasm/g1.js'

/**
 * Odd multiples P, 3P, …, (2^(w-1) - 1)P of a point and of its image x²·P, in affine form: as
 * bigints, or in the WebAssembly module's memory (which takes the image on the fly).
 */
export type PointTable = BigintPointTable | WasmPointTable
type BigintPointTable = {
  readonly window: number
  readonly multiples: readonly AffinePoint[]
  readonly endoMultiples: readonly AffinePoint[]
}

/** One scalar's wNAF digits against one table of odd multiples. */
export type Term = BigintTerm | WasmTerm
type BigintTerm = { readonly multiples: readonly AffinePoint[]; readonly digits: Int16Array }

const isWasmTable = (table: PointTable): table is WasmPointTable => 'address' in table

/** Window for points used once (proof points): 8 odd multiples each. */
export const variableWindow = 5

/**
 * Window for cached points: 256 odd multiples each for P1 and the plain interface's first 64
 * generators; 64 for the first 64 of the feature options' interfaces (`plain` false: blind and
 * pseudonym, whose proofs are the fewer), so that a verifier that prepares all three (the
 * Cartesi machine's warm-up) stays small; 16 beyond, so that a proof claiming the most messages
 * cannot make the cache large. Measured: 65 plain generators take 6.4 MB of heap (and under a
 * second to build, once); all 1,025 allowed, 12.6 MB.
 */
export function fixedWindow(generatorIndex: number, plain = true): number {
  if (generatorIndex >= 64) return 6
  return plain ? 10 : 8
}

const seedSquared = seedAbs * seedAbs

/**
 * Builds the tables of several points of G1 at once. Points of G1 have prime order r, far above
 * 2^(w-1): no multiple is the identity and no two of them share an x.
 */
export function createTables(points: readonly AffinePoint[], window: number, kept = false): PointTable[] {
  const wasm = wasmBackend()
  if (wasm) return wasm.g1.createTables(points, window, kept)
  const size = 1 << (window - 2)
  const tables = points.length > 1 ? oddMultiplesAffine(points, size) : oddMultiplesJacobian(points, size)
  return tables.map((multiples) => ({
    window,
    multiples,
    endoMultiples: multiples.map(({ x, y }) => ({ x: (beta * x) % p, y: p - y })),
  }))
}

/**
 * Odd multiples of each point by Jacobian additions of 2P, then one shared inversion: about
 * 20 field products a multiple, the cheaper way for a single point.
 */
function oddMultiplesJacobian(points: readonly AffinePoint[], size: number): AffinePoint[][] {
  const jacobian: JacobianPoint[] = []
  for (const point of points) {
    const base = toJacobian(point)
    const twice = double(base)
    let current = base
    jacobian.push(current)
    for (let i = 1; i < size; i++) {
      current = add(current, twice)
      jacobian.push(current)
    }
  }
  const affine = toAffineBatch(jacobian) as AffinePoint[]
  return points.map((_, index) => affine.slice(index * size, (index + 1) * size))
}

/**
 * Odd multiples of several points by affine additions of 2P, the points advancing together so
 * that each round shares one inversion (about 23 field products on riscv64): a round costs
 * that plus 6 products a point, which beats the Jacobian way from two points on.
 */
function oddMultiplesAffine(points: readonly AffinePoint[], size: number): AffinePoint[][] {
  // 2P: λ = 3x² / 2y.
  const halfInverses = invertBatch(points.map(({ y }) => y + y))
  const twice = points.map(({ x, y }, i) => affineSum(x, y, x, (3n * ((x * x) % p) * halfInverses[i]!) % p))
  const tables = points.map((point) => [point])
  for (let k = 1; k < size; k++) {
    const inverses = invertBatch(tables.map((table, i) => twice[i]!.x - table[k - 1]!.x + p))
    tables.forEach((table, i) => {
      const { x, y } = table[k - 1]!
      const twoP = twice[i]!
      table.push(affineSum(x, y, twoP.x, ((twoP.y - y) * inverses[i]!) % p))
    })
  }
  return tables
}

/** (x₁, y₁) + (x₂, ·) given the slope λ of the line through them (or tangent at them). */
function affineSum(x1: bigint, y1: bigint, x2: bigint, lambda: bigint): AffinePoint {
  let x3 = (lambda * lambda - x1 - x2) % p
  if (x3 < 0n) x3 += p
  let y3 = (lambda * (x1 - x3) - y1) % p
  if (y3 < 0n) y3 += p
  return { x: x3, y: y3 }
}

/**
 * Signed digits of k in width-w NAF, least significant first: every non-zero digit is odd,
 * below 2^(w-1) in absolute value, and followed by at least w-1 zeros.
 */
export function wnafDigits(k: bigint, window: number): Int16Array {
  const hex = k.toString(16)
  const length = hex.length * 4
  const bits = new Uint8Array(length + window + 1)
  for (let i = 0; i < hex.length; i++) {
    const nibble = Number.parseInt(hex[hex.length - 1 - i]!, 16)
    bits[4 * i] = nibble & 1
    bits[4 * i + 1] = (nibble >> 1) & 1
    bits[4 * i + 2] = (nibble >> 2) & 1
    bits[4 * i + 3] = (nibble >> 3) & 1
  }
  const digits = new Int16Array(length + 1)
  const full = 1 << window
  const half = full >> 1
  let i = 0
  while (i <= length) {
    if (bits[i] === 0) {
      i++
      continue
    }
    let value = 0
    for (let j = window - 1; j >= 0; j--) value = (value << 1) | bits[i + j]!
    bits.fill(0, i, i + window)
    if (value >= half) {
      // A negative digit borrows 2^w: carry one into bit i + w.
      value -= full
      let j = i + window
      while (bits[j] === 1) bits[j++] = 0
      bits[j] = 1
    }
    digits[i] = value
    i += window
  }
  return digits
}

/** The two half-size terms of k·P: k = k₁ + k₂·x² with 0 ≤ k₁, k₂ < x² (k < r = x⁴ - x² + 1). */
export function glvTerms(table: PointTable, k: bigint): Term[] {
  const terms: Term[] = []
  const low = k % seedSquared
  const high = k / seedSquared
  const wasm = isWasmTable(table)
  if (low !== 0n) terms.push(wasm ? { table, endo: false, digits: wnafDigits(low, table.window) } : { multiples: table.multiples, digits: wnafDigits(low, table.window) })
  if (high !== 0n) terms.push(wasm ? { table, endo: true, digits: wnafDigits(high, table.window) } : { multiples: table.endoMultiples, digits: wnafDigits(high, table.window) })
  return terms
}

/** A term for a scalar used without the endomorphism split (short batch weights). */
export function plainTerm(table: PointTable, k: bigint): Term {
  const digits = wnafDigits(k, table.window)
  return isWasmTable(table) ? { table, endo: false, digits } : { multiples: table.multiples, digits }
}

/** A table's odd multiples as bigints (tests read them back from the module's memory). */
export function tableMultiples(table: PointTable): readonly AffinePoint[] {
  return isWasmTable(table) ? wasmBackend()!.g1.readTable(table) : table.multiples
}

/**
 * Runs a verification step that makes tables of its own points: on the WebAssembly backend
 * their memory is reused once the outermost such step returns.
 */
export function withPointTables<T>(task: () => T): T {
  const wasm = wasmBackend()
  return wasm ? wasm.heap.withTemporaries(task) : task()
}

/** Σ over terms of (digits)·(multiples), sharing one chain of doublings. */
export function sumOfProducts(terms: readonly Term[]): JacobianPoint {
  if (terms.length > 0 && 'table' in terms[0]!) return wasmBackend()!.g1.sumOfProducts(terms as readonly WasmTerm[])
  let top = 0
  for (const term of terms) top = Math.max(top, term.digits.length)
  let result = identity
  for (let i = top - 1; i >= 0; i--) {
    result = double(result)
    for (const { multiples, digits } of terms as readonly BigintTerm[]) {
      const digit = digits[i]
      if (!digit) continue
      const point = multiples[(Math.abs(digit) - 1) >> 1]!
      result = addAffine(result, point.x, digit > 0 ? point.y : p - point.y)
    }
  }
  return result
}
