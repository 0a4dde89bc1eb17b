/**
 * @module
 * Field arithmetic inlined on locals: a function body that keeps its Fp values in WebAssembly
 * locals (14 each) rather than in memory. Liftoff reads a local from the stack frame in one
 * instruction, where a memory access costs a bounds check, and an inlined operation saves a
 * call: a point doubling written this way runs in about two thirds of its memory-to-memory
 * form's instructions on riscv64. Same representation and bounds as `fp.ts`.
 */
import { limbBits, limbCount, mask, montgomery, P, P2, product, square } from './fp.js'

const limbs = Array.from({ length: limbCount }, (_, j) => j)
const get = (name: string) => `(local.get $${name})`
const i64 = (value: bigint | number) => `(i64.const ${value})`
const address = (pointer: string | number) => (typeof pointer === 'number' ? `(i32.const ${pointer})` : `(local.get $${pointer})`)

/** A function body under construction: its Fp locals, by name, and its lines. */
export class LocalField {
  private readonly names = new Set<string>()
  readonly lines: string[] = []

  /** Declares an Fp value held in locals `${name}0..13`. */
  value(name: string): string {
    this.names.add(name)
    return name
  }

  /** Reads an Fp value from memory; `pointer` is a parameter's name or an address. */
  load(to: string, pointer: string | number, offset = 0): void {
    this.value(to)
    for (const j of limbs) this.lines.push(`(local.set $${to}${j} (i64.load offset=${offset + 8 * j} ${address(pointer)}))`)
  }

  /** The lines that write an Fp value to memory (for use inside a branch too). */
  storeLines(pointer: string | number, offset: number, from: string): string[] {
    return limbs.map((j) => `(i64.store offset=${offset + 8 * j} ${address(pointer)} ${get(`${from}${j}`)})`)
  }

  store(pointer: string | number, offset: number, from: string): void {
    this.lines.push(...this.storeLines(pointer, offset, from))
  }

  /** An i32 expression: whether x is zero (0 or p in [0, 2p)). */
  isZero(x: string): string {
    const or = (terms: string[]) => terms.reduce((acc, term) => `(i64.or ${acc} ${term})`)
    return `(i32.or (i64.eqz ${or(limbs.map((j) => get(`${x}${j}`)))}) (i64.eqz ${or(limbs.map((j) => `(i64.xor ${get(`${x}${j}`)} ${i64(P[j]!)})`))}))`
  }

  copy(to: string, from: string): void {
    this.value(to)
    for (const j of limbs) this.lines.push(`(local.set $${to}${j} ${get(`${from}${j}`)})`)
  }

  /** to = x·y (to may be x or y: a result limb is written once no column reads its name). */
  mul(to: string, x: string, y: string): void {
    this.value(to)
    this.lines.push(...montgomery(product(x, y), to))
  }

  sqr(to: string, x: string): void {
    this.value(to)
    this.lines.push(...montgomery(square(x), to))
  }

  /** to = x + y or x - y in [0, 2p): the sum less 2p (or the difference), 2p back if negative. */
  private addOrSub(to: string, x: string, y: string, subtract: boolean): void {
    this.value(to)
    this.lines.push('(local.set $c (i64.const 0))')
    for (const j of limbs) {
      const value = subtract
        ? `(i64.add (i64.sub ${get(`${x}${j}`)} ${get(`${y}${j}`)}) ${get('c')})`
        : `(i64.add (i64.sub (i64.add ${get(`${x}${j}`)} ${get(`${y}${j}`)}) ${i64(P2[j]!)}) ${get('c')})`
      this.lines.push(`(local.set $c ${value})`, `(local.set $${to}${j} (i64.and ${get('c')} ${i64(mask)}))`, `(local.set $c (i64.shr_s ${get('c')} ${i64(limbBits)}))`)
    }
    const back = ['(local.set $c (i64.const 0))']
    for (const j of limbs) {
      back.push(
        `(local.set $c (i64.add (i64.add ${get(`${to}${j}`)} ${i64(P2[j]!)}) ${get('c')}))`,
        `(local.set $${to}${j} (i64.and ${get('c')} ${i64(mask)}))`,
        `(local.set $c (i64.shr_u ${get('c')} ${i64(limbBits)}))`,
      )
    }
    this.lines.push(`(if (i64.lt_s ${get('c')} (i64.const 0)) (then ${back.join(' ')}))`)
  }

  add(to: string, x: string, y: string): void {
    this.addOrSub(to, x, y, false)
  }

  sub(to: string, x: string, y: string): void {
    this.addOrSub(to, x, y, true)
  }

  /** to = x + y, limbs carried, nothing subtracted: for operands of products only (below 8p). */
  lazyAdd(to: string, x: string, y: string): void {
    this.value(to)
    this.lines.push('(local.set $c (i64.const 0))')
    for (const j of limbs) {
      this.lines.push(
        `(local.set $c (i64.add (i64.add ${get(`${x}${j}`)} ${get(`${y}${j}`)}) ${get('c')}))`,
        `(local.set $${to}${j} (i64.and ${get('c')} ${i64(mask)}))`,
        `(local.set $c (i64.shr_u ${get('c')} ${i64(limbBits)}))`,
      )
    }
  }

  // Fp2 values: `${name}r` and `${name}i`.

  load2(to: string, pointer: string | number, offset = 0): void {
    this.load(`${to}r`, pointer, offset)
    this.load(`${to}i`, pointer, offset + 8 * limbCount)
  }

  store2(pointer: string | number, offset: number, from: string): void {
    this.store(pointer, offset, `${from}r`)
    this.store(pointer, offset + 8 * limbCount, `${from}i`)
  }

  add2(to: string, x: string, y: string): void {
    this.add(`${to}r`, `${x}r`, `${y}r`)
    this.add(`${to}i`, `${x}i`, `${y}i`)
  }

  sub2(to: string, x: string, y: string): void {
    this.sub(`${to}r`, `${x}r`, `${y}r`)
    this.sub(`${to}i`, `${x}i`, `${y}i`)
  }

  /** to = ξ·x = (x0 - x1) + (x0 + x1)u. */
  mulByXi2(to: string, x: string): void {
    this.sub('pr', `${x}r`, `${x}i`)
    this.add(`${to}i`, `${x}r`, `${x}i`)
    this.copy(`${to}r`, 'pr')
  }

  /** The locals' declarations, with the Montgomery reductions' and the carries'. */
  declarations(): string {
    const values = [...this.names].flatMap((name) => limbs.map((j) => `(local $${name}${j} i64)`))
    const reductions = `(local $acc i64) (local $c i64) ${limbs.map((j) => `(local $m${j} i64)`).join(' ')}`
    return [reductions, ...values].join(' ')
  }
}
