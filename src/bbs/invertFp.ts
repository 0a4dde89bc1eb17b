/**
 * @module
 * Inversion in Fp by Lehmer's extended Euclidean algorithm (Knuth, TAOCP vol. 2, 4.5.2,
 * algorithm L), for the few inversions of a pairing check, on limbs (`limbs.ts`).
 *
 * Why not @noble/curves' `Fp.inv`: it runs Euclid's algorithm on bigints, about 220 steps of
 * six bigint operations each, and on a machine without a JIT every bigint operation is a runtime
 * call whatever the size of its operands. Lehmer's algorithm runs most of those steps on the
 * leading 46 bits as doubles (exact below 2^53) and applies each run of them as one 2×2 matrix:
 * about seventeen rounds. The matrices apply to the numbers' limbs, also as doubles: no bigint
 * is made, so an inversion allocates nothing, and the WebAssembly backend inverts its elements
 * where they lie (`WasmHeap.invert`).
 */
import { p } from './ciphersuite.js'
import { fromLimbs, limbBits as heapLimbBits, limbCount as heapLimbCount, powersOfTwo, repackLimbs, toLimbs } from './limbs.js'

/**
 * Limbs of 24 bits here, not the module's 29: a round's matrix entries reach 2^24 and more,
 * and an entry below 2^28 times a limb stays exact (below 2^52).
 */
const limbBits = 24
const limbCount = 16
const limbScale = 2 ** limbBits
/** Leading bits taken per round: every value in a round stays below 2^48, far from 2^53. */
const leadingBits = 46
/** A round's matrix entries stay below this (a round stops before its entries pass it). */
const entryBound = 2 ** 28

// Working numbers: u ≡ s·x and v ≡ t·x (mod p). u and v are non-negative; s and t are signed,
// every limb in [0, 2^24) but the top one, which carries the sign.
const u = new Float64Array(limbCount)
const v = new Float64Array(limbCount)
const s = new Float64Array(limbCount)
const t = new Float64Array(limbCount)
/** Where `setSigned` puts a negative value's magnitude. */
const magnitude = new Float64Array(limbCount)

const modulus = new Float64Array(limbCount)
const heapScratch = new Float64Array(heapLimbCount)
toLimbs(p, heapScratch)
repackLimbs(heapScratch, heapLimbBits, modulus, limbBits)

/**
 * x^-1 mod p, in `limbs.ts`'s form in and out (`out` may be `x`). x holds a value below 2^384
 * (any representative: the WebAssembly module keeps elements in [0, 2p)).
 *
 * @throws {RangeError} when x is 0 mod p
 */
export function invertLimbs(x: ArrayLike<number>, out: Float64Array): void {
  u.set(modulus)
  repackLimbs(x, heapLimbBits, v, limbBits)
  // v mod p: below 2^384 < 8p, so at most seven subtractions.
  while (compare(v, modulus) >= 0) subtract(v, modulus)
  if (isZero(v)) throw new RangeError('0 has no inverse mod p')
  s.fill(0)
  t.fill(0)
  t[0] = 1
  // Each round takes at least one step of Euclid's, and Euclid's algorithm takes at most 554
  // steps below 2^384 (Lamé): a longer run is a bug, not an input.
  for (let round = 0; !isZero(v); round++) {
    if (round > 554) throw new Error('medcred internal error: Lehmer inversion did not converge')
    const shift = Math.max(0, bitLength(u) - leadingBits)
    let uh = leading(u, shift)
    let vh = leading(v, shift)
    // Euclid on the leading digits, for as long as both bounds of the quotient agree:
    // u' = A·u + B·v, v' = C·u + D·v.
    let a = 1
    let b = 0
    let c = 0
    let d = 1
    for (;;) {
      let q: number
      if (shift === 0) {
        // u below 2^46: the digits are the numbers, every quotient is exact.
        if (vh === 0) break
        q = floorDivide(uh, vh)
      } else {
        if (vh + c <= 0 || vh + d <= 0) break
        q = floorDivide(uh + a, vh + c)
        if (q !== floorDivide(uh + b, vh + d)) break
      }
      const nextC = a - q * c
      const nextD = b - q * d
      if (Math.abs(nextC) >= entryBound || Math.abs(nextD) >= entryBound) break
      a = c
      b = d
      c = nextC
      d = nextD
      const nextVh = uh - q * vh
      uh = vh
      vh = nextVh
    }
    if (b === 0) {
      euclidStep()
    } else {
      combine(u, v, a, b, c, d)
      combine(s, t, a, b, c, d)
    }
  }
  // u = gcd(p, x), which is 1 for prime p: then 1 ≡ s·x.
  if (u[0] !== 1 || bitLength(u) !== 1) throw new RangeError(`gcd(p, x) is ${fromLimbs(u)}, not 1`)
  if (s[limbCount - 1]! < 0) add(s, modulus)
  repackLimbs(s, limbBits, out, heapLimbBits)
}

/** x^-1 mod p for x not divisible by p (any representative). */
export function invertFp(x: bigint): bigint {
  let reduced = x % p
  if (reduced < 0n) reduced += p
  toLimbs(reduced, heapScratch)
  invertLimbs(heapScratch, heapScratch)
  return fromLimbs(heapScratch)
}

/**
 * No step of the leading digits was certain (a quotient beyond them, or past the entries'
 * bound): one step of Euclid on bigints. Rare for inputs that are not made for it.
 */
function euclidStep(): void {
  const [bigU, bigV, bigS, bigT] = [signedOf(u), signedOf(v), signedOf(s), signedOf(t)]
  const q = bigU / bigV
  setSigned(u, bigV)
  setSigned(v, bigU - q * bigV)
  setSigned(s, bigT)
  setSigned(t, bigS - q * bigT)
}

/** x' = a·x + b·y, y' = c·x + d·y, limb by limb with floor carries; the top limbs keep the sign. */
function combine(x: Float64Array, y: Float64Array, a: number, b: number, c: number, d: number): void {
  let carryX = 0
  let carryY = 0
  for (let j = 0; j < limbCount - 1; j++) {
    const xj = x[j]!
    const yj = y[j]!
    const nextX = a * xj + b * yj + carryX
    const nextY = c * xj + d * yj + carryY
    carryX = Math.floor(nextX / limbScale)
    carryY = Math.floor(nextY / limbScale)
    x[j] = nextX - carryX * limbScale
    y[j] = nextY - carryY * limbScale
  }
  const xTop = x[limbCount - 1]!
  const yTop = y[limbCount - 1]!
  x[limbCount - 1] = a * xTop + b * yTop + carryX
  y[limbCount - 1] = c * xTop + d * yTop + carryY
}

/** x += y (y non-negative), floor carries. */
function add(x: Float64Array, y: Float64Array): void {
  let carry = 0
  for (let j = 0; j < limbCount - 1; j++) {
    const sum = x[j]! + y[j]! + carry
    carry = Math.floor(sum / limbScale)
    x[j] = sum - carry * limbScale
  }
  x[limbCount - 1] = x[limbCount - 1]! + y[limbCount - 1]! + carry
}

/** x -= y, floor carries; the top limb takes the sign. */
function subtract(x: Float64Array, y: Float64Array): void {
  let carry = 0
  for (let j = 0; j < limbCount - 1; j++) {
    const difference = x[j]! - y[j]! + carry
    carry = Math.floor(difference / limbScale)
    x[j] = difference - carry * limbScale
  }
  x[limbCount - 1] = x[limbCount - 1]! - y[limbCount - 1]! + carry
}

/** The sign of x - y for non-negative x and y. */
function compare(x: Float64Array, y: Float64Array): number {
  for (let j = limbCount - 1; j >= 0; j--) if (x[j] !== y[j]) return x[j]! < y[j]! ? -1 : 1
  return 0
}

function isZero(x: Float64Array): boolean {
  for (let j = 0; j < limbCount; j++) if (x[j] !== 0) return false
  return true
}

/** Bits of a non-negative x (its top limb below 2^32). */
function bitLength(x: Float64Array): number {
  for (let j = limbCount - 1; j >= 0; j--) if (x[j] !== 0) return j * limbBits + 32 - Math.clz32(x[j]!)
  return 0
}

/** ⌊x / 2^shift⌋ for a non-negative x below 2^(shift + 47): exact as a double. */
function leading(x: Float64Array, shift: number): number {
  const j = Math.floor(shift / limbBits)
  const r = shift - j * limbBits
  let value = Math.floor(x[j]! / powersOfTwo[r]!)
  if (j + 1 < limbCount) value += x[j + 1]! * powersOfTwo[limbBits - r]!
  if (j + 2 < limbCount) value += x[j + 2]! * powersOfTwo[2 * limbBits - r]!
  return value
}

/** The integer x holds (its top limb signed). */
function signedOf(x: Float64Array): bigint {
  const top = x[limbCount - 1]!
  let value = BigInt(top)
  for (let j = limbCount - 2; j >= 0; j--) value = (value << BigInt(limbBits)) + BigInt(x[j]!)
  return value
}

/** x ← value, |value| < 2^384, in the signed form. */
function setSigned(x: Float64Array, value: bigint): void {
  toLimbs(value < 0n ? -value : value, heapScratch)
  if (value >= 0n) {
    repackLimbs(heapScratch, heapLimbBits, x, limbBits)
    return
  }
  repackLimbs(heapScratch, heapLimbBits, magnitude, limbBits)
  x.fill(0)
  subtract(x, magnitude)
}


/** ⌊n / m⌋ for integers 0 ≤ n < 2^50, 0 < m: the float quotient can round up past an integer. */
function floorDivide(n: number, m: number): number {
  const q = Math.floor(n / m)
  return q * m > n ? q - 1 : q
}
