/**
 * @module
 * `medcred derive`: a selectively disclosed credential from a signed one. Registered by
 * src/cli/runCli.ts.
 */
import type { Command } from 'commander'
import type { VerifiableCredential } from '../../suites/types.js'
import { contextOption, type ContextOptions, readContextOptions } from '../contexts.js'
import { type CliIo, readJsonObject, writeJson } from '../io.js'

/** `medcred derive`. */
export function registerDerive(program: Command, io: CliIo): void {
  program
    .command('derive')
    .description('derive a selectively disclosed credential from a signed one')
    .requiredOption('--credential <file>', 'the credential with its bbs-2023 base proof')
    .requiredOption('--reveal <path...>', 'fields to reveal: credentialSubject.speciality or /credentialSubject/speciality')
    .option('--challenge <text>', "the verifier's challenge, bound as the presentation header")
    .option('--out <file>', 'write the derived credential here instead of standard output')
    .addOption(contextOption())
    .action(async (options: ContextOptions & { credential: string; reveal: string[]; challenge?: string; out?: string }) => {
      const contexts = await readContextOptions(io, options.context)
      const credential = (await readJsonObject(io, options.credential)) as VerifiableCredential
      const { createDocumentLoader } = await import('../../contexts/createDocumentLoader.js')
      const { deriveCredential } = await import('../../suites/bbs-2023/deriveCredential.js')
      const derived = await deriveCredential({
        credential,
        reveal: options.reveal,
        presentationHeader: options.challenge,
        documentLoader: createDocumentLoader({ contexts }),
      })
      await writeJson(io, derived, options.out)
    })
}
