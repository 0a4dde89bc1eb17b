/**
 * @module
 * The guard that lets a rule relating several fields of one object run even when other fields
 * are invalid, so one error can list every problem with an input.
 */
import type { z } from 'zod'

/**
 * Builds a zod `when` predicate for a cross-field rule. zod skips object-level rules once any
 * field fails; this predicate runs the rule as soon as the fields it reads (dotted paths,
 * relative to the object) parsed cleanly, and skips it while any of them is missing or invalid.
 *
 * @param paths - the fields the rule reads, e.g. `'degree.graduationDate'`.
 * @returns the predicate to pass as `when` to `.refine` or `.superRefine`.
 */
export function whenFieldsValid(...paths: string[]): (payload: z.core.ParsePayload) => boolean {
  const fields = paths.map((path) => path.split('.'))
  return (payload) =>
    payload.issues.every(
      (issue) =>
        // An unknown key says nothing about the known fields' values.
        issue.code === 'unrecognized_keys' ||
        !fields.some((field) => related(field, (issue.path ?? []).map(String))),
    )
}

/** True when one path is a prefix of the other: a problem at `degree` spoils `degree.name`. */
function related(a: readonly string[], b: readonly string[]): boolean {
  const length = Math.min(a.length, b.length)
  return a.slice(0, length).every((segment, index) => segment === b[index])
}
