/**
 * @module
 * G1 of BLS12-381 in WebAssembly over `fp.ts`, the formulas of src/bbs/g1.ts: Jacobian points
 * (X, Y, Z: 336 bytes; Z = 0 is the identity) for running sums, affine points (x, y: 224 bytes)
 * for tables. Nothing here is constant-time: verification's inputs are public.
 */
import { beta } from '../../src/bbs/g1.js'
import { p } from '../../src/bbs/ciphersuite.js'
import { fpBytes, montgomeryR, toLimbs } from './fp.js'
import { LocalField } from './locals.js'
import { at, call, type Scratch } from './tower.js'

const F = fpBytes
const func = (name: string, params: string[], locals: string, body: readonly string[]) =>
  `(func $${name} (export "${name}") ${params.map((param) => `(param $${param} i32)`).join(' ')} ${locals}\n${body.join('\n')})`
const copy = (to: string, from: string, bytes: number) => `(memory.copy ${to} ${from} (i32.const ${bytes}))`

/** A data segment holding x·R mod p (Montgomery form) at `address`. */
function constant(address: number, x: bigint): string {
  const bytes = toLimbs((x * montgomeryR) % p).flatMap((limb) => Array.from({ length: 8 }, (_, k) => Number((limb >> BigInt(8 * k)) & 0xffn)))
  return `(data (i32.const ${address}) "${bytes.map((byte) => `\\${byte.toString(16).padStart(2, '0')}`).join('')}")`
}

/** The G1 functions and their constants' data segments. */
export function g1Functions(scratch: Scratch): string[] {
  const one = scratch.take(F)
  const betaAddress = scratch.take(F)
  const dbl = new LocalField()
  // dbl-2009-l (a = 0): A = X², B = Y², C = B², D = 2((X + B)² - A - C), E = 3A, F = E²,
  // X3 = F - 2D, Y3 = E(D - X3) - 8C, Z3 = 2YZ. The identity (Z = 0) stays the identity.
  dbl.load('x1', 'x')
  dbl.load('y1', 'x', F)
  dbl.load('z1', 'x', 2 * F)
  dbl.mul('tz', 'y1', 'z1')
  dbl.sqr('a', 'x1')
  dbl.sqr('b', 'y1')
  dbl.sqr('c', 'b')
  dbl.lazyAdd('d', 'x1', 'b')
  dbl.sqr('d', 'd')
  dbl.sub('d', 'd', 'a')
  dbl.sub('d', 'd', 'c')
  dbl.add('d', 'd', 'd')
  dbl.lazyAdd('e', 'a', 'a')
  dbl.lazyAdd('e', 'e', 'a')
  dbl.sqr('f', 'e')
  dbl.sub('f', 'f', 'd')
  dbl.sub('x3', 'f', 'd')
  dbl.sub('d', 'd', 'x3')
  dbl.mul('d', 'd', 'e')
  dbl.add('c', 'c', 'c')
  dbl.add('c', 'c', 'c')
  dbl.add('c', 'c', 'c')
  dbl.sub('y3', 'd', 'c')
  dbl.add('z3', 'tz', 'tz')
  dbl.store('out', 0, 'x3')
  dbl.store('out', F, 'y3')
  dbl.store('out', 2 * F, 'z3')
  const dblFunction = func('g1_dbl', ['out', 'x'], dbl.declarations(), dbl.lines)

  // madd-2007-bl, Q = (qx, ±qy): Z1Z1 = Z1², U2 = qx·Z1Z1, S2 = qy·Z1·Z1Z1, H = U2 - X1,
  // HH = H², I = 4HH, J = H·I, r = 2(S2 - Y1), V = X1·I, X3 = r² - J - 2V, Y3 = r(V - X3) - 2·Y1·J,
  // Z3 = (Z1 + H)² - Z1Z1 - HH. flags: 1 negates Q's y; 2 takes φ(Q) = (β·qx, qy).
  const madd = new LocalField()
  madd.load('x1', 'x')
  madd.load('y1', 'x', F)
  madd.load('z1', 'x', 2 * F)
  madd.load('qx', 'q')
  madd.load('qy', 'q', F)
  madd.value('zero') // never written: locals start at zero
  madd.load('beta', betaAddress)
  const endo = new LocalField()
  endo.mul('qx', 'qx', 'beta')
  const negate = new LocalField()
  negate.sub('qy', 'zero', 'qy')
  madd.lines.push(`(if (i32.and (local.get $flags) (i32.const 2)) (then ${endo.lines.join(' ')}))`)
  madd.lines.push(`(if (i32.and (local.get $flags) (i32.const 1)) (then ${negate.lines.join(' ')}))`)
  madd.lines.push(
    `(if ${madd.isZero('z1')} (then ${[...madd.storeLines('out', 0, 'qx'), ...madd.storeLines('out', F, 'qy'), copy(at('out', 2 * F), at(one), F)].join(' ')} (return)))`,
  )
  madd.sqr('z1z1', 'z1')
  madd.mul('u2', 'qx', 'z1z1')
  madd.mul('s2', 'qy', 'z1')
  madd.mul('s2', 's2', 'z1z1')
  madd.sub('h', 'u2', 'x1')
  madd.sub('r', 's2', 'y1')
  madd.lines.push(
    `(if ${madd.isZero('h')} (then (if ${madd.isZero('r')} (then ${call('g1_dbl', at('out'), at('x'))}) (else ${madd.storeLines('out', 2 * F, 'zero').join(' ')})) (return)))`,
  )
  madd.add('r', 'r', 'r')
  madd.sqr('hh', 'h')
  madd.add('i', 'hh', 'hh')
  madd.add('i', 'i', 'i')
  madd.mul('j', 'h', 'i')
  madd.mul('v', 'x1', 'i')
  madd.mul('yj', 'y1', 'j')
  madd.add('yj', 'yj', 'yj')
  madd.lazyAdd('t', 'z1', 'h')
  madd.sqr('t', 't')
  madd.sub('t', 't', 'z1z1')
  madd.sub('z3', 't', 'hh')
  madd.sqr('x3', 'r')
  madd.sub('x3', 'x3', 'j')
  madd.sub('x3', 'x3', 'v')
  madd.sub('x3', 'x3', 'v')
  madd.sub('v', 'v', 'x3')
  madd.mul('v', 'v', 'r')
  madd.sub('y3', 'v', 'yj')
  madd.store('out', 0, 'x3')
  madd.store('out', F, 'y3')
  madd.store('out', 2 * F, 'z3')
  const maddFunction = `(func $g1_madd (export "g1_madd") (param $out i32) (param $x i32) (param $q i32) (param $flags i32) ${madd.declarations()}
${madd.lines.join('\n')})`
  // A multi-scalar multiplication's walk, read from a program at `program`, `rows` rows of i32s:
  // a count, then that many table entries, each an affine point's address (8-byte aligned) with
  // g1_madd's flags in its low bits. Per row, from the top: out = 2·out, then out += each entry.
  const walk = `(func $g1_walk (export "g1_walk") (param $out i32) (param $program i32) (param $rows i32) (local $count i32) (local $entry i32)
(block $done (loop $row
(br_if $done (i32.eqz (local.get $rows)))
${call('g1_dbl', at('out'), at('out'))}
(local.set $count (i32.load (local.get $program)))
(local.set $program (i32.add (local.get $program) (i32.const 4)))
(block $rowDone (loop $term
(br_if $rowDone (i32.eqz (local.get $count)))
(local.set $entry (i32.load (local.get $program)))
${call('g1_madd', at('out'), at('out'), '(i32.and (local.get $entry) (i32.const -8))', '(i32.and (local.get $entry) (i32.const 7))')}
(local.set $program (i32.add (local.get $program) (i32.const 4)))
(local.set $count (i32.sub (local.get $count) (i32.const 1)))
(br $term)))
(local.set $rows (i32.sub (local.get $rows) (i32.const 1)))
(br $row)))
)`
  // x^(2^n): the square root's runs of squarings in one call.
  const sqrN = `(func $fp_sqr_n (export "fp_sqr_n") (param $out i32) (param $x i32) (param $n i32)
${copy(at('out'), at('x'), F)}
(block $done (loop $next (br_if $done (i32.eqz (local.get $n))) ${call('fp_sqr', at('out'), at('out'))} (local.set $n (i32.sub (local.get $n) (i32.const 1))) (br $next))))`
  return [dblFunction, maddFunction, walk, sqrN, constant(one, 1n), constant(betaAddress, beta)]
}
