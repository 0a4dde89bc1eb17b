/**
 * @module
 * Turns what a person writes to pick a field (`credentialSubject.vaccine.targetDisease`,
 * `credentialSubject.sails[1]`) into the RFC 6901 JSON pointer bbs-2023 selects with.
 */
import { RevealPathError } from './errors.js'

const segmentPattern = /^[^.[\]]+$/

/**
 * Converts a friendly dotted path, or an RFC 6901 JSON pointer given as is, to a JSON pointer.
 *
 * Friendly paths use `.` between properties and `[n]` for array items; a property name that
 * contains `.`, `[` or `]` can only be named with a JSON pointer.
 *
 * @param path - `credentialSubject.vaccine.targetDisease` or `/credentialSubject/vaccine/targetDisease`
 * @returns the JSON pointer, e.g. `/credentialSubject/vaccine/targetDisease`
 * @throws {RevealPathError} `ERR_DISCLOSURE_PATH_INVALID` when the path is empty or malformed.
 *
 * @example
 * ```ts
 * import { toJsonPointer } from 'medcred'
 * toJsonPointer('credentialSubject.sails[1].year') // '/credentialSubject/sails/1/year'
 * ```
 */
export function toJsonPointer(path: string): string {
  if (path.startsWith('/')) {
    if (/~(?![01])/.test(path)) throw new RevealPathError(path, 'a "~" in a JSON pointer must be escaped as ~0 or ~1')
    return path
  }
  if (path.trim() === '') throw new RevealPathError(path, 'the path is empty')
  const segments: string[] = []
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part)
    const name = match?.[1]
    if (!match || !name || !segmentPattern.test(name)) {
      throw new RevealPathError(path, `"${part}" is not a property name optionally followed by [index]`)
    }
    segments.push(name.replaceAll('~', '~0').replaceAll('/', '~1'))
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) segments.push(index[1]!)
  }
  return `/${segments.join('/')}`
}

/** Reads the value a JSON pointer names, or `undefined` when it names nothing. */
export function getByJsonPointer(document: unknown, pointer: string): unknown {
  let value = document
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}
