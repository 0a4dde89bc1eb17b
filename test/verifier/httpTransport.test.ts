/**
 * The rollup HTTP transport against a server that answers like rollup-http-server: requests
 * in order, 202 when idle, outputs only for accepted advances, reports always.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hex } from 'viem'
import { accreditAction, addresses, createScenario, licenceReveal, metadataAt, nonce, presentFor, type Scenario, submit } from '#test/verifierScenario.js'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { encodeInspectQuery } from '../../src/cartesi/inspectQuery.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import { decodeVerdictNotice } from '../../src/cartesi/verdictNotice.js'
import { createVerifier } from '../../verifier/src/createVerifier.js'
import { createRollupHttpServer, type RollupHttpServer } from '../../verifier/src/host/createRollupHttpServer.js'
import { runHttpTransport } from '../../verifier/src/transports/runHttpTransport.js'

let scenario: Scenario
let server: RollupHttpServer
const stop = new AbortController()
let loop: Promise<void>

beforeAll(async () => {
  scenario = await createScenario()
  server = await createRollupHttpServer({ idleMilliseconds: 50 })
  const verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority] })
  loop = runHttpTransport({ verifier, url: server.url, signal: stop.signal })
})
afterAll(async () => {
  stop.abort()
  await server.close()
  await loop
})

describe('rollup HTTP transport', () => {
  it('accepts, rejects and answers inspects through the HTTP API, idling with 202 in between', async () => {
    const accredit = await server.advance(metadataAt(0, addresses.rootAuthority), encodeInput(accreditAction(scenario.parties.school, addresses.schoolController)))
    expect(accredit).toMatchObject({ status: 'accept', outputs: [] })
    await new Promise((resolve) => setTimeout(resolve, 150)) // the transport polls /finish and gets 202s

    const presentation = await presentFor(scenario.licence, licenceReveal, { sender: addresses.doctor, nonce: nonce(1) })
    const verified = await server.advance(metadataAt(1, addresses.doctor), submit(presentation, 1))
    expect(verified.status).toBe('accept')
    expect(verified.outputs).toHaveLength(1)
    expect(decodeVerdictNotice((verified.outputs[0] as { payload: Hex }).payload)).toMatchObject({
      verdict: 'verified',
      issuer: scenario.parties.school.controller,
      credentialType: 'MedicalLicenseCredential',
      sender: addresses.doctor,
    })

    const replay = await server.advance(metadataAt(2, addresses.doctor), submit(presentation, 1))
    expect(replay.status).toBe('reject')
    expect(replay.outputs).toEqual([])
    expect(replay.reports.map(decodeReport)).toEqual([expect.objectContaining({ ok: false, code: 'ERR_VERIFIER_NONCE_USED' })])

    const garbage = await server.advance(metadataAt(3, addresses.stranger), '0x1234')
    expect(garbage.reports.map(decodeReport)).toEqual([expect.objectContaining({ code: 'ERR_CARTESI_INPUT_MALFORMED' })])

    const counts = await server.inspect(encodeInspectQuery({ query: 'counts' }))
    expect(counts.reports.map(decodeReport)).toEqual([{ ok: true, result: { counts: expect.objectContaining({ accreditedIssuers: 1, verdicts: 1 }) } }])
    const badQuery = await server.inspect('0x7b7d')
    expect(badQuery.reports.map(decodeReport)).toEqual([expect.objectContaining({ ok: false, code: 'ERR_CARTESI_INPUT_MALFORMED' })])
  })

  it('the server refuses malformed hex with 400, as rollup-http-server does', async () => {
    const answer = await fetch(`${server.url}/report`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: 'zz' }) })
    expect(answer.status).toBe(400)
  })
})
