/**
 * @module
 * Fp2, Fp6 and Fp12 in WebAssembly over `fp.ts`, in @noble/curves' tower (src/bbs/fp12.ts):
 * Fp2 = Fp[u]/(u² + 1), Fp6 = Fp2[v]/(v³ - ξ) with ξ = u + 1, Fp12 = Fp6[w]/(w² - v). An element
 * is its coordinates in that order, each an Fp (112 bytes): Fp2 224, Fp6 672, Fp12 1,344 bytes.
 *
 * Every function takes pointers (out, operands) and may write its output over an operand: it
 * reads its operands into its own scratch first, or writes each output after its last read.
 * Each level keeps its scratch apart from the levels it calls.
 */
import { fpBytes } from './fp.js'
import { LocalField } from './locals.js'

export const fp2Bytes = 2 * fpBytes
export const fp6Bytes = 3 * fp2Bytes
export const fp12Bytes = 2 * fp6Bytes

/** A pointer expression: a parameter plus an offset, or an absolute scratch address. */
export type Pointer = string | number
export const at = (base: Pointer, offset = 0): string =>
  typeof base === 'number' ? `(i32.const ${base + offset})` : offset === 0 ? `(local.get $${base})` : `(i32.add (local.get $${base}) (i32.const ${offset}))`
export const call = (name: string, ...args: string[]) => `(call $${name} ${args.join(' ')})`
const copy = (to: string, from: string, bytes: number) => `(memory.copy ${to} ${from} (i32.const ${bytes}))`

/** Scratch addresses, handed out from `start` by level. */
export class Scratch {
  private next: number

  constructor(start: number) {
    this.next = start
  }
  take(bytes: number): number {
    const address = this.next
    this.next += bytes
    return address
  }
  get end(): number {
    return this.next
  }
}

function func(name: string, params: string[], body: string[]): string {
  return `(func $${name} (export "${name}") ${params.map((param) => `(param $${param} i32)`).join(' ')}\n${body.join('\n')})`
}

/** The tower's functions, their scratch taken from `scratch`. */
export function towerFunctions(scratch: Scratch): string[] {
  const F = fpBytes
  const F2 = fp2Bytes
  const F6 = fp6Bytes
  const t0 = scratch.take(F)
  const out: string[] = []
  // Fp2 (fp2_add, fp2_sub, fp2_mul and fp2_sqr are in fp.ts)
  out.push(
    // ξ·(a0 + a1u) = (a0 - a1) + (a0 + a1)u
    func('fp2_mul_nr', ['out', 'x'], [
      call('fp_sub', at(t0), at('x'), at('x', F)),
      call('fp_add', at('out', F), at('x'), at('x', F)),
      copy(at('out'), at(t0), F),
    ]),
    func('fp2_mul_fp', ['out', 'x', 'y'], [call('fp_mul', at('out'), at('x'), at('y')), call('fp_mul', at('out', F), at('x', F), at('y'))]),
    func('fp2_neg', ['out', 'x'], [
      `(memory.fill ${at(t0)} (i32.const 0) (i32.const ${F}))`,
      call('fp_sub', at('out'), at(t0), at('x')),
      call('fp_sub', at('out', F), at(t0), at('x', F)),
    ]),
  )

  // Fp6
  const s6 = scratch.take(9 * F2)
  const [v0, v1, v2, u0, u1, r0, r1, r2] = Array.from({ length: 8 }, (_, i) => s6 + i * F2) as [number, number, number, number, number, number, number, number]
  const fp6Linear = (name: string, op: string) =>
    func(name, ['out', 'x', 'y'], [0, 1, 2].map((k) => call(op, at('out', k * F2), at('x', k * F2), at('y', k * F2))))
  out.push(fp6Linear('fp6_add', 'fp2_add'), fp6Linear('fp6_sub', 'fp2_sub'), fp6Linear('fp6_add_lazy', 'fp2_add_lazy'))
  // Karatsuba over v: v_k = a_k·b_k,
  // c0 = v0 + ξ((a1 + a2)(b1 + b2) - v1 - v2), c1 = (a0 + a1)(b0 + b1) - v0 - v1 + ξ·v2,
  // c2 = (a0 + a2)(b0 + b2) - v0 - v2 + v1.
  const karatsuba = (i: number, j: number, result: number, rest: string[]) => [
    call('fp2_add_lazy', at(u0), at('x', i * F2), at('x', j * F2)),
    call('fp2_add_lazy', at(u1), at('y', i * F2), at('y', j * F2)),
    call('fp2_mul', at(result), at(u0), at(u1)),
    ...rest,
  ]
  out.push(
    func('fp6_mul', ['out', 'x', 'y'], [
      call('fp2_mul', at(v0), at('x'), at('y')),
      call('fp2_mul', at(v1), at('x', F2), at('y', F2)),
      call('fp2_mul', at(v2), at('x', 2 * F2), at('y', 2 * F2)),
      ...karatsuba(1, 2, r0, [
        call('fp2_sub', at(r0), at(r0), at(v1)),
        call('fp2_sub', at(r0), at(r0), at(v2)),
        call('fp2_mul_nr', at(r0), at(r0)),
        call('fp2_add', at(r0), at(r0), at(v0)),
      ]),
      ...karatsuba(0, 1, r1, [
        call('fp2_sub', at(r1), at(r1), at(v0)),
        call('fp2_sub', at(r1), at(r1), at(v1)),
        call('fp2_mul_nr', at(u0), at(v2)),
        call('fp2_add', at(r1), at(r1), at(u0)),
      ]),
      ...karatsuba(0, 2, r2, [
        call('fp2_sub', at(r2), at(r2), at(v0)),
        call('fp2_sub', at(r2), at(r2), at(v2)),
        call('fp2_add', at(r2), at(r2), at(v1)),
      ]),
      copy(at('out'), at(r0), 3 * F2),
    ]),
    // a·(b0 + b1·v), b0 and b1 given apart: c0 = a0b0 + ξ·a2b1, c1 = a0b1 + a1b0, c2 = a1b1 + a2b0.
    func('fp6_mul_01', ['out', 'x', 'y', 'z'], [
      call('fp2_mul', at(r0), at('x', 2 * F2), at('z')),
      call('fp2_mul_nr', at(r0), at(r0)),
      call('fp2_mul', at(u0), at('x'), at('y')),
      call('fp2_add', at(r0), at(r0), at(u0)),
      call('fp2_mul', at(r1), at('x'), at('z')),
      call('fp2_mul', at(u0), at('x', F2), at('y')),
      call('fp2_add', at(r1), at(r1), at(u0)),
      call('fp2_mul', at(r2), at('x', F2), at('z')),
      call('fp2_mul', at(u0), at('x', 2 * F2), at('y')),
      call('fp2_add', at(r2), at(r2), at(u0)),
      copy(at('out'), at(r0), 3 * F2),
    ]),
    // a·(b1·v) = ξ·a2b1 + a0b1·v + a1b1·v²
    func('fp6_mul_1', ['out', 'x', 'z'], [
      call('fp2_mul', at(r0), at('x', 2 * F2), at('z')),
      call('fp2_mul_nr', at(r0), at(r0)),
      call('fp2_mul', at(r1), at('x'), at('z')),
      call('fp2_mul', at(r2), at('x', F2), at('z')),
      copy(at('out'), at(r0), 3 * F2),
    ]),
    // v·(a0 + a1·v + a2·v²) = ξ·a2 + a0·v + a1·v²
    func('fp6_mul_v', ['out', 'x'], [
      call('fp2_mul_nr', at(r0), at('x', 2 * F2)),
      copy(at(r1), at('x'), 2 * F2),
      copy(at('out'), at(r0), 3 * F2),
    ]),
    func('fp6_neg', ['out', 'x'], [0, 1, 2].map((k) => call('fp2_neg', at('out', k * F2), at('x', k * F2)))),
  )

  // Fp12
  const s12 = scratch.take(4 * F6 + 3 * F2)
  const [w0, w1, w2, w3, y] = [s12, s12 + F6, s12 + 2 * F6, s12 + 3 * F6, s12 + 4 * F6]
  out.push(
    // Karatsuba over w: (a + bw)(c + dw) = (ac + v·bd) + ((a + b)(c + d) - ac - bd)w
    func('fp12_mul', ['out', 'x', 'y'], [
      call('fp6_mul', at(w0), at('x'), at('y')),
      call('fp6_mul', at(w1), at('x', F6), at('y', F6)),
      call('fp6_add_lazy', at(w2), at('x'), at('x', F6)),
      call('fp6_add_lazy', at(w3), at('y'), at('y', F6)),
      call('fp6_mul', at(w2), at(w2), at(w3)),
      call('fp6_sub', at(w2), at(w2), at(w0)),
      call('fp6_sub', at('out', F6), at(w2), at(w1)),
      call('fp6_mul_v', at(w1), at(w1)),
      call('fp6_add', at('out'), at(w0), at(w1)),
    ]),
    // (a + bw)² = ((a + b)(a + v·b) - ab - v·ab) + 2ab·w
    func('fp12_sqr', ['out', 'x'], [
      call('fp6_mul', at(w0), at('x'), at('x', F6)),
      call('fp6_mul_v', at(w1), at('x', F6)),
      call('fp6_add_lazy', at(w1), at(w1), at('x')),
      call('fp6_add_lazy', at(w2), at('x'), at('x', F6)),
      call('fp6_mul', at(w1), at(w1), at(w2)),
      call('fp6_sub', at(w1), at(w1), at(w0)),
      call('fp6_mul_v', at(w2), at(w0)),
      call('fp6_sub', at('out'), at(w1), at(w2)),
      call('fp6_add', at('out', F6), at(w0), at(w0)),
    ]),
    // f·ℓ for a Miller loop line (c0, c1, c2) stored at `line` (three Fp2 values), at the G1
    // point (px, py) at `point`: ℓ = (o0 + o1·v) + (o4·v)·w = (c0, c1·px, c2·py) at y, then
    // (a + bw)(L0 + L1·w) = (a·L0 + v·b·L1) + ((a + b)(L0 + L1) - a·L0 - b·L1)w
    func('fp12_mul_line', ['out', 'x', 'line', 'point'], [
      copy(at(y), at('line'), F2),
      call('fp2_mul_fp', at(y, F2), at('line', F2), at('point')),
      call('fp2_mul_fp', at(y, 2 * F2), at('line', 2 * F2), at('point', F)),
      call('fp6_mul_01', at(w0), at('x'), at(y), at(y, F2)),
      call('fp6_mul_1', at(w1), at('x', F6), at(y, 2 * F2)),
      call('fp6_add_lazy', at(w2), at('x'), at('x', F6)),
      call('fp2_add_lazy', at(w3), at(y, F2), at(y, 2 * F2)),
      call('fp6_mul_01', at(w2), at(w2), at(y), at(w3)),
      call('fp6_sub', at(w2), at(w2), at(w0)),
      call('fp6_sub', at('out', F6), at(w2), at(w1)),
      call('fp6_mul_v', at(w1), at(w1)),
      call('fp6_add', at('out'), at(w0), at(w1)),
    ]),
    func('fp12_conj', ['out', 'x'], [copy(at('out'), at('x'), F6), call('fp6_neg', at('out', F6), at('x', F6))]),
  )
  // Granger–Scott cyclotomic squaring, as src/bbs/fp12.ts's cyclotomicSquare: three squarings
  // in Fp4 = Fp2[t]/(t² - ξ), (x, y) ↦ (x² + ξy², 2xy), then 3t - 2c or 3t + 2c per coordinate.
  const s4 = scratch.take(9 * F2)
  const [q0, q1, q2] = [s4, s4 + F2, s4 + 2 * F2]
  const res = s4 + 3 * F2 // six Fp2 results, in the element's coordinate order
  const fp4 = (x: number, y: number, even: number, odd: number) => [
    call('fp2_sqr', at(q0), at('x', x * F2)),
    call('fp2_sqr', at(q1), at('x', y * F2)),
    call('fp2_add_lazy', at(q2), at('x', x * F2), at('x', y * F2)),
    call('fp2_sqr', at(q2), at(q2)),
    call('fp2_sub', at(q2), at(q2), at(q0)),
    call('fp2_sub', at(res, odd * F2), at(q2), at(q1)),
    call('fp2_mul_nr', at(q1), at(q1)),
    call('fp2_add', at(res, even * F2), at(q0), at(q1)),
  ]
  // coordinates: c0.c0 = 0, c0.c1 = 1, c0.c2 = 2, c1.c0 = 3, c1.c1 = 4, c1.c2 = 5
  const finish = (k: number, sign: 'fp2_sub' | 'fp2_add') => [
    call(sign, at(q0), at(res, k * F2), at('x', k * F2)),
    call('fp2_add', at(q0), at(q0), at(q0)),
    call('fp2_add', at('out', k * F2), at(q0), at(res, k * F2)),
  ]
  out.push(
    func('fp12_cyc_sqr', ['out', 'x'], [
      ...fp4(0, 4, 0, 4), // (c0.c0, c1.c1): t3, t4
      ...fp4(3, 2, 1, 5), // (c1.c0, c0.c2): t5, t6
      ...fp4(1, 5, 2, 3), // (c0.c1, c1.c2): t7, t8
      call('fp2_mul_nr', at(res, 3 * F2), at(res, 3 * F2)), // t9 = ξ·t8
      ...[0, 1, 2].flatMap((k) => finish(k, 'fp2_sub')),
      ...[3, 4, 5].flatMap((k) => finish(k, 'fp2_add')),
    ]),
  )
  // Karabina's compressed squaring (src/bbs/cyclotomic.ts): (A, B, C, D) = (c0.c1, c0.c2, c1.c0,
  // c1.c2) of a cyclotomic element, four Fp2 values; A' = 3(C² + ξB²) - 2A, B' = 3(A² + ξD²) - 2B,
  // C' = 6ξAD + 2C, D' = 6BC + 2D. The chain's 315 squarings a verification are the pairing's
  // largest part. The six products are calls; the sums after them run on locals (locals.ts), one
  // output at a time. Inlining the products as well saves 9% of the instructions on riscv64
  // (Liftoff) but costs 50% more time on x86, where TurboFan spills the many values they keep live.
  const products = scratch.take(6 * F2)
  const [a2, b2, c2, d2, ad, bc] = [0, 1, 2, 3, 4, 5].map((k) => products + k * F2) as [number, number, number, number, number, number]
  const c = new LocalField()
  // 3t - 2X = t + 2(t - X), t = s + ξr
  for (const [k, r, s] of [[0, b2, c2], [1, d2, a2]] as const) {
    c.load2('t', r)
    c.mulByXi2('t', 't')
    c.load2('s', s)
    c.add2('t', 't', 's')
    c.load2('X', 'x', k * F2)
    c.sub2('w', 't', 'X')
    c.add2('w', 'w', 'w')
    c.add2('w', 'w', 't')
    c.store2('out', k * F2, 'w')
  }
  // 2(3t + X), t = ξAD or BC
  for (const [k, product, byXi] of [[2, ad, true], [3, bc, false]] as const) {
    c.load2('t', product)
    if (byXi) c.mulByXi2('t', 't')
    c.load2('X', 'x', k * F2)
    c.add2('w', 't', 't')
    c.add2('w', 'w', 't')
    c.add2('w', 'w', 'X')
    c.add2('w', 'w', 'w')
    c.store2('out', k * F2, 'w')
  }
  const element = (k: number) => at('x', k * F2)
  const body = [
    ...[a2, b2, c2, d2].map((square, k) => call('fp2_sqr', at(square), element(k))),
    call('fp2_mul', at(ad), element(0), element(3)),
    call('fp2_mul', at(bc), element(1), element(2)),
    ...c.lines,
  ]
  out.push(`(func $fp12_csqr (export "fp12_csqr") (param $out i32) (param $x i32) ${c.declarations()}\n${body.join('\n')})`)
  return out
}
