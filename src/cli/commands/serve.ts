/**
 * @module
 * `medcred serve`: the VC-API service (src/serve) on the command line, its limits as options;
 * `--openid4vci` and `--openid4vp` add an OpenID4VCI issuer and an OpenID4VP verifier beside it.
 * Registered by src/cli/runCli.ts.
 */
import { availableParallelism } from 'node:os'
import type { Command } from 'commander'
import { defaultMaxBodyBytes, vcApiDefaults, vcApiServerDefaults } from '../../serve/vcApiDefaults.js'
import { contextOption, type ContextOptions, readContextOptions } from '../contexts.js'
import { MedcredError } from '../../errors/MedcredError.js'
import { CliError, CliUsageError } from '../errors.js'
import { type CliIo, readJsonObject, readKeyFile } from '../io.js'
import { parseTrustOption } from './verify.js'

type ServeOptions = ContextOptions & {
  key?: string
  /** `true` for the flag alone (the service's own URL), else the public URL. */
  openid4vci?: string | true
  openid4vp?: string | true
  verifierKey?: string
  trust: string[]
  statusList?: string[]
  host: string
  port: string
  maxBody: string
  workers?: string
  maxQueue?: string
  deadline: string
  headersTimeout: string
  bodyTimeout: string
  maxConnections: string
}

/** A whole number of at least `min`, or a usage error naming the flag. */
function wholeNumber(flag: string, text: string, min: number, what: string): number {
  const value = Number(text)
  if (text.trim() === '' || !Number.isSafeInteger(value) || value < min) throw new CliUsageError({ reason: 'invalidValue', option: flag, expected: what, value: text })
  return value
}

/** An optional flag's URL (an http(s) URL), `undefined` for the flag alone, or a usage error naming it. */
function publicUrl(flag: string, value: string | true): string | undefined {
  if (value === true) return undefined
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) throw new CliUsageError({ reason: 'notHttpUrl', option: flag, value })
  return value
}

/** Seconds above 0 (fractions allowed), or a usage error naming the flag. */
function seconds(flag: string, text: string): number {
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || value > 86_400) throw new CliUsageError({ reason: 'invalidValue', option: flag, expected: 'a number of seconds above 0', value: text })
  return value
}

/**
 * `medcred serve`: the VC-API service (issue, derive, verify) until interrupted (Ctrl-C), on
 * 127.0.0.1 unless `--host` says otherwise; with `--openid4vci` an OpenID4VCI issuer of `--key`
 * (offers made at `POST /openid4vci/offers`), with `--openid4vp` and `--verifier-key` an
 * OpenID4VP verifier of `--trust` (requests made at `POST /openid4vp/sessions`).
 */
export function registerServe(program: Command, io: CliIo, stopSignal: () => Promise<void>): void {
  program
    .command('serve')
    .description('run a VC-API service: POST /credentials/issue, /credentials/derive, /credentials/verify, /presentations/verify (until Ctrl-C); with --openid4vci and --openid4vp, an OpenID4VCI issuer and an OpenID4VP verifier too')
    .option('--key <file>', 'the issuer key file (Bls12381G2; encrypted files take MEDCRED_PASSPHRASE); without it the service does not issue')
    .option('--trust <did...>', 'trusted issuer DIDs; did=Type1,Type2 trusts one only for those credential types', [])
    .option('--openid4vci [url]', 'also serve an OpenID4VCI issuer of --key; url: its public https identifier (default: the service URL); offers: POST /openid4vci/offers')
    .option('--openid4vp [url]', 'also serve an OpenID4VP verifier of --trust; url: its public https base URL (default: the service URL); requests: POST /openid4vp/sessions')
    .option('--verifier-key <file>', 'the OpenID4VP verifier key file (Ed25519: keys generate --type ed25519); it signs the requests')
    .option('--status-list <file...>', 'status list credentials to check status against')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on; 0 picks a free one', '0')
    .option('--max-body <bytes>', 'largest accepted request body', String(defaultMaxBodyBytes))
    .option('--workers <n>', 'worker threads that issue, derive and verify (default: one per core; 0: on the main thread)')
    .option('--max-queue <n>', `requests that may wait for a worker before the service answers 503 (default: ${vcApiDefaults.queuePerWorker} per worker)`)
    .option('--deadline <seconds>', 'seconds from a request body to its answer; later it is answered 503', String(vcApiDefaults.deadlineSeconds))
    .option('--headers-timeout <seconds>', 'seconds a client has to send its request headers', String(vcApiServerDefaults.headersTimeoutSeconds))
    .option('--body-timeout <seconds>', 'seconds a client has to send a request body', String(vcApiDefaults.bodyTimeoutSeconds))
    .option('--max-connections <n>', 'open connections at most', String(vcApiServerDefaults.maxConnections))
    .addOption(contextOption())
    .action(async (options: ServeOptions) => {
      const port = Number(options.port)
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new CliUsageError({ reason: 'invalidValue', option: '--port', expected: 'a port number', value: options.port })
      const maxBodyBytes = Number(options.maxBody)
      if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) throw new CliUsageError({ reason: 'invalidValue', option: '--max-body', expected: 'a positive number of bytes', value: options.maxBody })
      const workers = options.workers === undefined ? availableParallelism() : wholeNumber('--workers', options.workers, 0, 'a number of threads (0 or more)')
      const maxQueue = options.maxQueue === undefined ? undefined : wholeNumber('--max-queue', options.maxQueue, 0, 'a number of requests (0 or more)')
      const deadlineSeconds = seconds('--deadline', options.deadline)
      const headersTimeoutSeconds = seconds('--headers-timeout', options.headersTimeout)
      const bodyTimeoutSeconds = seconds('--body-timeout', options.bodyTimeout)
      const maxConnections = wholeNumber('--max-connections', options.maxConnections, 1, 'a number of connections (1 or more)')
      if (options.openid4vci !== undefined && options.key === undefined) throw new CliUsageError({ reason: 'needs', option: '--openid4vci', needed: '--key' })
      if (options.openid4vp !== undefined && options.verifierKey === undefined) throw new CliUsageError({ reason: 'needs', option: '--openid4vp', needed: '--verifier-key' })
      if (options.verifierKey !== undefined && options.openid4vp === undefined) throw new CliUsageError({ reason: 'needs', option: '--verifier-key', needed: '--openid4vp' })
      const credentialIssuer = options.openid4vci === undefined ? undefined : publicUrl('--openid4vci', options.openid4vci)
      const verifierUrl = options.openid4vp === undefined ? undefined : publicUrl('--openid4vp', options.openid4vp)
      const trustedIssuers = options.trust.map(parseTrustOption)
      const contexts = await readContextOptions(io, options.context)
      const issuerKey = options.key === undefined ? undefined : await readKeyFile(io, options.key)
      if (options.key !== undefined && issuerKey && issuerKey.type !== 'Bls12381G2') {
        throw new CliError({ reason: 'keyType', path: options.key, type: issuerKey.type })
      }
      // Its type is checked by the verifier: an Ed25519 did:key with its secret key.
      const verifierKey = options.verifierKey === undefined ? undefined : await readKeyFile(io, options.verifierKey)
      const statusListCredentials = await Promise.all((options.statusList ?? []).map((file) => readJsonObject(io, file)))
      // The workers resolve did:key themselves and check status against the lists, each its own copy.
      const { createVcApiServer } = await import('../../serve/createVcApiServer.js')
      const service = await createVcApiServer({
        host: options.host,
        port,
        issuerKey,
        trustedIssuers,
        statusListCredentials,
        contexts,
        maxBodyBytes,
        workers,
        maxQueue,
        deadlineSeconds,
        headersTimeoutSeconds,
        bodyTimeoutSeconds,
        maxConnections,
        openId4Vci: options.openid4vci === undefined ? undefined : { credentialIssuer },
        openId4Vp: verifierKey === undefined ? undefined : { verifierKey, publicUrl: verifierUrl },
        onInternalError: (error) => io.stderr(`error: ${error instanceof Error ? error.message : String(error)}\n`),
      }).catch((cause: unknown) => {
        if (cause instanceof MedcredError) throw cause
        throw new CliError({ reason: 'listenFailed', host: options.host, port, error: cause })
      })
      const queue = maxQueue ?? vcApiDefaults.queuePerWorker * Math.max(1, workers)
      io.stdout(
        [
          `medcred VC-API service on ${service.url}`,
          `  issuer          ${issuerKey ? issuerKey.controller : 'none (issuing answers 501)'}`,
          `  trusted         ${trustedIssuers.length ? options.trust.join(', ') : 'none (every credential fails the issuer check)'}`,
          ...(contexts.length ? [`  contexts        ${contexts.map((c) => c.url).join(', ')} (pinned)`] : []),
          '  routes          POST /credentials/issue, /credentials/derive, /credentials/verify, /presentations/verify',
          ...(service.openId4VciIssuer ? [`  openid4vci      issuer ${service.openId4VciIssuer.context.credentialIssuer}; offers: POST ${service.url}/openid4vci/offers`] : []),
          ...(service.openId4VpVerifier
            ? [`  openid4vp       verifier ${service.openId4VpVerifier.clientId} at ${service.openId4VpVerifier.context.responseUri}; requests: POST ${service.url}/openid4vp/sessions`]
            : []),
          `  workers         ${workers === 0 ? 'none (the main thread works)' : workers}, queue ${queue}, deadline ${deadlineSeconds} s`,
          `  limits          body ${maxBodyBytes} bytes in ${bodyTimeoutSeconds} s, headers in ${headersTimeoutSeconds} s, ${maxConnections} connections`,
          'Ctrl-C stops it.',
          '',
        ].join('\n'),
      )
      await stopSignal()
      await service.close()
      io.stdout('medcred VC-API service stopped\n')
    })
}
