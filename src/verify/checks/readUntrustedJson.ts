/**
 * @module
 * Bounds untrusted JSON before anything else touches it: size first, then nesting depth,
 * both without recursion so hostile input cannot exhaust the stack. A text with a key written
 * twice in one object is refused: readers disagree on which of the two counts.
 */
import { findDuplicateKey } from '../../json/findDuplicateKey.js'
import type { InputLimits } from '../types.js'
import { UntrustedInputError } from '../errors.js'

export const defaultLimits = { maxBytes: 512 * 1024, maxDepth: 32 } as const

/**
 * Parses (if text) and bounds an untrusted JSON value.
 *
 * @returns the value as a plain object
 * @throws {UntrustedInputError} malformed, with a duplicate key, too large or too deep
 */
export function readUntrustedJson(input: unknown, what: string, limits: InputLimits = {}): Record<string, unknown> {
  const maxBytes = limits.maxBytes ?? defaultLimits.maxBytes
  const maxDepth = limits.maxDepth ?? defaultLimits.maxDepth
  let value = input
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const bytes = typeof input === 'string' ? utf8Length(input) : input.byteLength
    if (bytes > maxBytes) throw tooLarge(what, maxBytes, bytes)
    value = parse(typeof input === 'string' ? input : new TextDecoder().decode(input), what)
  }
  measureDepth(value, what, maxDepth, maxBytes)
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    const text = JSON.stringify(value) as string | undefined
    if (text === undefined) throw new UntrustedInputError('ERR_VERIFY_INPUT_MALFORMED', `The ${what} is not JSON.`)
    const bytes = utf8Length(text)
    if (bytes > maxBytes) throw tooLarge(what, maxBytes, bytes)
    value = JSON.parse(text) // a plain copy: no getters, prototypes or shared references
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UntrustedInputError('ERR_VERIFY_INPUT_MALFORMED', `The ${what} must be a JSON object.`)
  }
  return value as Record<string, unknown>
}

function parse(text: string, what: string): unknown {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new UntrustedInputError('ERR_VERIFY_INPUT_MALFORMED', `The ${what} is not valid JSON: ${(error as Error).message}.`)
  }
  const duplicate = findDuplicateKey(text)
  if (duplicate !== undefined) {
    throw new UntrustedInputError('ERR_VERIFY_JSON_DUPLICATE_KEY', `The ${what} has the key ${duplicate} twice in one object: write each key once.`)
  }
  return value
}

function tooLarge(what: string, maxBytes: number, bytes?: number) {
  const size = bytes === undefined ? '' : ` ${bytes} bytes,`
  return new UntrustedInputError('ERR_VERIFY_INPUT_TOO_LARGE', `The ${what} is${size} over the limit of ${maxBytes} bytes.`)
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

/**
 * Walks the value without recursion. A cycle ends at the depth bound; shared references are
 * counted each time they appear, so the visit budget (no JSON node takes under 2 bytes)
 * also stops a small object graph that would serialise to something huge.
 */
function measureDepth(root: unknown, what: string, maxDepth: number, maxBytes: number): void {
  const stack: [unknown, number][] = [[root, 0]]
  let budget = maxBytes / 2
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!
    if (--budget < 0) throw tooLarge(what, maxBytes)
    if (value === null || typeof value !== 'object') continue
    if (depth >= maxDepth) {
      throw new UntrustedInputError('ERR_VERIFY_INPUT_TOO_DEEP', `The ${what} nests deeper than ${maxDepth} levels.`)
    }
    for (const inner of Object.values(value)) stack.push([inner, depth + 1])
  }
}
