/**
 * @module
 * The `--now` and `--valid-from` options: a date-time, or the clock when absent.
 */
import { CliUsageError } from '../errors.js'

/** The CLI's clock: `--now` when given, else the current time (the library never reads it). */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date()
  const date = new Date(value)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime())) {
    throw new CliUsageError({ reason: 'invalidValue', option: '--now', expected: 'an ISO 8601 date-time such as 2025-01-31T12:00:00Z', value })
  }
  return date
}
