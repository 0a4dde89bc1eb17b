/**
 * @module
 * Fp and Fp2 of BLS12-381 in WebAssembly: an Fp element is 14 limbs of 29 bits, each in an i64
 * (112 bytes), in Montgomery form (x·R mod p, R = 2^406), kept in [0, 2p): a Montgomery
 * product of such operands lands there without a final subtraction, and sums and differences
 * are brought back into it. Zero is 0 or p; `fp_is_zero` says which values are zero.
 *
 * Why 29-bit limbs: WebAssembly has no 64×64→128 product, so a limb product must fit an i64.
 * With 29 bits a product is below 2^58, and a column of a product-scanning Montgomery
 * multiplication (up to 42 products: two products summed and the reduction's) fits an i64
 * with no carry per product: one multiply and one add per limb product. The code is unrolled
 * straight-line code, nested expressions rather than locals where it can be, which is what
 * Liftoff (the machine's only wasm compiler) turns into the fewest instructions.
 *
 * Fp2 products are fused: Karatsuba's three products a0·b0, a1·b1 and (a0 + a1)(b0 + b1) are
 * summed column by column, and each column feeds both coordinates' Montgomery reductions at
 * once, the real part a0·b0 - a1·b1 + 64p² and the imaginary part (a0 + a1)(b0 + b1) - a0·b0 -
 * a1·b1: three limb products a column where two separate reductions would take four, and no
 * pass over the limbs between the products and the reductions.
 *
 * Lazy sums: a product's operands may be sums left unreduced (below 8p, limbs carried): the
 * largest value reduced, (a0 + a1)(a0 + 16p - a1) < 16p·24p, or an Fp2 product's parts below
 * 128p², stays far below R·p, so the result is below 2p. The tower adds lazily (`fp2_add_lazy`) exactly where a sum only feeds
 * products.
 */
import { p } from '../../src/bbs/ciphersuite.js'

export const limbBits = 29
export const limbCount = 14
export const fpBytes = 8 * limbCount
export const mask = (1n << BigInt(limbBits)) - 1n
export const montgomeryR = 1n << BigInt(limbBits * limbCount)

/** x as 14 limbs of 29 bits, least significant first. */
export function toLimbs(x: bigint): bigint[] {
  return Array.from({ length: limbCount }, (_, i) => (x >> BigInt(limbBits * i)) & mask)
}

export const P = toLimbs(p)
export const P2 = toLimbs(2n * p)
export const P16 = toLimbs(16n * p)
/** 64p² in 27 limbs: added to an Fp2 product's real part, a0·b0 - a1·b1 (operands below 8p), to keep it positive. */
const P64Squared = Array.from({ length: 2 * limbCount - 1 }, (_, i) => ((64n * p * p) >> BigInt(limbBits * i)) & mask)
if (64n * p * p >= 1n << BigInt(limbBits * (2 * limbCount - 1))) throw new Error('64p² does not fit the product columns')
// -p⁻¹ mod 2^29, by Newton's iteration.
let inverse = 1n
for (let i = 0; i < 6; i++) inverse = (inverse * (2n - p * inverse)) & ((1n << 64n) - 1n)
const pInverse = -inverse & mask

const limbs = Array.from({ length: limbCount }, (_, j) => j)
const get = (name: string) => `(local.get $${name})`
const i64 = (value: bigint | number) => `(i64.const ${value})`
const sum = (terms: string[]) => terms.reduce((acc, term) => `(i64.add ${acc} ${term})`)
const declare = (...prefixes: string[]) => prefixes.flatMap((prefix) => limbs.map((j) => `(local $${prefix}${j} i64)`)).join(' ')
const load = (pointer: string, offset: number, j: number) => `(i64.load offset=${offset + 8 * j} (local.get $${pointer}))`
const loadInto = (name: string, pointer: string, offset = 0) => limbs.map((j) => `(local.set $${name}${j} ${load(pointer, offset, j)})`)
const carryInto = (name: string, j: number, value: string, signed: boolean) => [
  `(local.set $c ${value})`,
  `(local.set $${name}${j} (i64.and ${get('c')} ${i64(mask)}))`,
  `(local.set $c (i64.${signed ? 'shr_s' : 'shr_u'} ${get('c')} ${i64(limbBits)}))`,
]

/**
 * Montgomery reduction interleaved with the product columns (product scanning): `column(i)`
 * gives the products of column i of a value T < R·p; T·R⁻¹ (< 2p) lands in ${result}0...13.
 * A result limb is written from column 14 on, where no later column reads its name.
 */
export function montgomery(column: (i: number) => string[], result: string): string[] {
  const lines = ['(local.set $acc (i64.const 0))']
  for (let i = 0; i < 2 * limbCount - 1; i++) {
    const terms = [get('acc'), ...column(i)]
    for (let j = Math.max(0, i - limbCount + 1); j <= Math.min(i - 1, limbCount - 1); j++) terms.push(`(i64.mul ${get(`m${j}`)} ${i64(P[i - j]!)})`)
    lines.push(`(local.set $acc ${sum(terms)})`)
    if (i < limbCount) {
      lines.push(
        `(local.set $m${i} (i64.and (i64.mul ${get('acc')} ${i64(pInverse)}) ${i64(mask)}))`,
        `(local.set $acc (i64.shr_u (i64.add ${get('acc')} (i64.mul ${get(`m${i}`)} ${i64(P[0]!)})) ${i64(limbBits)}))`,
      )
    } else {
      lines.push(`(local.set $${result}${i - limbCount} (i64.and ${get('acc')} ${i64(mask)}))`, `(local.set $acc (i64.shr_u ${get('acc')} ${i64(limbBits)}))`)
    }
  }
  lines.push(`(local.set $${result}${limbCount - 1} ${get('acc')})`)
  return lines
}

/**
 * The Montgomery reductions of an Fp2 product, both coordinates in one pass over the columns
 * (Karatsuba): x = (x0, x1) and y = (y0, y1) in locals, their coordinates' sums (carried) in
 * `sums`; x·y lands in results[0] (real) and results[1] (imaginary), which no column reads.
 * A column sums below 28 limb products of 2^58 either way, so the signed accumulators fit an
 * i64 (|column| < 2^62.9); the shifts are arithmetic, the totals non-negative.
 */
function montgomeryFp2(x: readonly [string, string], y: readonly [string, string], sums: readonly [string, string], results: readonly [string, string]): string[] {
  const [real, imaginary] = results
  const lines = ['(local.set $acc (i64.const 0))', '(local.set $acc1 (i64.const 0))']
  const reduction = (m: string, i: number) => {
    const terms: string[] = []
    for (let j = Math.max(0, i - limbCount + 1); j <= Math.min(i - 1, limbCount - 1); j++) terms.push(`(i64.mul ${get(`${m}${j}`)} ${i64(P[i - j]!)})`)
    return terms
  }
  for (let i = 0; i < 2 * limbCount - 1; i++) {
    lines.push(`(local.set $s0 ${sum(product(x[0], y[0])(i))})`, `(local.set $s1 ${sum(product(x[1], y[1])(i))})`)
    lines.push(`(local.set $acc (i64.sub ${sum([get('acc'), get('s0'), i64(P64Squared[i]!), ...reduction('m', i)])} ${get('s1')}))`)
    lines.push(`(local.set $acc1 (i64.sub (i64.sub ${sum([get('acc1'), ...product(sums[0], sums[1])(i), ...reduction('q', i)])} ${get('s0')}) ${get('s1')}))`)
    for (const [acc, m, result] of [['acc', 'm', real], ['acc1', 'q', imaginary]] as const) {
      if (i < limbCount) {
        lines.push(
          `(local.set $${m}${i} (i64.and (i64.mul ${get(acc)} ${i64(pInverse)}) ${i64(mask)}))`,
          `(local.set $${acc} (i64.shr_s (i64.add ${get(acc)} (i64.mul ${get(`${m}${i}`)} ${i64(P[0]!)})) ${i64(limbBits)}))`,
        )
      } else {
        lines.push(`(local.set $${result}${i - limbCount} (i64.and ${get(acc)} ${i64(mask)}))`, `(local.set $${acc} (i64.shr_s ${get(acc)} ${i64(limbBits)}))`)
      }
    }
  }
  lines.push(`(local.set $${real}${limbCount - 1} ${get('acc')})`, `(local.set $${imaginary}${limbCount - 1} ${get('acc1')})`)
  return lines
}

/** Column i of x·y, limbs in locals. */
export const product = (x: string, y: string) => (i: number) => {
  const terms: string[] = []
  for (let j = Math.max(0, i - limbCount + 1); j <= Math.min(i, limbCount - 1); j++) terms.push(`(i64.mul ${get(`${x}${j}`)} ${get(`${y}${i - j}`)})`)
  return terms
}
/** Column i of x², each cross product once, doubled. */
export const square = (x: string) => (i: number) => {
  const cross: string[] = []
  for (let j = Math.max(0, i - limbCount + 1); j < i - j; j++) cross.push(`(i64.mul ${get(`${x}${j}`)} ${get(`${x}${i - j}`)})`)
  const terms = cross.length ? [`(i64.shl ${sum(cross)} (i64.const 1))`] : []
  if (i % 2 === 0 && i / 2 < limbCount) terms.push(`(i64.mul ${get(`${x}${i / 2}`)} ${get(`${x}${i / 2}`)})`)
  return terms
}

/** Stores ${name} (a Montgomery product: below 2p) at out + offset. */
function storeLimbs(name: string, offset: number): string[] {
  return limbs.map((j) => `(i64.store offset=${offset + 8 * j} (local.get $out) ${get(`${name}${j}`)})`)
}

/**
 * x ± y mod p, operands and result in [0, 2p), streamed limb by limb through memory (one local
 * for the carry): the sum less 2p (or the difference), then 2p added back if that went negative.
 */
function addStream(offset: number, subtract: boolean): string[] {
  const lines = ['(local.set $c (i64.const 0))']
  for (const j of limbs) {
    const value = subtract
      ? `(i64.add (i64.sub ${load('x', offset, j)} ${load('y', offset, j)}) ${get('c')})`
      : `(i64.add (i64.sub (i64.add ${load('x', offset, j)} ${load('y', offset, j)}) ${i64(P2[j]!)}) ${get('c')})`
    lines.push(
      `(local.set $c ${value})`,
      `(i64.store offset=${offset + 8 * j} (local.get $out) (i64.and ${get('c')} ${i64(mask)}))`,
      `(local.set $c (i64.shr_s ${get('c')} ${i64(limbBits)}))`,
    )
  }
  const addBack = ['(local.set $c (i64.const 0))']
  for (const j of limbs) {
    addBack.push(
      `(local.set $c (i64.add (i64.add ${load('out', offset, j)} ${i64(P2[j]!)}) ${get('c')}))`,
      `(i64.store offset=${offset + 8 * j} (local.get $out) (i64.and ${get('c')} ${i64(mask)}))`,
      `(local.set $c (i64.shr_u ${get('c')} ${i64(limbBits)}))`,
    )
  }
  return [...lines, `(if (i64.lt_s ${get('c')} (i64.const 0)) (then ${addBack.join(' ')}))`]
}

/** x + y with its limbs carried and nothing subtracted: for operands of products only. */
function lazySum(offset: number): string[] {
  const lines = ['(local.set $c (i64.const 0))']
  for (const j of limbs) {
    lines.push(
      `(local.set $c (i64.add (i64.add ${load('x', offset, j)} ${load('y', offset, j)}) ${get('c')}))`,
      `(i64.store offset=${offset + 8 * j} (local.get $out) (i64.and ${get('c')} ${i64(mask)}))`,
      `(local.set $c (i64.shr_u ${get('c')} ${i64(limbBits)}))`,
    )
  }
  return lines
}

/** to = x + y, limbs in locals, carried (x and y below 8p: an operand of products). */
const carriedSum = (to: string, x: string, y: string) => [
  '(local.set $c (i64.const 0))',
  ...limbs.flatMap((j) => carryInto(to, j, `(i64.add (i64.add ${get(`${x}${j}`)} ${get(`${y}${j}`)}) ${get('c')})`, false)),
]

/** The scalar locals `montgomeryFp2` uses beside its limbs (and the `m` and `q` limbs it declares). */
const fp2ProductLocals = `(local $acc i64) (local $acc1 i64) (local $s0 i64) (local $s1 i64) (local $c i64) ${['m', 'q'].flatMap((name) => limbs.map((j) => `(local $${name}${j} i64)`)).join(' ')}`

const func = (name: string, params: string[], locals: string, body: string[]) =>
  `(func $${name} (export "${name}") ${params.map((param) => `(param $${param} i32)`).join(' ')} ${locals}\n${body.join('\n')})`

/** The Fp and Fp2 functions. */
export function fieldFunctions(): string[] {
  const binary = ['out', 'x', 'y']
  const F = fpBytes
  return [
    func('fp_mul', binary, `(local $acc i64) ${declare('a', 'b', 'm')}`, [
      ...loadInto('a', 'x'), ...loadInto('b', 'y'), ...montgomery(product('a', 'b'), 'a'), ...storeLimbs('a', 0),
    ]),
    func('fp_sqr', ['out', 'x'], `(local $acc i64) ${declare('a', 'm')}`, [
      ...loadInto('a', 'x'),
      ...montgomery(square('a'), 'a'),
      ...storeLimbs('a', 0),
    ]),
    func('fp_add', binary, '(local $c i64)', addStream(0, false)),
    func('fp_sub', binary, '(local $c i64)', addStream(0, true)),
    func('fp2_add', binary, '(local $c i64)', [...addStream(0, false), ...addStream(F, false)]),
    func('fp2_sub', binary, '(local $c i64)', [...addStream(0, true), ...addStream(F, true)]),
    func('fp2_add_lazy', binary, '(local $c i64)', [...lazySum(0), ...lazySum(F)]),
    // (a0 + a1u)(b0 + b1u) = (a0·b0 - a1·b1) + ((a0 + a1)(b0 + b1) - a0·b0 - a1·b1)u
    func('fp2_mul', binary, `${fp2ProductLocals} ${declare('a', 'b', 'd', 'e', 'u', 'v', 'n', 'r')}`, [
      ...loadInto('a', 'x'), ...loadInto('b', 'x', F), ...loadInto('d', 'y'), ...loadInto('e', 'y', F),
      ...carriedSum('u', 'a', 'b'),
      ...carriedSum('v', 'd', 'e'),
      ...montgomeryFp2(['a', 'b'], ['d', 'e'], ['u', 'v'], ['r', 'n']),
      ...storeLimbs('r', 0),
      ...storeLimbs('n', F),
    ]),
    // (a0 + a1u)² = (a0 + a1)(a0 + 16p - a1) + (2a0·a1)u
    func('fp2_sqr', ['out', 'x'], `(local $acc i64) (local $c i64) ${declare('a', 'b', 'd', 'e', 'm')}`, [
      ...loadInto('a', 'x'), ...loadInto('b', 'x', F),
      '(local.set $c (i64.const 0))',
      ...limbs.flatMap((j) => carryInto('d', j, `(i64.add (i64.add ${get(`a${j}`)} ${get(`b${j}`)}) ${get('c')})`, false)),
      '(local.set $c (i64.const 0))',
      ...limbs.flatMap((j) => carryInto('e', j, `(i64.add (i64.sub (i64.add ${get(`a${j}`)} ${i64(P16[j]!)}) ${get(`b${j}`)}) ${get('c')})`, true)),
      ...montgomery(product('d', 'e'), 'd'),
      '(local.set $c (i64.const 0))',
      ...limbs.flatMap((j) => carryInto('e', j, `(i64.add (i64.shl ${get(`a${j}`)} (i64.const 1)) ${get('c')})`, false)),
      ...montgomery(product('e', 'b'), 'e'),
      ...storeLimbs('d', 0),
      ...storeLimbs('e', F),
    ]),
    // Zero in [0, 2p) is 0 or p.
    func('fp_is_zero', ['x'], '(result i32)', [
      `(i32.or (i64.eqz ${limbs.map((j) => load('x', 0, j)).reduce((acc, term) => `(i64.or ${acc} ${term})`)}) (i64.eqz ${limbs
        .map((j) => `(i64.xor ${load('x', 0, j)} ${i64(P[j]!)})`)
        .reduce((acc, term) => `(i64.or ${acc} ${term})`)}))`,
    ]),
  ]
}
