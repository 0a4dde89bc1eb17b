/**
 * @module
 * Shape checks for the public BBS functions. Wrong shapes are the caller's mistake and
 * throw; for the verify functions, whatever the shapes allow is a verdict (`false` when it does
 * not verify), as the draft makes mismatched or unordered indexes INVALID rather than an error.
 */
import { r } from './ciphersuite.js'
import { BbsArgumentError } from './errors.js'

export function assertBytes(value: unknown, argument: string): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw new BbsArgumentError(argument, 'a Uint8Array')
}

export function assertOptionalBytes(value: unknown, argument: string): asserts value is Uint8Array | undefined {
  if (value !== undefined) assertBytes(value, argument)
}

export function assertMessages(value: unknown, argument: string): asserts value is readonly Uint8Array[] | undefined {
  if (value === undefined) return
  if (!Array.isArray(value) || !value.every((message) => message instanceof Uint8Array)) {
    throw new BbsArgumentError(argument, 'an array of Uint8Array')
  }
}

/** Indexes must be an array of non-negative safe integers (their order and count are part of the verdict). */
export function assertIndexes(value: unknown, argument: string): asserts value is readonly number[] | undefined {
  if (value === undefined) return
  if (!Array.isArray(value) || !value.every((index) => Number.isSafeInteger(index) && index >= 0)) {
    throw new BbsArgumentError(argument, 'an array of non-negative integers')
  }
}

/** A scalar in [1, r) (in [0, r) with `zero`, for the drafts' scalars that default to zero). */
export function assertScalar(value: unknown, argument: string, zero = false): asserts value is bigint {
  if (typeof value !== 'bigint' || value < (zero ? 0n : 1n) || value >= r) throw new BbsArgumentError(argument, zero ? 'a scalar in [0, r)' : 'a scalar in [1, r)')
}
