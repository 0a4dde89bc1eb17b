/**
 * @module
 * Field elements as 14 limbs of 29 bits, least significant first: the WebAssembly module's
 * format (scripts/bbsWasm/fp.ts), held here as doubles. Lehmer's inversion (`invertFp.ts`)
 * takes and gives elements in it, re-splitting them (`repackLimbs`) for its own work.
 */

export const limbBits = 29
export const limbCount = 14

/** 2^i for i below 64: an exponent operator with a variable exponent is a call to Math.pow. */
export const powersOfTwo = Float64Array.from({ length: 64 }, (_, i) => 2 ** i)

/** Splits a bigint into 64-bit words (a DataView takes a bigint mod 2^64), read as 16-bit chunks. */
const words = new DataView(new ArrayBuffer(48))
const chunks = new Float64Array(24)

/**
 * Writes x in [0, 2^384) as limbs into `out`: its six 64-bit words, re-split. Eleven bigint
 * operations; a shift and mask per limb would take 28.
 */
export function toLimbs(x: bigint, out: Float64Array): void {
  let rest = x
  for (let k = 0; k < 6; k++) {
    words.setBigUint64(8 * k, rest, true)
    if (k < 5) rest >>= 64n
  }
  for (let k = 0; k < 24; k++) chunks[k] = words.getUint16(2 * k, true)
  repackLimbs(chunks, 16, out, limbBits)
}

/**
 * Re-splits a non-negative integer below 2^384 from limbs of `fromBits` (least significant
 * first) into `to`'s limbs of `toBits`, the last of which takes what remains. Exact as doubles
 * while fromBits + toBits ≤ 53.
 */
export function repackLimbs(from: ArrayLike<number>, fromBits: number, to: Float64Array, toBits: number): void {
  const scale = powersOfTwo[toBits]!
  let limb = 0
  let accumulated = 0
  let bits = 0
  for (let j = 0; j < from.length; j++) {
    accumulated += from[j]! * powersOfTwo[bits]!
    bits += fromBits
    while (bits >= toBits && limb < to.length - 1) {
      const low = accumulated % scale
      to[limb++] = low
      accumulated = (accumulated - low) / scale
      bits -= toBits
    }
  }
  to[limb++] = accumulated
  while (limb < to.length) to[limb++] = 0
}

/** The non-negative integer that limbs (each below 2^32) hold. */
export function fromLimbs(limbs: ArrayLike<number>): bigint {
  let x = 0n
  for (let j = limbCount - 1; j >= 0; j--) x = (x << BigInt(limbBits)) | BigInt(limbs[j]!)
  return x
}
