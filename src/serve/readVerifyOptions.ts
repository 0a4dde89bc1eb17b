/**
 * @module
 * What a verify route makes of its `options` beyond the library's own parameters: `checks`,
 * the checks whose failure fails the verification (the W3C test suites send `["proof"]`,
 * `["proof", "credentialStatus"]`…), and a warning for every option and check name the route
 * does not know, which is ignored rather than refused (VCALM's UNKNOWN_OPTION_PROVIDED).
 *
 * - Spec: https://w3c.github.io/vcalm/#error-handling
 */
import type { VerificationCheckName } from '../verify/types.js'
import { boundMessage } from './boundedMessage.js'
import { type IgnoredOptionCode, ignoredOptionProblem, type VerificationProblem } from './problemDetails.js'

/** The checks whose failure fails the verification: every check (`undefined`), or these. */
export type CountedChecks = ReadonlySet<VerificationCheckName> | undefined

/** The reading of a verify route's options. */
export type VerifyOptionsReading = {
  counted: CountedChecks
  /** One per ignored option or check name, five at most, then one that counts the rest. */
  warnings: VerificationProblem[]
}

/** medcred's check names, and the names VC-API callers use for them. */
const checkNames = new Map<string, VerificationCheckName>([
  ['input', 'input'],
  ['proof', 'proof'],
  ['issuer', 'issuer'],
  ['validity', 'validity'],
  ['expiration', 'validity'],
  ['status', 'status'],
  ['credentialStatus', 'status'],
  ['challenge', 'challenge'],
  ['disclosure', 'disclosure'],
  ['holder', 'holder'],
])

/** Checks that always count: nothing a credential says is known before its proof verifies. */
const alwaysCounted: readonly VerificationCheckName[] = ['input', 'proof']

/** The most ignored names a warning each; the rest get one warning that counts them. */
const maxNamed = 5

/**
 * Reads `options.checks` and finds the options not in `known`.
 *
 * @param options - the route's options, already checked against its model
 * @param known - the option names the route reads
 * @param route - the route's path, for the warnings' text
 */
export function readVerifyOptions(options: ({ checks?: readonly string[] | undefined } & Record<string, unknown>) | undefined, known: readonly string[], route: string): VerifyOptionsReading {
  if (options === undefined) return { counted: undefined, warnings: [] }
  const unknownOptions = Object.keys(options).filter((name) => !known.includes(name))
  const warnings = ignored(unknownOptions, 'options', (name) => `options.${name} is not an option of ${route}; it was ignored.`, 'ERR_SERVE_OPTION_UNKNOWN')
  const requested = options.checks
  if (requested === undefined) return { counted: undefined, warnings }
  const counted = new Set(alwaysCounted)
  const unknownChecks: string[] = []
  for (const name of new Set(requested)) {
    const check = checkNames.get(name)
    if (check) counted.add(check)
    else unknownChecks.push(name)
  }
  const names = [...checkNames.keys()].join(', ')
  warnings.push(...ignored(unknownChecks, 'check names', (name) => `options.checks names "${name}", which is not a check of this service (${names}); it was ignored.`, 'ERR_SERVE_CHECK_UNKNOWN'))
  return { counted, warnings }
}

/** A warning per ignored name, five at most, then one counting the rest; each name cut to 100 characters. */
function ignored(names: readonly string[], kind: string, describe: (name: string) => string, code: IgnoredOptionCode): VerificationProblem[] {
  const warnings = names.slice(0, maxNamed).map((name) => ignoredOptionProblem(describe(boundMessage(name, 100)), code))
  if (names.length > maxNamed) warnings.push(ignoredOptionProblem(`${names.length - maxNamed} more unknown ${kind} were ignored.`, code))
  return warnings
}
