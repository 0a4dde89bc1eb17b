/**
 * @module
 * The `medcred deal` options that are not plain strings: field paths, predicates, amounts and
 * deal ids, each refused with a usage error that quotes the option.
 */
import type { DealPredicate, PredicateValue } from '../../../cartesi/types.js'
import { toJsonPointer } from '../../../disclosure/toJsonPointer.js'
import { CliUsageError } from '../../errors.js'

export function pointer(path: string): string {
  try {
    return toJsonPointer(path)
  } catch (cause) {
    throw new CliUsageError(`"${path}" is not a field path: ${(cause as Error).message}`)
  }
}

/** `path=value`, `path>=n`, `path<=n`, `path=[...]`; a value that is not JSON is a string. */
export function parsePredicate(text: string): DealPredicate {
  const match = /^([^<>=]+)(>=|<=|=)(.+)$/.exec(text)
  if (!match) throw new CliUsageError(`--where "${text}" is not path=value, path>=n, path<=n or path=[values].`)
  const [, path, sign, raw] = match as unknown as [string, string, string, string]
  const value = parseValue(raw)
  if (sign === '=' && Array.isArray(value)) return { pointer: pointer(path.trim()), operator: 'oneOf', values: value.map((item) => primitive(item, text)) }
  const single = primitive(value, text)
  if (sign !== '=' && typeof single !== 'number') throw new CliUsageError(`--where "${text}" compares with a number.`)
  return { pointer: pointer(path.trim()), operator: sign === '=' ? 'equals' : sign === '>=' ? 'atLeast' : 'atMost', values: [single] }
}

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

function primitive(value: unknown, text: string): PredicateValue {
  if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value
  throw new CliUsageError(`--where "${text}": values are strings, numbers or booleans.`)
}

export function parseAmount(text: string, option: string): bigint {
  if (!/^(0|[1-9][0-9]{0,77})$/.test(text)) throw new CliUsageError(`${option} must be a whole number, not "${text}".`)
  return BigInt(text)
}

export function parseDealId(text: string): bigint {
  if (!/^[1-9][0-9]{0,15}$/.test(text)) throw new CliUsageError(`--deal must be a deal id (1, 2, ...), not "${text}".`)
  return BigInt(text)
}
