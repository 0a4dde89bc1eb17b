/**
 * @module
 * The pairing product check of `../pairing.ts` on the WebAssembly field: the same Miller loop
 * over @noble/curves' precomputed lines and the same final exponentiation chain, each Fp12
 * operation one call into the module. A public key's lines are copied into the module's memory
 * once (in Montgomery form) and kept as long as the key's precompute lives.
 */
import { type Fp12, frobeniusMatrix, invert } from '../fp12.js'
import { type AffinePoint, seedAbs } from '../g1.js'
import type { G2Precompute } from '../pairing.js'
import { fp2Bytes, fp12Bytes, fpBytes, type WasmHeap } from './heap.js'

/** A key's lines in the module's memory: per Miller loop step, the address of each line (3 Fp2). */
type WasmLines = readonly (readonly number[])[]

const lineBytes = 3 * fp2Bytes
/** |x| below its top bit, most significant first: the chain of a power by the seed. */
const seedBits = [...seedAbs.toString(2).slice(1)].map((bit) => bit === '1')

export class WasmPairing {
  private readonly lines = new WeakMap<G2Precompute, WasmLines>()
  /** Per pair: Px, Py (Montgomery form). Grown as batches need. */
  private readonly pairPoints: number[] = []
  private readonly t: number[]
  private readonly line: number
  private readonly sums: number
  private readonly one: number
  private readonly scratchFp: number
  private readonly frobeniusEntries = new Map<number, readonly { from: number; to: number; value: number }[]>()

  constructor(private readonly heap: WasmHeap) {
    this.t = Array.from({ length: 9 }, () => heap.alloc(fp12Bytes))
    this.line = heap.alloc(lineBytes)
    this.sums = heap.alloc(fp12Bytes)
    this.scratchFp = heap.alloc(fpBytes)
    this.one = heap.alloc(fp12Bytes)
    this.writeFp12(this.one, [1n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n])
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

  private readFp12(address: number): Fp12 {
    return Array.from({ length: 12 }, (_, i) => this.heap.readFp(address + i * fpBytes, this.scratchFp))
  }

  private copy(to: number, from: number, bytes: number): void {
    const memory = new Uint8Array(this.heap.wasm.memory.buffer)
    memory.copyWithin(to, from, from + bytes)
  }

  private linesOf(precompute: G2Precompute): WasmLines {
    let stored = this.lines.get(precompute)
    if (!stored) {
      stored = precompute.map((step) =>
        step.map(([c0, c1, c2]) => {
          const address = this.heap.alloc(lineBytes)
          ;[c0.c0, c0.c1, c1.c0, c1.c1, c2.c0, c2.c1].forEach((x, i) => this.heap.writeFp(address + i * fpBytes, x))
          return address
        }),
      )
      this.lines.set(precompute, stored)
    }
    return stored
  }

  private millerLoop(f: number, pairs: readonly (readonly [AffinePoint, G2Precompute])[]): void {
    const { wasm } = this.heap
    const line = this.line
    while (this.pairPoints.length < pairs.length) this.pairPoints.push(this.heap.alloc(2 * fpBytes))
    const evaluated = pairs.map(([{ x, y }, precompute], i) => {
      const point = this.pairPoints[i]!
      this.heap.writeFp(point, x)
      this.heap.writeFp(point + fpBytes, y)
      return { point, lines: this.linesOf(precompute) }
    })
    this.copy(f, this.one, fp12Bytes)
    const steps = pairs[0]?.[1].length ?? 0
    for (let i = 0; i < steps; i++) {
      if (i !== 0) wasm.fp12_sqr(f, f)
      for (const { point, lines } of evaluated) {
        for (const stored of lines[i]!) {
          // The line at P: (c0, c1·Px, c2·Py)
          this.copy(line, stored, fp2Bytes)
          wasm.fp2_mul_fp(line + fp2Bytes, stored + fp2Bytes, point)
          wasm.fp2_mul_fp(line + 2 * fp2Bytes, stored + 2 * fp2Bytes, point + fpBytes)
          wasm.fp12_mul_line(f, f, line)
        }
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
    new Uint8Array(wasm.memory.buffer, sums, fp12Bytes).fill(0)
    for (const { from, to, value } of entries) {
      wasm.fp_mul(this.scratchFp, a + from * fpBytes, value)
      wasm.fp_add(sums + to * fpBytes, sums + to * fpBytes, this.scratchFp)
    }
    this.copy(out, sums, fp12Bytes)
  }

  /** out = a^|x| in the cyclotomic subgroup (out ≠ a). */
  private powSeed(out: number, a: number): void {
    const { wasm } = this.heap
    this.copy(out, a, fp12Bytes)
    for (const bit of seedBits) {
      wasm.fp12_cyc_sqr(out, out)
      if (bit) wasm.fp12_mul(out, out, a)
    }
  }

  /** f ← f^((p¹² - 1) / r), `../pairing.ts`'s chain (x < 0: f^x = conj(f^|x|)). */
  private finalExponentiate(f: number): void {
    const { wasm } = this.heap
    const [, t0, t1, t2, t3, t4, t5, t6, t7] = this.t as [number, number, number, number, number, number, number, number, number]
    // Easy part: f^((p⁶ - 1)(p² + 1)); the inversion, once, on bigints.
    this.writeFp12(t0, invert(this.readFp12(f)))
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
