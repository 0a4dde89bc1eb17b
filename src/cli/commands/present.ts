/**
 * @module
 * `medcred present`: derived credentials wrapped in a presentation for one verifier. Registered
 * by src/cli/runCli.ts.
 */
import type { Command } from 'commander'
import type { VerifiableCredential } from '../../suites/types.js'
import { contextOption, type ContextOptions, readContextOptions } from '../contexts.js'
import { type CliIo, readJsonObject, readKeyFile, writeJson } from '../io.js'

/** `medcred present`. */
export function registerPresent(program: Command, io: CliIo): void {
  program
    .command('present')
    .description('wrap derived credentials in a presentation for one verifier')
    .requiredOption('--credential <file...>', 'derived credentials, each derived with --challenge')
    .requiredOption('--challenge <text>', "the verifier's challenge")
    .option('--domain <domain>', "the verifier's domain (bound by the holder proof)")
    .option('--holder-key <file>', 'sign as the holder with this Ed25519 key file')
    .option('--out <file>', 'write the presentation here instead of standard output')
    .addOption(contextOption())
    .action(async (options: ContextOptions & { credential: string[]; challenge: string; domain?: string; holderKey?: string; out?: string }) => {
      const contexts = await readContextOptions(io, options.context)
      const credentials = await Promise.all(options.credential.map(async (file) => (await readJsonObject(io, file)) as VerifiableCredential))
      const holderKey = options.holderKey ? await readKeyFile(io, options.holderKey) : undefined
      const { createDocumentLoader } = await import('../../contexts/createDocumentLoader.js')
      const { createDidResolver } = await import('../../did/createDidResolver.js')
      const { presentCredentials } = await import('../../presentations/presentCredentials.js')
      const presentation = await presentCredentials({
        credentials,
        challenge: options.challenge,
        domain: options.domain,
        holderKey,
        documentLoader: createDocumentLoader({ didResolver: createDidResolver(), contexts }),
      })
      await writeJson(io, presentation, options.out)
    })
}
