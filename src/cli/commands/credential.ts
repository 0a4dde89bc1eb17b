import type { Command } from 'commander'
import { createMedicalLicenseCredential } from '../../credentials/createMedicalLicenseCredential.js'
import { createVaccinationCertificate } from '../../credentials/createVaccinationCertificate.js'
import { CliUsageError } from '../errors.js'
import { type CliIo, readJson, writeJson } from '../io.js'

// The builders validate whatever they are given, so the parsed file goes in as is.
const builders: Record<string, (input: never) => unknown> = {
  MedicalLicenseCredential: createMedicalLicenseCredential,
  VaccinationCertificate: createVaccinationCertificate,
}

/** `medcred credential new`. */
export function registerCredential(program: Command, io: CliIo): void {
  program
    .command('credential')
    .description('build unsigned credentials')
    .command('new')
    .description('validate a JSON input and print the unsigned credential')
    .requiredOption('--type <type>', `one of ${Object.keys(builders).join(', ')}`)
    .requiredOption('--input <file>', 'the input fields as JSON (- for standard input)')
    .option('--out <file>', 'write the credential here instead of standard output')
    .action(async (options: { type: string; input: string; out?: string }) => {
      const build = builders[options.type]
      if (!build) throw new CliUsageError(`--type must be one of ${Object.keys(builders).join(', ')}, not "${options.type}".`)
      await writeJson(io, build((await readJson(io, options.input)) as never), options.out)
    })
}
