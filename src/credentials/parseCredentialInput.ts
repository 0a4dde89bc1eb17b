/**
 * @module
 * Runs a model's schema over caller input and turns zod's issues into one
 * {@link CredentialValidationError} that names every bad field.
 */
import { z } from 'zod'
import { CredentialValidationError, type CredentialValidationIssue } from './CredentialValidationError.js'
import type { CredentialTypeName } from './credentialTypes.js'

/**
 * Validates and normalises `input` against the schema of `credentialType`.
 *
 * @param schema - the model's input schema.
 * @param credentialType - the credential type, named in the error message.
 * @param input - what the caller passed.
 * @returns the parsed input: strings trimmed, dates as ISO strings.
 * @throws {CredentialValidationError} listing every problem when the input is invalid.
 */
export function parseCredentialInput<Schema extends z.ZodType>(
  schema: Schema,
  credentialType: CredentialTypeName,
  input: unknown,
): z.output<Schema> {
  const result = schema.safeParse(input, { error: describeIssue })
  if (result.success) return result.data
  throw new CredentialValidationError(credentialType, result.error.issues.flatMap(toValidationIssues), {
    cause: result.error,
  })
}

/** Messages for the generic issues; schemas carry their own for formats and rules. */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `expected ${issue.expected}, received ${typeName(issue.input)}`
    case 'invalid_union':
      // Unions describe a wrong value themselves; only absence is left to this map.
      return issue.input === undefined ? 'is required' : undefined
    case 'too_small':
      if (issue.origin !== 'string') return `must be at least ${issue.minimum}`
      return issue.minimum === 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`
    case 'too_big':
      return `must be at most ${issue.maximum}${issue.origin === 'string' ? ' characters' : ''}`
    case 'invalid_value':
      return `expected ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`
    default:
      return undefined
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/** One issue per field: zod reports all unknown keys of an object as a single issue. */
function toValidationIssues(issue: z.core.$ZodIssue): CredentialValidationIssue[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: [...issue.path, key].map(String).join('.'), message: 'is not a known field' }))
  }
  return [{ path: issue.path.map(String).join('.'), message: issue.message }]
}
