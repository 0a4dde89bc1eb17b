/**
 * @module
 * Bounds untrusted JSON before anything else touches it: size first, then nesting depth, the
 * number of values and of `@context` entries (what a JSON-LD processor's work grows with), all
 * without recursion so hostile input cannot exhaust the stack. A text with a key written twice
 * in one object is refused: readers disagree on which of the two counts.
 */
import { findDuplicateKey } from '../../json/findDuplicateKey.js'
import { checkJsonBounds } from '../../suites/inputBounds/jsonBounds.js'
import { defaultInputLimits, resolveLimits } from '../../suites/inputBounds/limits.js'
import type { PinnedContext } from '../../contexts/types.js'
import type { InputLimits } from '../types.js'
import { inputLimitError, UntrustedInputError } from '../errors.js'

/** The default bounds (see {@link InputLimits}). */
export const defaultLimits = defaultInputLimits

/**
 * Parses (if text) and bounds an untrusted JSON value.
 *
 * @param contexts - the pinned contexts verification will serve besides the bundled ones (their
 *   scoped terms count as context applications)
 * @returns the value as a plain object
 * @throws {UntrustedInputError} malformed, with a duplicate key, too large, too deep, with too
 *   many values or contexts
 */
export function readUntrustedJson(input: unknown, what: string, limits: InputLimits = {}, contexts: readonly PinnedContext[] = []): Record<string, unknown> {
  const bounds = resolveLimits(limits)
  const { maxBytes } = bounds
  let value = input
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const bytes = typeof input === 'string' ? utf8Length(input) : input.byteLength
    if (bytes > maxBytes) throw new UntrustedInputError({ reason: 'tooLarge', what, maxBytes, bytes })
    value = parse(typeof input === 'string' ? input : new TextDecoder().decode(input), what)
  }
  const exceeded = checkJsonBounds(value, bounds, contexts)
  if (exceeded) throw inputLimitError(what, exceeded)
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    const text = JSON.stringify(value) as string | undefined
    if (text === undefined) throw new UntrustedInputError({ reason: 'notJson', what })
    const bytes = utf8Length(text)
    if (bytes > maxBytes) throw new UntrustedInputError({ reason: 'tooLarge', what, maxBytes, bytes })
    value = JSON.parse(text) // a plain copy: no getters, prototypes or shared references
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UntrustedInputError({ reason: 'notObject', what })
  }
  return value as Record<string, unknown>
}

function parse(text: string, what: string): unknown {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new UntrustedInputError({ reason: 'notValidJson', what, parseError: error as Error })
  }
  const duplicate = findDuplicateKey(text)
  if (duplicate !== undefined) {
    throw new UntrustedInputError({ reason: 'duplicateKey', what, key: duplicate })
  }
  return value
}

function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}
