/**
 * Pinned contexts in the VC-API service: `createVcApiServer({ contexts })` issues, derives and
 * verifies a credential type medcred does not bundle (the pharmacy prescription of
 * #test/pharmacy.js); `medcred serve --context <manifest>` verifies one over HTTP on
 * 127.0.0.1; a context that does not match its pin stops the service before it listens.
 * Every server here stops by itself, whatever a test's outcome.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, now, type Parties } from '#test/credentials.js'
import { issuePrescription, pharmacyContextUrl, pharmacyManifest, readPharmacyContexts, samplePrescription, writeTamperedManifest } from '#test/pharmacy.js'
import { readPinnedContexts } from '../../src/contexts/readPinnedContexts.js'
import type { PinnedContext } from '../../src/contexts/types.js'
import { runCli } from '../../src/cli/runCli.js'
import { createVcApiHandler } from '../../src/serve/createVcApiHandler.js'
import { createVcApiServer } from '../../src/serve/createVcApiServer.js'

let dir: string
let parties: Parties
let contexts: PinnedContext[]

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medcred-serve-contexts-'))
  parties = await createParties()
  contexts = await readPharmacyContexts()
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const post = async (url: string, body: unknown) => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return { status: response.status, body: (await response.json()) as Record<string, any> }
}

describe('createVcApiServer({ contexts })', () => {
  it('default: issue -> derive -> verify a prescription over HTTP', async () => {
    const service = await createVcApiServer({ issuerKey: parties.school, trustedIssuers: [parties.school.controller], contexts, now: () => now })
    try {
      const issued = await post(`${service.url}/credentials/issue`, { credential: samplePrescription(parties.school.controller, parties.patient.controller) })
      expect(issued.status).toBe(201)
      const derived = await post(`${service.url}/credentials/derive`, {
        verifiableCredential: issued.body.verifiableCredential,
        options: { selectivePointers: ['/credentialSubject/dosage'], presentationHeader: 'n-1' },
      })
      expect(derived.status).toBe(201)
      const verified = await post(`${service.url}/credentials/verify`, { verifiableCredential: derived.body.verifiableCredential, options: { presentationHeader: 'n-1' } })
      expect(verified).toMatchObject({ status: 200, body: { verified: true, errors: [], issuer: parties.school.controller } })
    } finally {
      await service.close()
    }
  })

  it('error: a context that does not match its pin throws at creation (ERR_CONTEXT_INTEGRITY)', async () => {
    const [pinned] = contexts as [PinnedContext]
    expect(() => createVcApiHandler({ trustedIssuers: [], contexts: [{ ...pinned, text: pinned.text.replace('#dosage', '#dosagE') }] })).toThrow(
      expect.objectContaining({ code: 'ERR_CONTEXT_INTEGRITY', message: expect.stringContaining(pharmacyContextUrl) }),
    )
    expect(() => createVcApiHandler({ trustedIssuers: [], contexts: {} as never })).toThrow(expect.objectContaining({ code: 'ERR_SERVE_OPTIONS_INVALID' }))
  })
})

describe('medcred serve --context', () => {
  /** Runs `medcred serve` until `use` is done, or 30 s at most: the server always stops. */
  async function serve(argv: string[], use: (url: string) => Promise<void>) {
    let stop = () => {}
    const stopped = new Promise<void>((resolve) => {
      stop = resolve
      setTimeout(resolve, 30_000).unref()
    })
    const out = { stdout: '', stderr: '' }
    let printedBanner = () => {}
    const banner = new Promise<void>((resolve) => (printedBanner = resolve))
    const stdout = (text: string) => {
      out.stdout += text
      if (out.stdout.includes('Ctrl-C')) printedBanner()
    }
    const exit = runCli(['serve', ...argv], { stdout, stderr: (t) => void (out.stderr += t), stdin: async () => '', env: {}, untilStopped: () => stopped })
    try {
      // The banner comes once the service listens and its workers are ready; or the command ends.
      await Promise.race([banner, exit])
      const url = /on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out.stdout)?.[1]
      expect(url, out.stderr).toBeDefined()
      await use(url as string)
    } finally {
      stop()
    }
    return { code: await exit, out }
  }

  it('default: verifies a prescription over HTTP on 127.0.0.1, and prints the pinned URL', async () => {
    const { derived } = await issuePrescription(parties.school, { presentationHeader: 'n-2' })
    const { code, out } = await serve(['--context', pharmacyManifest, '--trust', parties.school.controller], async (url) => {
      const verified = await post(`${url}/credentials/verify`, { verifiableCredential: derived, options: { presentationHeader: 'n-2' } })
      expect(verified).toMatchObject({ status: 200, body: { verified: true, errors: [] } })
    })
    expect(code).toBe(0)
    expect(out.stdout).toContain(`contexts        ${pharmacyContextUrl} (pinned)`)
    expect(out.stdout).toContain('medcred VC-API service stopped')
    expect(out.stderr).toBe('')
  })

  it('error: a context changed by one byte: exit 1 before listening, one line naming the URL', async () => {
    const tampered = await writeTamperedManifest(dir)
    expect((await readPinnedContexts(tampered))[0]?.url).toBe(pharmacyContextUrl)
    const out = { stdout: '', stderr: '' }
    const code = await runCli(['serve', '--context', tampered], { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), stdin: async () => '', env: {}, untilStopped: () => Promise.resolve() })
    expect([code, out.stdout]).toEqual([1, ''])
    expect(out.stderr).toMatch(new RegExp(`^error: Context "${pharmacyContextUrl}" does not match its pinned SHA-256 .*\\[ERR_CONTEXT_INTEGRITY\\]\\n$`))
  })
})
