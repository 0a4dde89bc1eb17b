/**
 * @module
 * `medcred verify`: a derived credential or a presentation, checked and printed; the exit code
 * says whether it verified. Registered by src/cli/runCli.ts.
 */
import type { Command } from 'commander'
import { TrustedIssuerSyntaxError } from '../../verify/errors.js'
import { parseTrustedIssuer } from '../../verify/parseTrustedIssuer.js'
import type { TrustedIssuer } from '../../verify/types.js'
import { contextOption, type ContextOptions, readContextOptions } from '../contexts.js'
import { CliUsageError } from '../errors.js'
import { type CliIo, readJsonObject, readText, writeJson } from '../io.js'
import { parseNow } from './parseNow.js'

type VerifyOptions = ContextOptions & {
  credential?: string
  presentation?: string
  trust: string[]
  challenge?: string
  domain?: string
  require?: string[]
  statusList?: string[]
  now?: string
}

/** `medcred verify`: exit 0 when verified, 1 when not, the checks printed either way. */
export function registerVerify(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command('verify')
    .description('verify a derived credential or a presentation; exit 0 if verified, 1 if not')
    .option('--credential <file>', 'a derived credential')
    .option('--presentation <file>', 'a presentation (needs --challenge)')
    .requiredOption('--trust <did...>', 'trusted issuer DIDs; did=Type1,Type2 trusts one only for those credential types')
    .option('--challenge <text>', 'the challenge the credentials must be derived for')
    .option('--domain <domain>', 'the domain a holder proof must be bound to')
    .option('--require <path...>', 'fields that must be revealed')
    .option('--status-list <file...>', 'status list credentials to check status against')
    .option('--now <date-time>', 'judge validity at this time (default: now)')
    .addOption(contextOption())
    .action(async (options: VerifyOptions) => {
      if ((options.credential === undefined) === (options.presentation === undefined)) {
        throw new CliUsageError({ reason: 'exactlyOne', options: ['--credential', '--presentation'] })
      }
      if (options.presentation !== undefined && options.challenge === undefined) {
        throw new CliUsageError({ reason: 'needs', option: '--presentation', needed: '--challenge' })
      }
      const contexts = await readContextOptions(io, options.context)
      const { createDidResolver } = await import('../../did/createDidResolver.js')
      const { createBitstringStatusChecker } = await import('../../status/createBitstringStatusChecker.js')
      const didResolver = createDidResolver()
      const statusListCredentials = await Promise.all((options.statusList ?? []).map((file) => readJsonObject(io, file)))
      const common = {
        trustedIssuers: options.trust.map(parseTrustOption),
        now: parseNow(options.now),
        didResolver,
        statusChecker: createBitstringStatusChecker({ statusListCredentials, didResolver, contexts }),
        requiredFields: options.require,
        contexts,
      }
      // The input goes in as text: verify bounds its size before parsing it.
      const [kind, path] = options.credential !== undefined ? (['credential', options.credential] as const) : (['presentation', options.presentation!] as const)
      const text = await readText(io, path)
      const result =
        kind === 'credential'
          ? await (await import('../../verify/verifyCredential.js')).verifyCredential({ ...common, credential: text, presentationHeader: options.challenge })
          : await (await import('../../verify/verifyPresentation.js')).verifyPresentation({ ...common, presentation: text, challenge: options.challenge!, domain: options.domain })
      // A base credential fails as a malformed proof; say what to do instead. Only input verify
      // accepted as bounded (the `input` check passed) is parsed again.
      if (!result.verified && result.checks.some((check) => check.name === 'input' && check.ok)) {
        const { notDerivedError } = await import('../baseCredentialHint.js')
        const notDerived = notDerivedError(text, path, kind)
        if (notDerived) throw notDerived
      }
      if (options.challenge === undefined) {
        io.stderr('warning: no challenge was checked (--challenge): this credential may be a copy replayed from an earlier presentation.\n')
      }
      await writeJson(io, result)
      setExitCode(result.verified ? 0 : 1)
    })
}

/** Reads a `--trust` value (a DID, optionally `=Type1,Type2`); `medcred serve` takes the same. */
export function parseTrustOption(value: string): TrustedIssuer {
  try {
    return parseTrustedIssuer(value)
  } catch (error) {
    if (error instanceof TrustedIssuerSyntaxError) throw new CliUsageError({ reason: 'trustSyntax', value })
    throw error
  }
}
