/**
 * Replaying the same inputs gives the same state and outputs, byte for byte: what Cartesi's
 * fraud proofs rely on. 200 mixed inputs go through two fresh verifiers.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { bytesToHex, type Hex } from 'viem'
import {
  accreditAction,
  addresses,
  createScenario,
  licenceReveal,
  metadataAt,
  nonce,
  presentFor,
  revocationList,
  type Scenario,
  submit,
  vaccinationReveal,
} from '#test/verifierScenario.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { createVerifier } from '../../verifier/src/createVerifier.js'
import type { AdvanceMetadata } from '../../verifier/src/types.js'

type Input = { metadata: AdvanceMetadata; payload: Hex }

/** mulberry32: a seeded generator, so the 200 inputs are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

async function buildInputs(scenario: Scenario, count: number): Promise<Input[]> {
  const random = seeded(2025)
  const school = scenario.parties.school.controller
  const inputs: Input[] = []
  const push = (payload: Hex, sender: `0x${string}`) => inputs.push({ metadata: metadataAt(inputs.length, sender), payload })
  push(encodeInput(accreditAction(scenario.parties.school, addresses.schoolController)), addresses.rootAuthority)
  push(encodeInput(accreditAction(scenario.parties.otherIssuer, addresses.otherController, ['VaccinationCertificate'])), addresses.rootAuthority)
  let lastPresentation: Hex | undefined
  while (inputs.length < count) {
    const n = inputs.length
    switch (n % 10) {
      case 0:
      case 6: {
        const entries = Array.from({ length: 1 + Math.floor(random() * 20) }, (_, i) => ({
          index: i * 1000 + Math.floor(random() * 1000),
          status: (['active', 'revoked', 'suspended'] as const)[Math.floor(random() * 3)] as 'active',
        }))
        push(encodeInput({ action: 'setCredentialStatus', did: school, statusList: revocationList, entries }), addresses.schoolController)
        break
      }
      case 1:
        lastPresentation = submit(await presentFor(scenario.licence, licenceReveal, { sender: addresses.doctor, nonce: nonce(n) }), n)
        push(lastPresentation, addresses.doctor)
        break
      case 2:
        push(submit(await presentFor(scenario.vaccination, vaccinationReveal, { sender: addresses.patient, nonce: nonce(n) }), n), addresses.patient)
        break
      case 3:
        push(bytesToHex(Uint8Array.from({ length: Math.floor(random() * 400) }, () => Math.floor(random() * 256))), addresses.stranger)
        break
      case 4:
        push(encodeInput(accreditAction(scenario.parties.otherIssuer, addresses.stranger)), addresses.stranger)
        break
      case 5:
        // Replays the latest presentation (its nonce is spent), or an empty input before there is one.
        push(lastPresentation ?? '0x', addresses.doctor)
        break
      case 7:
        push(submit(await presentFor(scenario.revocableLicence, licenceReveal, { sender: addresses.doctor, nonce: nonce(n) }), n), addresses.doctor)
        break
      case 8: {
        const tampered = JSON.parse(await presentFor(scenario.licence, licenceReveal, { sender: addresses.doctor, nonce: nonce(n) }))
        tampered.credentialSubject.speciality = 'Surgery'
        push(submit(JSON.stringify(tampered), n), addresses.doctor)
        break
      }
      default: {
        // The revocable licence flips between revoked and active; half the changes come from a stranger.
        const status = random() < 0.5 ? 'revoked' : 'active'
        const sender = Math.floor(n / 10) % 2 === 0 ? addresses.schoolController : addresses.stranger
        push(encodeInput({ action: 'setCredentialStatus', did: school, statusList: revocationList, entries: [{ index: 7, status }] }), sender)
      }
    }
  }
  return inputs
}

async function replay(inputs: Input[]) {
  const verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority] })
  const results = []
  for (const input of inputs) results.push(await verifier.advance(input))
  return { results, database: verifier.exportDatabase() }
}

let inputs: Input[]

beforeAll(async () => {
  inputs = await buildInputs(await createScenario(), 200)
}, 300_000)

describe('determinism', () => {
  it('two fresh verifiers fed the same 200 inputs end byte-identical', async () => {
    const first = await replay(inputs)
    const second = await replay(inputs)
    expect(Buffer.from(first.database).equals(Buffer.from(second.database))).toBe(true)
    expect(second.results).toEqual(first.results)
    // The mix really is mixed: accepted and rejected, notices and reports of several kinds.
    const statuses = first.results.map((r) => r.status)
    expect(statuses.filter((s) => s === 'accept').length).toBeGreaterThan(60)
    expect(statuses.filter((s) => s === 'reject').length).toBeGreaterThan(60)
    // 20 licences and 20 vaccinations verify; the revocable licence does whenever index 7 is active.
    expect(first.results.flatMap((r) => r.outputs).length).toBeGreaterThanOrEqual(40)
    const codes = new Set(first.results.flatMap((r) => r.reports.map(decodeReport)).map((r) => (r.ok ? 'ok' : r.code)))
    expect(codes).toEqual(
      new Set(['ok', 'ERR_CARTESI_INPUT_MALFORMED', 'ERR_VERIFIER_NOT_ROOT_AUTHORITY', 'ERR_VERIFIER_NONCE_USED', 'ERR_VERIFY_PROOF_INVALID', 'ERR_VERIFIER_NOT_CONTROLLER', 'ERR_VERIFY_REVOKED']),
    )
  }, 300_000)
})
