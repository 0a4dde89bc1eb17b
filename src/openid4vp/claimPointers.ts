/**
 * @module
 * DCQL claims path pointers (OpenID4VP 1.0, "Claims Path Pointer") as the JSON pointers bbs-2023 reveals: each
 * string is an object key, each number an array index, and `null` every element of an array,
 * resolved against one credential. Written by hand: the dcql library matches paths but names no
 * pointers, and bbs-2023 takes JSON pointers only.
 */

/** A DCQL claims path. */
export type ClaimPath = readonly (string | number | null)[]

/** One JSON pointer segment, escaped (RFC 6901). */
function segment(part: string | number): string {
  return String(part).replaceAll('~', '~0').replaceAll('/', '~1')
}

/**
 * The JSON pointers a DCQL path names in `credential`: one per array element a `null` stands
 * for; none when the path names nothing there.
 *
 * @example
 * ```ts
 * claimPointers(['credentialSubject', 'vaccine', 'targetDisease'], credential) // ['/credentialSubject/vaccine/targetDisease']
 * ```
 */
export function claimPointers(path: ClaimPath, credential: unknown): string[] {
  const walk = (value: unknown, index: number, pointer: string): string[] => {
    if (index === path.length) return value === undefined ? [] : [pointer]
    const part = path[index] as string | number | null
    if (part === null) {
      return Array.isArray(value) ? value.flatMap((item, i) => walk(item, index + 1, `${pointer}/${i}`)) : []
    }
    if (typeof part === 'number') {
      return Array.isArray(value) && part < value.length ? walk(value[part], index + 1, `${pointer}/${part}`) : []
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, part)) return []
    return walk((value as Record<string, unknown>)[part], index + 1, `${pointer}/${segment(part)}`)
  }
  return walk(credential, 0, '')
}

/** A JSON pointer as its unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
}

/** A DCQL path as display text: `credentialSubject.vaccine.targetDisease`, `[*]` for null, `[n]` for an index. */
export function claimPathText(path: ClaimPath): string {
  return path.map((part, i) => (part === null ? '[*]' : typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${part}`)).join('')
}
