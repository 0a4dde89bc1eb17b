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
    throw new CliUsageError({ reason: 'fieldPath', path, error: cause as Error })
  }
}

/** `path=value`, `path>=n`, `path<=n`, `path=[...]`; a value that is not JSON is a string. */
export function parsePredicate(text: string): DealPredicate {
  const match = /^([^<>=]+)(>=|<=|=)(.+)$/.exec(text)
  if (!match) throw new CliUsageError({ reason: 'whereSyntax', text })
  const [, path, sign, raw] = match as unknown as [string, string, string, string]
  const value = parseValue(raw)
  if (sign === '=' && Array.isArray(value)) return { pointer: pointer(path.trim()), operator: 'oneOf', values: value.map((item) => primitive(item, text)) }
  const single = primitive(value, text)
  if (sign !== '=' && typeof single !== 'number') throw new CliUsageError({ reason: 'whereNotNumber', text })
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
  throw new CliUsageError({ reason: 'whereValue', text })
}

export function parseAmount(text: string, option: string): bigint {
  if (!/^(0|[1-9][0-9]{0,77})$/.test(text)) throw new CliUsageError({ reason: 'invalidValue', option, expected: 'a whole number', value: text })
  return BigInt(text)
}

export function parseDealId(text: string): bigint {
  if (!/^[1-9][0-9]{0,15}$/.test(text)) throw new CliUsageError({ reason: 'invalidValue', option: '--deal', expected: 'a deal id (1, 2, ...)', value: text })
  return BigInt(text)
}
