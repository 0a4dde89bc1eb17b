/**
 * `medcred serve --openid4vci --openid4vp --verifier-key`: the banner names the issuer and the
 * verifier, a school's offer is received and a hospital's request answered by medcred's own
 * holder functions; and the one-line errors of the new flags.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, documentLoader, sampleVaccination } from '#test/credentials.js'
import { runCli } from '../../src/cli/runCli.js'
import { exportPrivateKey } from '../../src/keys/exportPrivateKey.js'
import { generateKeyPair } from '../../src/keys/generateKeyPair.js'
import type { KeyPair } from '../../src/keys/types.js'
import { acceptCredentialOffer } from '../../src/openid4vci/acceptCredentialOffer.js'
import { generateHolderKey } from '../../src/openid4vci/generateHolderKey.js'
import { resolveCredentialOffer } from '../../src/openid4vci/resolveCredentialOffer.js'
import { createOpenId4VpResponse } from '../../src/openid4vp/createResponse.js'
import { resolveOpenId4VpRequest } from '../../src/openid4vp/resolveRequest.js'
import { submitOpenId4VpResponse } from '../../src/openid4vp/submitResponse.js'
import type { VerifiableCredential } from '../../src/suites/types.js'

let dir: string
let school: KeyPair
let hospital: KeyPair

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medcred-serve-oid4vc-'))
  ;({ school } = await createParties())
  hospital = await generateKeyPair({ type: 'Ed25519' })
  await writeFile(join(dir, 'school.key.json'), JSON.stringify(exportPrivateKey(school)))
  await writeFile(join(dir, 'hospital.key.json'), JSON.stringify(exportPrivateKey(hospital)))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

function cli(argv: string[], untilStopped: () => Promise<void>) {
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
    env: {},
    untilStopped,
  })
  return { out, exit, listening: Promise.race([banner, exit.then(() => {})]) }
}

async function post(url: string, body: unknown): Promise<Record<string, any>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  expect(response.status).toBe(201)
  return (await response.json()) as Record<string, any>
}

describe('medcred serve --openid4vci --openid4vp', () => {
  it('default: a school issues and a hospital verifies through the command', async () => {
    let stop = () => {}
    const stopped = new Promise<void>((resolve) => (stop = resolve))
    const argv = ['serve', '--key', join(dir, 'school.key.json'), '--trust', school.controller, '--openid4vci', '--openid4vp', '--verifier-key', join(dir, 'hospital.key.json'), '--workers', '0']
    const { out, exit, listening } = cli(argv, () => stopped)
    await listening
    const url = /on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out.stdout)?.[1] as string
    expect(out.stdout).toContain(`  openid4vci      issuer ${url}; offers: POST ${url}/openid4vci/offers\n`)
    expect(out.stdout).toContain(`  openid4vp       verifier decentralized_identifier:${hospital.controller} at ${url}/openid4vp/response; requests: POST ${url}/openid4vp/sessions\n`)

    const offered = await post(`${url}/openid4vci/offers`, { credentials: [sampleVaccination(school.controller)] })
    const offer = await resolveCredentialOffer({ offerUri: offered.offerUri, allowHttpLoopback: true })
    const { credentials } = await acceptCredentialOffer({ offer, txCode: offered.txCode, holderKey: await generateHolderKey() })
    const certificate = credentials[0]!.credential as VerifiableCredential

    const session = await post(`${url}/openid4vp/sessions`, { credentials: [{ id: 'vaccination', type: 'VaccinationCertificate', claims: [{ path: ['credentialSubject', 'doseNumber'] }] }] })
    const request = await resolveOpenId4VpRequest({ request: session.authorizationRequest, allowHttpLoopback: true })
    await submitOpenId4VpResponse({ request, response: await createOpenId4VpResponse({ request, credentials: { vaccination: certificate }, documentLoader }) })
    const result = (await (await fetch(session.result)).json()) as Record<string, any>
    expect(result.status).toBe('verified')
    expect(result.credentials.vaccination.claims[0].value).toBe(2)

    stop()
    expect(await exit).toBe(0)
    expect(out.stderr).toBe('')
    expect(out.stdout).not.toContain(hospital.secretKeyMultibase)
  })

  it('error: each mistake with the new flags is one line and an exit code', async () => {
    const hospitalKey = join(dir, 'hospital.key.json')
    const cases: [string[], number, string | RegExp][] = [
      [['serve', '--openid4vci'], 2, 'error: --openid4vci needs --key.\n(run with --help for usage)\n'],
      [['serve', '--openid4vp'], 2, 'error: --openid4vp needs --verifier-key.\n(run with --help for usage)\n'],
      [['serve', '--verifier-key', hospitalKey], 2, 'error: --verifier-key needs --openid4vp.\n(run with --help for usage)\n'],
      [['serve', '--openid4vp', 'hospital.example', '--verifier-key', hospitalKey], 2, 'error: --openid4vp "hospital.example" is not an http(s) URL.\n(run with --help for usage)\n'],
      [['serve', '--openid4vp', 'http://hospital.example', '--verifier-key', hospitalKey, '--workers', '0'], 1, /^error: Invalid OpenID4VP options: "responseUri" must be an https URL \(http only on a loopback host\)\. \[ERR_OID4VP_OPTIONS_INVALID\]\n$/],
      [['serve', '--openid4vp', '--verifier-key', join(dir, 'school.key.json'), '--workers', '0'], 1, /^error: Invalid OpenID4VP options: "verifierKey" must be an Ed25519 .*\[ERR_OID4VP_OPTIONS_INVALID\]\n$/],
      [['serve', '--key', join(dir, 'school.key.json'), '--openid4vci', 'http://school.example', '--workers', '0'], 1, /^error: .*\[ERR_OID4VCI_OPTIONS_INVALID\]\n$/],
    ]
    for (const [argv, code, stderr] of cases) {
      const { out, exit } = cli(argv, () => Promise.resolve())
      expect([argv.join(' '), await exit]).toEqual([argv.join(' '), code])
      if (typeof stderr === 'string') expect(out.stderr).toBe(stderr)
      else expect(out.stderr).toMatch(stderr)
    }
  })
})
