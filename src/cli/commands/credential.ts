import type { Command } from 'commander'
import { credentialInputJsonSchema } from '../../credentials/credentialInputJsonSchema.js'
import type { CredentialTypeName } from '../../credentials/credentialTypes.js'
import { createMedicalLicenseCredential } from '../../credentials/createMedicalLicenseCredential.js'
import { createVaccinationCertificate } from '../../credentials/createVaccinationCertificate.js'
import { CliUsageError } from '../errors.js'
import { type CliIo, readJson, writeJson } from '../io.js'

// The builders validate whatever they are given, so the parsed file goes in as is.
const builders: Record<CredentialTypeName, (input: never) => unknown> = {
  MedicalLicenseCredential: createMedicalLicenseCredential,
  VaccinationCertificate: createVaccinationCertificate,
}

/** `--type`, checked against the models. */
function credentialType(type: string): CredentialTypeName {
  if (!Object.hasOwn(builders, type)) throw new CliUsageError(`--type must be one of ${Object.keys(builders).join(', ')}, not "${type}".`)
  return type as CredentialTypeName
}

/** `medcred credential new|schema`. */
export function registerCredential(program: Command, io: CliIo): void {
  const credential = program.command('credential').description('build unsigned credentials')
  credential
    .command('new')
    .description('validate a JSON input and print the unsigned credential')
    .requiredOption('--type <type>', `one of ${Object.keys(builders).join(', ')}`)
    .requiredOption('--input <file>', 'the input fields as JSON (- for standard input; `credential schema` describes them)')
    .option('--out <file>', 'write the credential here instead of standard output')
    .action(async (options: { type: string; input: string; out?: string }) => {
      const build = builders[credentialType(options.type)]
      await writeJson(io, build((await readJson(io, options.input)) as never), options.out)
    })
  credential
    .command('schema')
    .description('print the JSON Schema of the `credential new --input` file')
    .requiredOption('--type <type>', `one of ${Object.keys(builders).join(', ')}`)
    .action(async (options: { type: string }) => {
      await writeJson(io, credentialInputJsonSchema(credentialType(options.type)))
    })
}
