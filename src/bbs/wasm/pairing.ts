/**
 * @module
 * The pairing product check of `../pairing.ts` on the WebAssembly field: the same Miller loop
 * over @noble/curves' precomputed lines and the same final exponentiation chain, each Fp12
 * operation one call into the module. A public key's lines are copied into the module's memory
 * once (in Montgomery form) and kept as long as the key's precompute lives.
 */
import { type Fp12, frobeniusMatrix } from '../fp12.js'
import { type AffinePoint, seedAbs } from '../g1.js'
import { type G2Precompute, publicKeyCacheSize } from '../pairing.js'
import { fp2Bytes, fp12Bytes, fpBytes, type WasmHeap } from './heap.js'
import { createTowerInverse, type TowerInverse } from './towerInverse.js'

/** A key's lines in the module's memory: per Miller loop step, the address of each line (3 Fp2). */
type WasmLines = readonly (readonly number[])[]

/** Lines (3 Fp2 each) of one G2 point: 68 for BLS12-381's loop, with room to spare. */
const linesPerPoint = 72

const lineBytes = 3 * fp2Bytes
/** |x| below its top bit, most significant first: the chain of a power by the seed. */
const seedBits = [...seedAbs.toString(2).slice(1)].map((bit) => bit === '1')
/** The set bits of |x| (16, 48, 57, 60, 62, 63): where a compressed chain keeps its square. */
const seedSetBits = [...seedAbs.toString(2)].reverse().flatMap((bit, i) => (bit === '1' ? [i] : []))
const seedTop = seedAbs.toString(2).length - 1
const compressedBytes = 4 * fp2Bytes

export class WasmPairing {
  /**
   * Points whose lines stay in the module's memory, least recently used dropped first and its
   * memory reused: the public key cache's size and BP2, and one to spare. A product of more
   * pairs than this runs on bigints (`isPairingProductOne`).
   */
  readonly capacity = publicKeyCacheSize + 2
  private readonly lines = new Map<G2Precompute, { readonly block: number; readonly lines: WasmLines }>()
  /** Per pair: Px, Py (Montgomery form). Grown as batches need. */
  private readonly pairPoints: number[] = []
  private readonly t: number[]
  private readonly sums: number
  private readonly one: number
  private readonly inverse: TowerInverse
  private readonly scratchFp: number
  /** A compressed chain: its element, the squares it keeps, and their recovery's workspace. */
  private readonly chain: number
  private readonly kept: number[]
  private readonly numerators: number[]
  private readonly denominators: number[]
  private readonly prefixes: number[]
  private readonly fp2: number[]
  private readonly frobeniusEntries = new Map<number, readonly { from: number; to: number; value: number }[]>()

  private readonly heap: WasmHeap

  constructor(heap: WasmHeap) {
    this.heap = heap
    this.t = Array.from({ length: 10 }, () => heap.alloc(fp12Bytes))
    this.sums = heap.alloc(fp12Bytes)
    this.scratchFp = heap.alloc(fpBytes)
    this.chain = heap.alloc(compressedBytes)
    this.kept = seedSetBits.map(() => heap.alloc(compressedBytes))
    this.numerators = seedSetBits.map(() => heap.alloc(fp2Bytes))
    this.denominators = seedSetBits.map(() => heap.alloc(fp2Bytes))
    this.prefixes = seedSetBits.map(() => heap.alloc(fp2Bytes))
    this.fp2 = Array.from({ length: 3 }, () => heap.alloc(fp2Bytes))
    this.one = heap.alloc(fp12Bytes)
    this.writeFp12(this.one, [1n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n])
    this.inverse = createTowerInverse(heap)
  }

  /** Whether Π e(Pᵢ, Qᵢ) = Identity_GT. */
  isProductOne(pairs: readonly (readonly [AffinePoint, G2Precompute])[]): boolean {
    const f = this.t[0]!
    this.millerLoop(f, pairs)
    this.finalExponentiate(f)
    return this.heap.equal(f, this.one, 12)
  }

  private writeFp12(address: number, f: Fp12): void {
    f.forEach((x, i) => this.heap.writeFp(address + i * fpBytes, x))
  }


  /** Copies a G2 point's lines into the module's memory (Montgomery form), if not there yet. */
  prepareLines(precompute: G2Precompute): void {
    this.linesOf(precompute)
  }

  private linesOf(precompute: G2Precompute): WasmLines {
    const stored = this.lines.get(precompute)
    if (stored) {
      this.lines.delete(precompute)
      this.lines.set(precompute, stored)
      return stored.lines
    }
    let block: number
    if (this.lines.size >= this.capacity) {
      const [oldest, entry] = this.lines.entries().next().value!
      this.lines.delete(oldest)
      block = entry.block
    } else {
      block = this.heap.alloc(linesPerPoint * lineBytes)
    }
    let next = block
    const lines = precompute.map((step) =>
      step.map(([c0, c1, c2]) => {
        if (next + lineBytes > block + linesPerPoint * lineBytes) throw new Error('medcred internal error: more Miller loop lines than expected')
        const address = next
        next += lineBytes
        ;[c0.c0, c0.c1, c1.c0, c1.c1, c2.c0, c2.c1].forEach((x, i) => this.heap.writeFp(address + i * fpBytes, x))
        return address
      }),
    )
    this.lines.set(precompute, { block, lines })
    return lines
  }

  private millerLoop(f: number, pairs: readonly (readonly [AffinePoint, G2Precompute])[]): void {
    const { wasm } = this.heap
    while (this.pairPoints.length < pairs.length) this.pairPoints.push(this.heap.alloc(2 * fpBytes))
    const evaluated = pairs.map(([{ x, y }, precompute], i) => {
      const point = this.pairPoints[i]!
      this.heap.writeFp(point, x)
      this.heap.writeFp(point + fpBytes, y)
      return { point, lines: this.linesOf(precompute) }
    })
    this.heap.copy(f, this.one, fp12Bytes)
    const steps = pairs[0]?.[1].length ?? 0
    for (let i = 0; i < steps; i++) {
      if (i !== 0) wasm.fp12_sqr(f, f)
      for (const { point, lines } of evaluated) {
        for (const stored of lines[i]!) wasm.fp12_mul_line(f, f, stored, point)
      }
    }
    // The seed is negative.
    wasm.fp12_conj(f, f)
  }

  /** out = a^(p^power), by the Frobenius map's matrix over Fp (`frobeniusMatrix`). */
  private frobenius(out: number, a: number, power: number): void {
    let entries = this.frobeniusEntries.get(power)
    if (!entries) {
      entries = frobeniusMatrix(power).map(([from, to, value]) => {
        const address = this.heap.alloc(fpBytes)
        this.heap.writeFp(address, value)
        return { from, to, value: address }
      })
      this.frobeniusEntries.set(power, entries)
    }
    const { wasm } = this.heap
    const sums = this.sums
    this.heap.clear(sums, fp12Bytes)
    for (const { from, to, value } of entries) {
      wasm.fp_mul(this.scratchFp, a + from * fpBytes, value)
      wasm.fp_add(sums + to * fpBytes, sums + to * fpBytes, this.scratchFp)
    }
    this.heap.copy(out, sums, fp12Bytes)
  }

  /**
   * out = a^|x| in the cyclotomic subgroup (out ≠ a), `../cyclotomic.ts`'s way: 63 compressed
   * squarings, the squares at |x|'s set bits recovered with one inversion and multiplied; the
   * Granger–Scott chain where recovery cannot apply (a kept square with C = 0).
   */
  private powSeed(out: number, a: number): void {
    const { wasm } = this.heap
    const z = this.chain
    // (A, B, C, D) = (c0.c1, c0.c2, c1.c0, c1.c2)
    this.heap.copy(z, a + fp2Bytes, 3 * fp2Bytes)
    this.heap.copy(z + 3 * fp2Bytes, a + 5 * fp2Bytes, fp2Bytes)
    let kept = 0
    for (let bit = 1; bit <= seedTop; bit++) {
      wasm.fp12_csqr(z, z)
      if (bit === seedSetBits[kept]) this.heap.copy(this.kept[kept++]!, z, compressedBytes)
    }
    if (!this.recoverProduct(out)) this.powSeedGrangerScott(out, a)
  }

  /**
   * out = the product of the kept squares, each recovered: c1.c1 = (ξD² + 3A² - 2B) / 4C and
   * c0.c0 = ξ(2·c1.c1² + CD - 3AB) + 1, the divisions sharing one inversion. False when a C is 0.
   */
  private recoverProduct(out: number): boolean {
    const { heap } = this
    const { wasm } = heap
    const [t, u, inverse, element] = [this.fp2[0]!, this.fp2[1]!, this.fp2[2]!, this.t[9]!]
    const count = this.kept.length
    for (let k = 0; k < count; k++) {
      const z = this.kept[k]!
      const [A, B, C, D] = [z, z + fp2Bytes, z + 2 * fp2Bytes, z + 3 * fp2Bytes]
      if (wasm.fp_is_zero(C) && wasm.fp_is_zero(C + fpBytes)) return false
      const numerator = this.numerators[k]!
      wasm.fp2_sqr(numerator, D)
      wasm.fp2_mul_nr(numerator, numerator)
      wasm.fp2_sqr(t, A)
      wasm.fp2_add(u, t, t)
      wasm.fp2_add(t, u, t)
      wasm.fp2_add(numerator, numerator, t)
      wasm.fp2_sub(numerator, numerator, B)
      wasm.fp2_sub(numerator, numerator, B)
      // prefix[k] = 4C₀ · … · 4C_k
      const denominator = this.denominators[k]!
      wasm.fp2_add(denominator, C, C)
      wasm.fp2_add(denominator, denominator, denominator)
      if (k === 0) this.heap.copy(this.prefixes[0]!, denominator, fp2Bytes)
      else wasm.fp2_mul(this.prefixes[k]!, this.prefixes[k - 1]!, denominator)
    }
    this.inverse.fp2(inverse, this.prefixes[count - 1]!)
    for (let k = count - 1; k >= 0; k--) {
      const z = this.kept[k]!
      const [A, B, C, D] = [z, z + fp2Bytes, z + 2 * fp2Bytes, z + 3 * fp2Bytes]
      // inverse is 1 / (4C₀ · … · 4C_k): times the product before k, 1 / 4C_k.
      if (k > 0) {
        wasm.fp2_mul(t, inverse, this.prefixes[k - 1]!)
        wasm.fp2_mul(inverse, inverse, this.denominators[k]!)
      } else {
        this.heap.copy(t, inverse, fp2Bytes)
      }
      const X = element + 4 * fp2Bytes
      wasm.fp2_mul(X, this.numerators[k]!, t)
      // c0.c0 = ξ(2X² + CD - 3AB) + 1
      wasm.fp2_sqr(t, X)
      wasm.fp2_add(t, t, t)
      wasm.fp2_mul(u, C, D)
      wasm.fp2_add(t, t, u)
      wasm.fp2_mul(u, A, B)
      wasm.fp2_sub(t, t, u)
      wasm.fp2_sub(t, t, u)
      wasm.fp2_sub(t, t, u)
      wasm.fp2_mul_nr(element, t)
      wasm.fp_add(element, element, heap.montgomeryOne)
      this.heap.copy(element + fp2Bytes, A, 3 * fp2Bytes)
      this.heap.copy(element + 5 * fp2Bytes, D, fp2Bytes)
      if (k === count - 1) this.heap.copy(out, element, fp12Bytes)
      else wasm.fp12_mul(out, out, element)
    }
    return true
  }

  /** out = a^|x| by Granger–Scott squarings (out ≠ a). */
  private powSeedGrangerScott(out: number, a: number): void {
    const { wasm } = this.heap
    this.heap.copy(out, a, fp12Bytes)
    for (const bit of seedBits) {
      wasm.fp12_cyc_sqr(out, out)
      if (bit) wasm.fp12_mul(out, out, a)
    }
  }

  /** f ← f^((p¹² - 1) / r), `../pairing.ts`'s chain (x < 0: f^x = conj(f^|x|)). */
  private finalExponentiate(f: number): void {
    const { wasm } = this.heap
    const [, t0, t1, t2, t3, t4, t5, t6, t7] = this.t as [number, number, number, number, number, number, number, number, number]
    // Easy part: f^((p⁶ - 1)(p² + 1)).
    this.inverse.fp12(t0, f)
    wasm.fp12_conj(t1, f)
    wasm.fp12_mul(t0, t1, t0)
    this.frobenius(t1, t0, 2)
    wasm.fp12_mul(t1, t1, t0) // t1
    const powSeed = (out: number, a: number) => {
      this.powSeed(out, a)
      wasm.fp12_conj(out, out)
    }
    powSeed(t2, t1) // t2 = t1^x
    wasm.fp12_cyc_sqr(t3, t1)
    wasm.fp12_conj(t3, t3)
    wasm.fp12_mul(t3, t3, t2) // t3 = conj(t1²)·t2
    powSeed(t4, t3)
    powSeed(t5, t4)
    powSeed(t6, t5)
    wasm.fp12_cyc_sqr(t0, t2)
    wasm.fp12_mul(t6, t6, t0) // t6 = t5^x·t2²
    powSeed(t7, t6)
    // f = frob(t2·t5, 2)·frob(t4·t1, 3)·frob(t6·conj(t1), 1)·(t7·conj(t3)·t1)
    wasm.fp12_mul(t0, t2, t5)
    this.frobenius(t0, t0, 2)
    wasm.fp12_mul(f, t4, t1)
    this.frobenius(f, f, 3)
    wasm.fp12_mul(t0, t0, f)
    wasm.fp12_conj(f, t1)
    wasm.fp12_mul(f, t6, f)
    this.frobenius(f, f, 1)
    wasm.fp12_mul(t0, t0, f)
    wasm.fp12_conj(t3, t3)
    wasm.fp12_mul(f, t7, t3)
    wasm.fp12_mul(f, f, t1)
    wasm.fp12_mul(f, t0, f)
  }
}
