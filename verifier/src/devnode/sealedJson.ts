/**
 * @module
 * JSON that carries its own checksum, for the dev node's data directory: `{"sha256": …, <key>:
 * value}`, where `sha256` is the SHA-256 of the value written as JSON (bigints as `"<digits>n"`).
 * The checksum is of the value, not of the bytes: reformatting the file keeps it valid, changing
 * any value does not. Used for the node state file and for each line of the chain journal.
 */
import { createHash } from 'node:crypto'

/** JSON text of `value`, bigints written as `"<digits>n"`. */
export function stringifyJson(value: unknown): string {
  return JSON.stringify(value, (_, item: unknown) => (typeof item === 'bigint' ? `${item}n` : item))
}

/** SHA-256 (hex) of `value` written by {@link stringifyJson}. */
export function checksumOf(value: unknown): string {
  return createHash('sha256').update(stringifyJson(value)).digest('hex')
}

/** SHA-256 (hex) of bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** One sealed JSON object, `{"sha256":…,"<key>":value}`, on one line. */
export function sealJson(key: string, value: unknown): string {
  return `{"sha256":"${checksumOf(value)}","${key}":${stringifyJson(value)}}`
}

/** Why a sealed text cannot be opened; the caller names the file. */
export type UnsealFailure = { ok: false; reason: string }

/**
 * Parses a sealed object and checks its checksum.
 *
 * @returns the value under `key` (bigints restored under the names in `bigintKeys`), or why not
 */
export function unsealJson(text: string, key: string, bigintKeys: ReadonlySet<string> = new Set()): { ok: true; value: unknown } | UnsealFailure {
  let parsed: unknown
  try {
    parsed = JSON.parse(text, (name, item: unknown) => (bigintKeys.has(name) && typeof item === 'string' && /^\d+n$/.test(item) ? BigInt(item.slice(0, -1)) : item))
  } catch (error) {
    return { ok: false, reason: `it is not JSON (${error instanceof Error ? error.message : String(error)})` }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, reason: 'it is not a JSON object' }
  const { sha256, [key]: value } = parsed as Record<string, unknown>
  if (typeof sha256 !== 'string') return { ok: false, reason: 'it carries no checksum ("sha256"): it was not written by this dev node' }
  if (value === undefined) return { ok: false, reason: `it has no "${key}"` }
  const actual = checksumOf(value)
  if (actual !== sha256) return { ok: false, reason: `its checksum does not match its content (sha256 ${actual}, recorded ${sha256})` }
  return { ok: true, value }
}
