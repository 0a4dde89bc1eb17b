/**
 * @module
 * `medcred status create|revoke|suspend|reinstate|publish|check`: W3C Bitstring Status Lists.
 * Registered by src/cli/runCli.ts.
 */
import type { Command } from 'commander'
import type { StatusList, StatusPurpose } from '../../status/types.js'
import type { VerifiableCredential } from '../../suites/types.js'
import { contextOption, type ContextOptions, readContextOptions } from '../contexts.js'
import { CliError, CliUsageError } from '../errors.js'
import { type CliIo, readJsonObject, readKeyFile, writeJson, writeText } from '../io.js'
import { parseNow } from './parseNow.js'

/** `medcred status create|revoke|suspend|reinstate|publish|check`. */
export function registerStatus(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const status = program.command('status').description('W3C Bitstring Status Lists: revoke, suspend, publish, check')
  status
    .command('create')
    .description('create an empty status list (a JSON file the issuer keeps)')
    .requiredOption('--id <url>', 'the URL the status list credential will be published at')
    .requiredOption('--purpose <purpose>', 'revocation or suspension')
    .requiredOption('--out <file>', 'where to keep the list')
    .action(async (options: { id: string; purpose: string; out: string }) => {
      if (options.purpose !== 'revocation' && options.purpose !== 'suspension') {
        throw new CliUsageError({ reason: 'invalidValue', option: '--purpose', expected: 'revocation or suspension', value: options.purpose })
      }
      const { createStatusList } = await import('../../status/createStatusList.js')
      await writeJson(io, await createStatusList({ id: options.id, purpose: options.purpose as StatusPurpose }), options.out)
    })
  const flip = (name: string, set: boolean, purpose: StatusPurpose, description: string) =>
    status
      .command(name)
      .description(description)
      .requiredOption('--list <file>', 'the status list file (updated in place)')
      .requiredOption('--index <n>', "the credential's statusListIndex")
      .action(async (options: { list: string; index: string }) => {
        const list = (await readJsonObject(io, options.list)) as StatusList
        if (list.purpose !== purpose) {
          throw new CliError({ reason: 'wrongList', path: options.list, listPurpose: list.purpose, command: name, purpose })
        }
        const { setCredentialStatus } = await import('../../status/setCredentialStatus.js')
        const updated = await setCredentialStatus({ list, index: options.index, set })
        await writeText(io, options.list, `${JSON.stringify(updated, null, 2)}\n`)
      })
  flip('revoke', true, 'revocation', 'revoke a credential (final)')
  flip('suspend', true, 'suspension', 'suspend a credential')
  flip('reinstate', false, 'suspension', 'lift a suspension')
  status
    .command('publish')
    .description('issue the status list credential to publish at the list URL')
    .requiredOption('--list <file>', 'the status list file')
    .requiredOption('--key <file>', "the issuer's key file")
    .option('--valid-from <date-time>', 'start of validity (default: now)')
    .option('--out <file>', 'write the credential here instead of standard output')
    .addOption(contextOption())
    .action(async (options: ContextOptions & { list: string; key: string; validFrom?: string; out?: string }) => {
      const validFrom = parseNow(options.validFrom)
      const contexts = await readContextOptions(io, options.context)
      const list = (await readJsonObject(io, options.list)) as StatusList
      const issuerKey = await readKeyFile(io, options.key)
      const { createDocumentLoader } = await import('../../contexts/createDocumentLoader.js')
      const { issueStatusListCredential } = await import('../../status/issueStatusListCredential.js')
      const credential = await issueStatusListCredential({
        list,
        issuerKey,
        validFrom,
        documentLoader: createDocumentLoader({ contexts }),
      })
      await writeJson(io, credential, options.out)
    })
  status
    .command('check')
    .description("print a credential's status; exit 0 when active, 1 otherwise")
    .requiredOption('--credential <file>', 'a credential with a credentialStatus entry')
    .requiredOption('--status-list <file...>', 'the status list credentials')
    .option('--now <date-time>', 'judge the lists at this time (default: now)')
    .addOption(contextOption())
    .action(async (options: ContextOptions & { credential: string; statusList: string[]; now?: string }) => {
      // A mistyped option is reported before any file is read.
      const now = parseNow(options.now)
      const contexts = await readContextOptions(io, options.context)
      const credential = (await readJsonObject(io, options.credential)) as VerifiableCredential
      const statusListCredentials = await Promise.all(options.statusList.map((file) => readJsonObject(io, file)))
      const { createDidResolver } = await import('../../did/createDidResolver.js')
      const { createBitstringStatusChecker } = await import('../../status/createBitstringStatusChecker.js')
      const didResolver = createDidResolver()
      const check = createBitstringStatusChecker({
        statusListCredentials,
        didResolver,
        contexts,
      })
      const entries = ([] as unknown[]).concat(credential.credentialStatus ?? [])
      if (entries.length === 0) throw new CliError({ reason: 'noStatus', path: options.credential })
      const statuses = []
      for (const entry of entries as Record<string, unknown>[]) {
        statuses.push({ entry: entry.id, purpose: entry.statusPurpose, status: await check({ entry, credential, now }) })
      }
      await writeJson(io, statuses)
      setExitCode(statuses.every((s) => s.status === 'active') ? 0 : 1)
    })
}
