/**
 * @module
 * `medcred credential new|schema`: unsigned credentials built from a JSON input file, and the
 * JSON Schema of that file. Registered by src/cli/runCli.ts.
 */
import type { Command } from 'commander'
import type { CredentialTypeName } from '../../credentials/credentialTypes.js'
import { CliUsageError } from '../errors.js'
import { type CliIo, readJson, writeJson } from '../io.js'

// The builders validate whatever they are given, so the parsed file goes in as is. Each is
// loaded when used, with its zod models (runCli.ts says why).
const builders: Record<CredentialTypeName, () => Promise<(input: never) => unknown>> = {
  MedicalLicenseCredential: async () => (await import('../../credentials/createMedicalLicenseCredential.js')).createMedicalLicenseCredential,
  VaccinationCertificate: async () => (await import('../../credentials/createVaccinationCertificate.js')).createVaccinationCertificate,
}
const typeNames = Object.keys(builders).join(', ')

/** `--type`, checked against the models. */
function credentialType(type: string): CredentialTypeName {
  if (!Object.hasOwn(builders, type)) throw new CliUsageError({ reason: 'invalidValue', option: '--type', expected: `one of ${typeNames}`, value: type })
  return type as CredentialTypeName
}

/** `medcred credential new|schema`. */
export function registerCredential(program: Command, io: CliIo): void {
  const credential = program.command('credential').description('build unsigned credentials')
  credential
    .command('new')
    .description('validate a JSON input and print the unsigned credential')
    .requiredOption('--type <type>', `one of ${typeNames}`)
    .requiredOption('--input <file>', 'the input fields as JSON (- for standard input; `credential schema` describes them)')
    .option('--out <file>', 'write the credential here instead of standard output')
    .action(async (options: { type: string; input: string; out?: string }) => {
      const build = await builders[credentialType(options.type)]()
      await writeJson(io, build((await readJson(io, options.input)) as never), options.out)
    })
  credential
    .command('schema')
    .description('print the JSON Schema of the `credential new --input` file')
    .requiredOption('--type <type>', `one of ${typeNames}`)
    .action(async (options: { type: string }) => {
      const type = credentialType(options.type)
      const { credentialInputJsonSchema } = await import('../../credentials/credentialInputJsonSchema.js')
      await writeJson(io, credentialInputJsonSchema(type))
    })
}
