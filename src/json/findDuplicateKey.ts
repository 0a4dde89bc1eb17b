/**
 * @module
 * Finds a key written twice in one JSON object. JSON.parse keeps the last of two equal keys,
 * other readers keep the first: a text with duplicate keys means different things to
 * different readers, so medcred refuses it before reading it. Hand-written because no
 * well-kept JSON library reports duplicates without also accepting non-JSON (comments,
 * trailing commas) or recursing on nesting an attacker controls. Internal.
 */

/** One open object or array while scanning. */
type Frame = { keys: Set<string> | undefined; path: string; index: number; key: string | undefined }

/**
 * Returns the JSON pointer of the first duplicate key in a JSON text (`/credentialSubject/doseNumber`),
 * or `undefined` when every object's keys are distinct. The text must already be valid JSON
 * (JSON.parse accepted it): the scanner only tracks strings, nesting and keys.
 */
export function findDuplicateKey(text: string): string | undefined {
  const stack: Frame[] = []
  let i = 0
  while (i < text.length) {
    const char = text[i]!
    if (char === '"') {
      const end = stringEnd(text, i)
      const top = stack.at(-1)
      // A string in an object directly followed by `:` is a key.
      if (top?.keys && nextNonSpace(text, end) === ':') {
        const raw = text.slice(i + 1, end - 1)
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw
        if (top.keys.has(key)) return `${top.path}/${escapePointer(key)}`
        top.keys.add(key)
        top.key = key
      }
      i = end
      continue
    }
    if (char === '{' || char === '[') {
      const parent = stack.at(-1)
      const segment = parent === undefined ? undefined : parent.keys ? parent.key : String(parent.index)
      const path = segment === undefined ? '' : `${parent!.path}/${escapePointer(segment)}`
      stack.push({ keys: char === '{' ? new Set() : undefined, path, index: 0, key: undefined })
    } else if (char === '}' || char === ']') {
      stack.pop()
    } else if (char === ',') {
      const top = stack.at(-1)
      if (top && !top.keys) top.index++
    }
    i++
  }
  return undefined
}

/** The index just past the closing quote of the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1
  while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1
  return i + 1
}

function nextNonSpace(text: string, from: number): string | undefined {
  let i = from
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++
  return text[i]
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1')
}
