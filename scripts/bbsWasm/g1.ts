/**
 * @module
 * G1 of BLS12-381 in WebAssembly over `fp.ts`, the formulas of src/bbs/g1.ts: Jacobian points
 * (X, Y, Z: 336 bytes; Z = 0 is the identity) for running sums, affine points (x, y: 224 bytes)
 * for tables. Nothing here is constant-time: verification's inputs are public.
 */
import { beta } from '../../src/bbs/g1.js'
import { p } from '../../src/bbs/ciphersuite.js'
import { fpBytes, montgomeryR, toLimbs } from './fp.js'
import { at, call, type Scratch } from './tower.js'

const F = fpBytes
const func = (name: string, params: string[], locals: string, body: string[]) =>
  `(func $${name} (export "${name}") ${params.map((param) => `(param $${param} i32)`).join(' ')} ${locals}\n${body.join('\n')})`
const copy = (to: string, from: string, bytes: number) => `(memory.copy ${to} ${from} (i32.const ${bytes}))`

/** A data segment holding x·R mod p (Montgomery form) at `address`. */
function constant(address: number, x: bigint): string {
  const bytes = toLimbs((x * montgomeryR) % p).flatMap((limb) => Array.from({ length: 8 }, (_, k) => Number((limb >> BigInt(8 * k)) & 0xffn)))
  return `(data (i32.const ${address}) "${bytes.map((byte) => `\\${byte.toString(16).padStart(2, '0')}`).join('')}")`
}

/** The G1 functions and their constants' data segments. */
export function g1Functions(scratch: Scratch): string[] {
  const zero = scratch.take(F) // never written: memory starts zeroed
  const one = scratch.take(F)
  const betaAddress = scratch.take(F)
  const t = Array.from({ length: 18 }, () => scratch.take(F))
  const [a, b, c, d, e, f, tz] = t.slice(11) as [number, number, number, number, number, number, number]
  const X = (base: string | number) => at(base)
  const Y = (base: string | number) => at(base, F)
  const Z = (base: string | number) => at(base, 2 * F)
  const dbl = func('g1_dbl', ['out', 'x'], '', [
    // dbl-2009-l (a = 0): A = X², B = Y², C = B², D = 2((X + B)² - A - C), E = 3A, F = E²,
    // X3 = F - 2D, Y3 = E(D - X3) - 8C, Z3 = 2YZ
    call('fp_mul', at(tz), Y('x'), Z('x')),
    call('fp_sqr', at(a), X('x')),
    call('fp_sqr', at(b), Y('x')),
    call('fp_sqr', at(c), at(b)),
    call('fp_add', at(d), X('x'), at(b)),
    call('fp_sqr', at(d), at(d)),
    call('fp_sub', at(d), at(d), at(a)),
    call('fp_sub', at(d), at(d), at(c)),
    call('fp_add', at(d), at(d), at(d)),
    call('fp_add', at(e), at(a), at(a)),
    call('fp_add', at(e), at(e), at(a)),
    call('fp_sqr', at(f), at(e)),
    call('fp_sub', at(f), at(f), at(d)),
    call('fp_sub', X('out'), at(f), at(d)),
    call('fp_sub', at(d), at(d), X('out')),
    call('fp_mul', at(d), at(d), at(e)),
    call('fp_add', at(c), at(c), at(c)),
    call('fp_add', at(c), at(c), at(c)),
    call('fp_add', at(c), at(c), at(c)),
    call('fp_sub', Y('out'), at(d), at(c)),
    call('fp_add', Z('out'), at(tz), at(tz)),
  ])
  const [z1z1, u2, s2, h, hh, i, j, r, v, qx, yj] = t as [number, number, number, number, number, number, number, number, number, number, number]
  const ifNegated = (then: string) => `(if (i32.and (local.get $flags) (i32.const 1)) (then ${then}))`
  // madd-2007-bl, Q = (qx, ±qy): Z1Z1 = Z1², U2 = qx·Z1Z1, S2 = qy·Z1·Z1Z1, H = U2 - X1,
  // HH = H², I = 4HH, J = H·I, r = 2(S2 - Y1), V = X1·I, X3 = r² - J - 2V, Y3 = r(V - X3) - 2·Y1·J,
  // Z3 = (Z1 + H)² - Z1Z1 - HH. Every read of X1, Y1, Z1 comes before the first write of out.
  const madd = func('g1_madd', ['out', 'x', 'q', 'flags'], '', [
    // flags: 1 negates Q's y; 2 takes φ(Q) = (β·qx, qy).
    `(if (i32.and (local.get $flags) (i32.const 2)) (then ${call('fp_mul', at(qx), X('q'), at(betaAddress))}) (else ${copy(at(qx), X('q'), F)}))`,
    `(if ${call('fp_is_zero', Z('x'))} (then`,
    copy(X('out'), at(qx), F),
    copy(Y('out'), Y('q'), F),
    ifNegated(call('fp_sub', Y('out'), at(zero), Y('out'))),
    copy(Z('out'), at(one), F),
    '(return)))',
    call('fp_sqr', at(z1z1), Z('x')),
    call('fp_mul', at(u2), at(qx), at(z1z1)),
    call('fp_mul', at(s2), Y('q'), Z('x')),
    call('fp_mul', at(s2), at(s2), at(z1z1)),
    ifNegated(call('fp_sub', at(s2), at(zero), at(s2))),
    call('fp_sub', at(h), at(u2), X('x')),
    call('fp_sub', at(r), at(s2), Y('x')),
    `(if ${call('fp_is_zero', at(h))} (then (if ${call('fp_is_zero', at(r))} (then ${call('g1_dbl', at('out'), at('x'))}) (else ${copy(Z('out'), at(zero), F)})) (return)))`,
    call('fp_add', at(r), at(r), at(r)),
    call('fp_sqr', at(hh), at(h)),
    call('fp_add', at(i), at(hh), at(hh)),
    call('fp_add', at(i), at(i), at(i)),
    call('fp_mul', at(j), at(h), at(i)),
    call('fp_mul', at(v), X('x'), at(i)),
    call('fp_mul', at(yj), Y('x'), at(j)),
    call('fp_add', at(yj), at(yj), at(yj)),
    call('fp_add', at(h), Z('x'), at(h)),
    call('fp_sqr', at(h), at(h)),
    call('fp_sub', at(h), at(h), at(z1z1)),
    call('fp_sub', Z('out'), at(h), at(hh)),
    call('fp_sqr', at(u2), at(r)),
    call('fp_sub', at(u2), at(u2), at(j)),
    call('fp_sub', at(u2), at(u2), at(v)),
    call('fp_sub', X('out'), at(u2), at(v)),
    call('fp_sub', at(v), at(v), X('out')),
    call('fp_mul', at(v), at(v), at(r)),
    call('fp_sub', Y('out'), at(v), at(yj)),
  ])
  // x^(2^n): the square root's runs of squarings in one call.
  const sqrN = `(func $fp_sqr_n (export "fp_sqr_n") (param $out i32) (param $x i32) (param $n i32)
${copy(at('out'), at('x'), F)}
(block $done (loop $next (br_if $done (i32.eqz (local.get $n))) ${call('fp_sqr', at('out'), at('out'))} (local.set $n (i32.sub (local.get $n) (i32.const 1))) (br $next))))`
  return [dbl, madd, sqrN, constant(one, 1n), constant(betaAddress, beta)]
}
