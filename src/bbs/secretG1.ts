/**
 * @module
 * G1 arithmetic for the signer and the prover, whose scalars are secret (keys, blinds, nym
 * secrets, undisclosed messages, random blindings): @noble/curves' points and their
 * constant-time `multiply`, never the variable-time Jacobian arithmetic and MSM that
 * verification uses on public inputs (`g1.ts`, `msm.ts`); and the inverse of a secret scalar
 * by exponentiation, not by the extended Euclidean algorithm, whose steps depend on its input.
 */
import type { WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js'
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { r } from './ciphersuite.js'
import { getP1, type PreparedPoint } from './createGenerators.js'
import type { AffinePoint } from './g1.js'
import { pointToOctetsG1 } from './g1Octets.js'

/** x^-1 mod r as x^(r-2) (Fermat): the same squarings and multiplications for every x (x ≠ 0). */
export function invertSecret(x: bigint): bigint {
  return bls12_381.fields.Fr.pow(x, r - 2n)
}

/** A point of G1 as @noble/curves represents it. */
export type G1Point = WeierstrassPoint<bigint>

const { Point } = bls12_381.G1

/** The identity of G1. */
export const identityG1: G1Point = Point.ZERO

/** A verification-side affine point as a @noble/curves point. */
export function toG1Point(point: AffinePoint): G1Point {
  return Point.fromAffine(point)
}

/**
 * point · scalar by @noble/curves' constant-time multiplication. A zero scalar gives the
 * identity (noble refuses it; only its zero-ness shows in the timing).
 */
export function multiplySecret(point: G1Point, scalar: bigint): G1Point {
  return scalar === 0n ? identityG1 : point.multiply(scalar)
}

/** Σ points_i · scalars_i, each product by {@link multiplySecret}. */
export function sumOfSecretProducts(points: readonly G1Point[], scalars: readonly bigint[]): G1Point {
  return points.reduce((sum, point, i) => sum.add(multiplySecret(point, scalars[i]!)), identityG1)
}

/** point_to_octets_g1, the identity included. */
export function g1ToOctets(point: G1Point): Uint8Array {
  return pointToOctetsG1(point.is0() ? undefined : point.toAffine())
}

/**
 * B = P1 + Q_1 * domain + H_1 * msg_1 + ... + H_n * msg_n: the point a signature signs (its
 * B_calculate, and ProofInit's step), with the messages' scalars secret. `messageScalars` may be
 * fewer than the generators after Q_1 (the signer's, whose commitment adds the rest).
 */
export function calculateB(generators: readonly PreparedPoint[], messageScalars: readonly bigint[], domain: bigint): G1Point {
  const points = [getP1(), ...generators.slice(0, messageScalars.length + 1)].map((generator) => toG1Point(generator.point))
  return sumOfSecretProducts(points, [1n, domain, ...messageScalars])
}
