/**
 * `medcred serve` from the command line: an encrypted key file opened with MEDCRED_PASSPHRASE,
 * the URL printed for port 0, a credential issued over HTTP, a clean stop; and the one-line
 * errors (exit 2 for the command line, 1 for the rest).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/runCli.js'
import { encryptKeyPair } from '../../src/keys/encryptKeyPair.js'
import { exportPrivateKey } from '../../src/keys/exportPrivateKey.js'
import type { KeyPair } from '../../src/keys/types.js'
import { createParties, sampleLicence } from '../fixtures/credentials.js'

let dir: string
let school: KeyPair
let doctor: KeyPair
const passphrase = 'correct horse battery staple'

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medcred-serve-'))
  ;({ school, doctor } = await createParties())
  await writeFile(join(dir, 'school.key.jwe'), await encryptKeyPair(school, passphrase, { iterations: 1_000 }))
  await writeFile(join(dir, 'doctor.key.json'), JSON.stringify(exportPrivateKey(doctor)))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

function cli(argv: string[], env: Record<string, string> = {}, untilStopped?: () => Promise<void>) {
  const out = { stdout: '', stderr: '' }
  let printedBanner = () => {}
  const banner = new Promise<void>((resolve) => (printedBanner = resolve))
  const exit = runCli(argv, {
    stdout: (text) => {
      out.stdout += text
      if (out.stdout.includes('Ctrl-C')) printedBanner()
    },
    stderr: (text) => void (out.stderr += text),
    stdin: async () => '',
    env,
    untilStopped,
  })
  /** Resolves once the service printed its banner (it listens, its workers are ready) or the command ended. */
  const listening = Promise.race([banner, exit.then(() => {})])
  return { out, exit, listening }
}

describe('medcred serve', () => {
  it('default: serves with an encrypted key until stopped', async () => {
    let stop = () => {}
    const stopped = new Promise<void>((resolve) => (stop = resolve))
    const { out, exit, listening } = cli(['serve', '--key', join(dir, 'school.key.jwe'), '--trust', `${school.controller}=MedicalLicenseCredential`], { MEDCRED_PASSPHRASE: passphrase }, () => stopped)
    await listening
    const url = /on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out.stdout)?.[1]
    expect(url).toBeDefined()
    expect(out.stdout).toContain(`issuer          ${school.controller}`)
    expect(out.stdout).toMatch(/\n  workers         \d+, queue \d+, deadline 4 s\n/)
    expect(out.stdout).toContain('  limits          body 1048576 bytes in 10 s, headers in 10 s, 256 connections\n')
    const response = await fetch(`${url}/credentials/issue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ credential: sampleLicence(school.controller, doctor.controller) }) })
    expect(response.status).toBe(201)
    expect((await response.json()).verifiableCredential.proof.cryptosuite).toBe('bbs-2023')
    stop()
    expect(await exit).toBe(0)
    expect(out.stdout).toContain('medcred VC-API service stopped')
    expect(out.stderr).toBe('')
    expect(out.stdout).not.toContain(school.secretKeyMultibase)
    await expect(fetch(`${url}/credentials/verify`)).rejects.toThrow()
  })

  it('error: each mistake is one line and an exit code', async () => {
    const busy = createServer()
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
    const busyPort = String((busy.address() as { port: number }).port)
    try {
      const cases: [string[], Record<string, string>, number, string][] = [
        [['serve', '--port', 'eighty'], {}, 2, 'error: --port must be a port number, not "eighty".\n(run with --help for usage)\n'],
        [['serve', '--max-body', '-1'], {}, 2, 'error: --max-body must be a positive number of bytes, not "-1".\n(run with --help for usage)\n'],
        [['serve', '--workers', '-1'], {}, 2, 'error: --workers must be a number of threads (0 or more), not "-1".\n(run with --help for usage)\n'],
        [['serve', '--max-queue', '1.5'], {}, 2, 'error: --max-queue must be a number of requests (0 or more), not "1.5".\n(run with --help for usage)\n'],
        [['serve', '--max-connections', '0'], {}, 2, 'error: --max-connections must be a number of connections (1 or more), not "0".\n(run with --help for usage)\n'],
        [['serve', '--deadline', '0'], {}, 2, 'error: --deadline must be a number of seconds above 0, not "0".\n(run with --help for usage)\n'],
        [['serve', '--headers-timeout', 'soon'], {}, 2, 'error: --headers-timeout must be a number of seconds above 0, not "soon".\n(run with --help for usage)\n'],
        [['serve', '--body-timeout', '-1'], {}, 2, 'error: --body-timeout must be a number of seconds above 0, not "-1".\n(run with --help for usage)\n'],
        [['serve', '--trust', 'school'], {}, 2, 'error: --trust takes a DID, optionally =Type,Type; got "school".\n(run with --help for usage)\n'],
        [['serve', '--key', join(dir, 'school.key.jwe')], {}, 1, `error: ${join(dir, 'school.key.jwe')} is encrypted: set MEDCRED_PASSPHRASE to its passphrase. [ERR_CLI_PASSPHRASE_MISSING]\n`],
        [['serve', '--key', join(dir, 'missing.jwe')], {}, 1, `error: Cannot read ${join(dir, 'missing.jwe')}: no such file. [ERR_CLI_FILE_UNREADABLE]\n`],
        [['serve', '--key', join(dir, 'doctor.key.json')], {}, 1, `error: ${join(dir, 'doctor.key.json')} holds an Ed25519 key; medcred serve issues with a Bls12381G2 key (bbs-2023). [ERR_CLI_KEY_TYPE]\n`],
        [['serve', '--port', busyPort], {}, 1, `error: Cannot listen on 127.0.0.1:${busyPort}: the port is in use. [ERR_CLI_LISTEN_FAILED]\n`],
      ]
      for (const [argv, env, code, stderr] of cases) {
        const { out, exit } = cli(argv, env, () => Promise.resolve())
        expect([argv.join(' '), await exit, out.stderr]).toEqual([argv.join(' '), code, stderr])
      }
      const wrong = cli(['serve', '--key', join(dir, 'school.key.jwe')], { MEDCRED_PASSPHRASE: 'wrong' }, () => Promise.resolve())
      expect(await wrong.exit).toBe(1)
      expect(wrong.out.stderr).toMatch(/^error: .*\[ERR_KEY_WRONG_PASSPHRASE\]\n$/)
    } finally {
      busy.close()
    }
  })
})
