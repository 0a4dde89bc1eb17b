import type { Command } from 'commander'
import { createDidResolver } from '../../did/createDidResolver.js'
import { createVcApiServer } from '../../serve/createVcApiServer.js'
import { defaultMaxBodyBytes } from '../../serve/createVcApiHandler.js'
import { createBitstringStatusChecker } from '../../status/createBitstringStatusChecker.js'
import { contextOption, type ContextOptions, readContextOptions } from '../contexts.js'
import { CliError, CliUsageError } from '../errors.js'
import { type CliIo, readJsonObject, readKeyFile } from '../io.js'
import { parseTrustOption } from './verify.js'

type ServeOptions = ContextOptions & { key?: string; trust: string[]; statusList?: string[]; host: string; port: string; maxBody: string }

/**
 * `medcred serve`: the VC-API service (issue, derive, verify) until interrupted (Ctrl-C), on
 * 127.0.0.1 unless `--host` says otherwise.
 */
export function registerServe(program: Command, io: CliIo, stopSignal: () => Promise<void>): void {
  program
    .command('serve')
    .description('run a VC-API service: POST /credentials/issue, /credentials/derive, /credentials/verify, /presentations/verify (until Ctrl-C)')
    .option('--key <file>', 'the issuer key file (Bls12381G2; encrypted files take MEDCRED_PASSPHRASE); without it the service does not issue')
    .option('--trust <did...>', 'trusted issuer DIDs; did=Type1,Type2 trusts one only for those credential types', [])
    .option('--status-list <file...>', 'status list credentials to check status against')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on; 0 picks a free one', '0')
    .option('--max-body <bytes>', 'largest accepted request body', String(defaultMaxBodyBytes))
    .addOption(contextOption())
    .action(async (options: ServeOptions) => {
      const port = Number(options.port)
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new CliUsageError(`--port must be a port number, not "${options.port}".`)
      const maxBodyBytes = Number(options.maxBody)
      if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) throw new CliUsageError(`--max-body must be a positive number of bytes, not "${options.maxBody}".`)
      const trustedIssuers = options.trust.map(parseTrustOption)
      const contexts = await readContextOptions(io, options.context)
      const issuerKey = options.key === undefined ? undefined : await readKeyFile(io, options.key)
      if (issuerKey && issuerKey.type !== 'Bls12381G2') {
        throw new CliError('ERR_CLI_KEY_TYPE', `${options.key} holds an ${issuerKey.type} key; medcred serve issues with a Bls12381G2 key (bbs-2023).`)
      }
      const didResolver = createDidResolver()
      const statusListCredentials = await Promise.all((options.statusList ?? []).map((file) => readJsonObject(io, file)))
      const service = await createVcApiServer({
        host: options.host,
        port,
        issuerKey,
        trustedIssuers,
        didResolver,
        statusChecker: createBitstringStatusChecker({ statusListCredentials, didResolver, contexts }),
        contexts,
        maxBodyBytes,
        onInternalError: (error) => io.stderr(`error: ${error instanceof Error ? error.message : String(error)}\n`),
      }).catch((cause: unknown) => {
        const reason = (cause as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'the port is in use' : ((cause as Error).message ?? String(cause))
        throw new CliError('ERR_CLI_LISTEN_FAILED', `Cannot listen on ${options.host}:${port}: ${reason}.`, cause)
      })
      io.stdout(
        [
          `medcred VC-API service on ${service.url}`,
          `  issuer          ${issuerKey ? issuerKey.controller : 'none (issuing answers 501)'}`,
          `  trusted         ${trustedIssuers.length ? options.trust.join(', ') : 'none (every credential fails the issuer check)'}`,
          ...(contexts.length ? [`  contexts        ${contexts.map((c) => c.url).join(', ')} (pinned)`] : []),
          '  routes          POST /credentials/issue, /credentials/derive, /credentials/verify, /presentations/verify',
          'Ctrl-C stops it.',
          '',
        ].join('\n'),
      )
      await stopSignal()
      await service.close()
      io.stdout('medcred VC-API service stopped\n')
    })
}
