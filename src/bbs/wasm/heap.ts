/**
 * @module
 * The WebAssembly module's memory as the callers of src/bbs/wasm see it: elements allocated
 * once and kept (constants, the G2 lines of a public key, the working space of an operation),
 * and field elements moved in and out of Montgomery form.
 */
import { p } from '../ciphersuite.js'
import { invertLimbs } from '../invertFp.js'
import { fromLimbs, limbBits, limbCount, toLimbs } from '../limbs.js'
import type { BbsWasmExports } from './instance.js'

/** Bytes of one Fp element: 14 limbs of 29 bits, one per 8 bytes (scripts/bbsWasm/fp.ts). */
export const fpBytes = 112
export const fp2Bytes = 2 * fpBytes
export const fp6Bytes = 3 * fp2Bytes
export const fp12Bytes = 2 * fp6Bytes

/** Bytes of a chunk of temporary memory. */
const chunkBytes = 1 << 16

/**
 * The module's memory, growing as needed: `alloc` for what is kept (constants, a key's lines,
 * a generator's table: never freed), `temporary` for what one step of a verification makes (its
 * proof's tables, working points), a stack: what a `withTemporaries` task took is reused as soon
 * as it returns, so a call never holds more than its deepest chain of steps.
 */
export class WasmHeap {
  private next: number
  private words: Uint32Array
  private bytes: Uint8Array
  private readonly chunks: number[] = []
  private chunk = 0
  private chunkNext = 0
  private depth = 0
  readonly montgomeryOne: number
  /** The element 0. */
  readonly zero: number
  private readonly rSquared: number
  private readonly plainOne: number
  /** Where `readFp` and `equal` work. */
  private readonly scratch: number
  private readonly rCubed: number
  /** An element's limbs on their way in or out. */
  private readonly limbs = new Float64Array(limbCount)

  readonly wasm: BbsWasmExports

  constructor(wasm: BbsWasmExports) {
    this.wasm = wasm
    this.next = wasm.heap_base.value as number
    this.words = new Uint32Array(wasm.memory.buffer)
    this.bytes = new Uint8Array(wasm.memory.buffer)
    const R = 1n << BigInt(limbBits * limbCount)
    this.rSquared = this.alloc(fpBytes)
    this.writeLimbs(this.rSquared, (R * R) % p)
    this.plainOne = this.alloc(fpBytes)
    this.writeLimbs(this.plainOne, 1n)
    this.scratch = this.alloc(fpBytes)
    this.montgomeryOne = this.alloc(fpBytes)
    this.writeLimbs(this.montgomeryOne, R % p)
    this.zero = this.alloc(fpBytes)
    this.writeLimbs(this.zero, 0n)
    this.rCubed = this.alloc(fpBytes)
    this.writeLimbs(this.rCubed, (R * R * R) % p)
  }

  /** `bytes` of memory, 8-byte aligned. */
  alloc(bytes: number): number {
    const address = this.next
    this.next += (bytes + 7) & ~7
    const needed = this.next - this.wasm.memory.buffer.byteLength
    if (needed > 0) this.wasm.memory.grow(Math.ceil(needed / 65536))
    return address
  }

  /** Runs `task` with temporary memory; what it took is free again when it returns. */
  withTemporaries<T>(task: () => T): T {
    if (this.depth === 0) {
      this.chunk = 0
      this.chunkNext = 0
    }
    const [chunk, chunkNext] = [this.chunk, this.chunkNext]
    this.depth++
    try {
      return task()
    } finally {
      this.depth--
      this.chunk = chunk
      this.chunkNext = chunkNext
    }
  }

  /** `bytes` (at most 64 KiB) of temporary memory, inside `withTemporaries`. */
  temporary(bytes: number): number {
    if (this.depth === 0) throw new Error('medcred internal error: temporary wasm memory outside withTemporaries')
    if (bytes > chunkBytes) throw new Error(`medcred internal error: ${bytes} bytes of temporary wasm memory at once`)
    bytes = (bytes + 7) & ~7
    if (this.chunks.length === 0 || this.chunkNext + bytes > chunkBytes) {
      if (this.chunks.length > 0) this.chunk++
      if (this.chunk === this.chunks.length) this.chunks.push(this.alloc(chunkBytes))
      this.chunkNext = 0
    }
    const address = this.chunks[this.chunk]! + this.chunkNext
    this.chunkNext += bytes
    return address
  }

  /** Copies `bytes` bytes within the module's memory (the ranges may overlap). */
  copy(to: number, from: number, bytes: number): void {
    this.byteView().copyWithin(to, from, from + bytes)
  }

  /** Zeroes `bytes` bytes: the identity point (Z = 0), or a sum to accumulate into. */
  clear(address: number, bytes: number): void {
    this.byteView().fill(0, address, address + bytes)
  }

  /** The memory as 32-bit words (a limb is the low word of its 8 bytes). */
  view(): Uint32Array {
    if (this.words.buffer !== this.wasm.memory.buffer) this.words = new Uint32Array(this.wasm.memory.buffer)
    return this.words
  }

  /** The memory as bytes, made again only when it grew (a view made per copy is an allocation each). */
  private byteView(): Uint8Array {
    if (this.bytes.buffer !== this.wasm.memory.buffer) this.bytes = new Uint8Array(this.wasm.memory.buffer)
    return this.bytes
  }

  /** Writes x in [0, 2^384) as plain limbs (`../limbs.ts`). */
  private writeLimbs(address: number, x: bigint): void {
    toLimbs(x, this.limbs)
    this.storeLimbs(address)
  }

  /** Reads the limbs at `address` into `this.limbs`. */
  private loadLimbs(address: number): void {
    const words = this.view()
    const base = address >>> 2
    for (let j = 0; j < limbCount; j++) this.limbs[j] = words[base + 2 * j]!
  }

  /** Stores `this.limbs` at `address`, one 29-bit limb per 8 bytes. */
  private storeLimbs(address: number): void {
    const words = this.view()
    const base = address >>> 2
    for (let j = 0; j < limbCount; j++) {
      words[base + 2 * j] = this.limbs[j]!
      words[base + 2 * j + 1] = 0
    }
  }

  /** Stores x in [0, p) at `address`, in Montgomery form. */
  writeFp(address: number, x: bigint): void {
    this.writeLimbs(address, x)
    this.wasm.fp_mul(address, address, this.rSquared)
  }

  /** The element at `address`, out of Montgomery form, in [0, p). */
  readFp(address: number): bigint {
    const scratch = this.scratch
    // x·R⁻¹ for x in [0, 2p) is at most p: p itself is zero.
    this.wasm.fp_mul(scratch, address, this.plainOne)
    this.loadLimbs(scratch)
    const x = fromLimbs(this.limbs)
    return x === p ? 0n : x
  }

  /**
   * out = 1 / x, both in Montgomery form, where they lie: Lehmer's inversion (`../invertFp.ts`)
   * of the stored integer xR, then times R³ (a Montgomery product takes one R off): xR⁻¹·R².
   *
   * @throws {RangeError} when x is 0
   */
  invert(out: number, x: number): void {
    this.loadLimbs(x)
    invertLimbs(this.limbs, this.limbs)
    this.storeLimbs(out)
    this.wasm.fp_mul(out, out, this.rCubed)
  }

  /** Whether `count` field elements at a and at b are equal mod p (each is kept in [0, 2p)). */
  equal(a: number, b: number, count: number): boolean {
    const scratch = this.scratch
    for (let i = 0; i < count; i++) {
      this.wasm.fp_sub(scratch, a + i * fpBytes, b + i * fpBytes)
      if (!this.wasm.fp_is_zero(scratch)) return false
    }
    return true
  }
}
