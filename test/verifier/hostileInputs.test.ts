/**
 * Bounded work in the Cartesi verifier: each hostile shape, at the largest input the verifier
 * reads (src/cartesi maxInputBytes) and at the largest that passes the bounds counted on the
 * JSON, is rejected with the code of the bound it passes, before any proof work (the suites'
 * proof checks, where canonicalisation and BBS happen, are never called), and leaves the
 * database byte-identical. The bounds are counts (verifySubmittedCredential's
 * machineInputLimits), so a replay decides the same. A plain proof relabelled with a bbs-2023
 * feature option (holder binding, pseudonyms) is refused when its value is read, before the
 * proof check; a feature proof claiming more committed messages than its option commits, by
 * its length, before any BBS work. Nothing here measures time.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import * as cborg from 'cborg'
import { type Hex, size } from 'viem'
import { readMattrFixture } from '#test/mattr-bbs-2020/fixtures.js'
import { accreditAction, addresses, createScenario, licenceReveal, metadataAt, nonce, presentFor, revocationList, type Scenario, submit } from '#test/verifierScenario.js'
import { maxInputBytes } from '../../src/cartesi/protocol.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { checkJsonBounds } from '../../src/suites/inputBounds/jsonBounds.js'
import { proofSuites } from '../../src/suites/registry.js'
import { createVerifier, type Verifier } from '../../verifier/src/createVerifier.js'
import { machineInputLimits } from '../../verifier/src/verification/verifySubmittedCredential.js'
import { buildHostile, growHostile, type HostileBase, type HostileShape } from './hostileCredentials.js'

let scenario: Scenario
let verifier: Verifier
let base: HostileBase
let index = 0
let n = 1_000

/** Every input this verifier reads fits in one payload of at most maxInputBytes. */
const fitsInput = (text: string) => size(submit(text, 1)) <= maxInputBytes

beforeAll(async () => {
  scenario = await createScenario()
  verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority] })
  const accept = async (payload: Hex, sender: `0x${string}`) => expect((await verifier.advance({ metadata: metadataAt(index++, sender), payload })).status).toBe('accept')
  await accept(encodeInput(accreditAction(scenario.parties.school, addresses.schoolController)), addresses.rootAuthority)
  await accept(
    encodeInput({ action: 'setCredentialStatus', did: scenario.parties.school.controller, statusList: revocationList, entries: [{ index: 7, status: 'revoked' }] }),
    addresses.schoolController,
  )
  const derived = JSON.parse(await presentFor(scenario.licence, licenceReveal, { sender: addresses.doctor, nonce: nonce(1) })) as Record<string, unknown>
  base = { derived, legacy: readMattrFixture('signed-licence').credential as unknown as Record<string, unknown> }
})

afterEach(() => vi.restoreAllMocks())

/** Submits `text`; returns the refusal's code after checking nothing changed and no proof was checked. */
async function refused(text: string): Promise<string> {
  const proofChecks = proofSuites.map((suite) => vi.spyOn(suite, 'verify'))
  const before = verifier.exportDatabase()
  const result = await verifier.advance({ metadata: metadataAt(index++, addresses.doctor), payload: submit(text, ++n) })
  const reports = result.reports.map(decodeReport)
  expect(result.status, JSON.stringify(reports)).toBe('reject')
  expect(result.outputs).toEqual([])
  expect(Buffer.from(verifier.exportDatabase()).equals(Buffer.from(before))).toBe(true)
  for (const check of proofChecks) expect(check).not.toHaveBeenCalled()
  const [report] = reports as [{ ok: boolean; code: string; message: string }]
  expect(report.ok).toBe(false)
  expect(report.message.length).toBeGreaterThan(10)
  return report.code
}

describe('a hostile input of the largest size the verifier reads is rejected, state unchanged, before any proof work', () => {
  it.each<[HostileShape, string]>([
    ['blankNodes', 'ERR_VERIFY_INPUT_TOO_MANY_VALUES'],
    ['statements', 'ERR_VERIFY_INPUT_TOO_MANY_VALUES'],
    ['messages', 'ERR_VERIFY_INPUT_TOO_MANY_MESSAGES'],
    ['legacy2020', 'ERR_VERIFY_INPUT_TOO_MANY_VALUES'],
    ['deepNesting', 'ERR_VERIFY_INPUT_TOO_DEEP'],
    ['deepReferences', 'ERR_VERIFY_INPUT_TOO_MANY_VALUES'],
    ['scopedContexts', 'ERR_VERIFY_INPUT_TOO_MANY_VALUES'],
  ])('%s', async (shape, code) => {
    const { text } = growHostile(shape, base, fitsInput)
    // The largest: one more unit would not fit in an input.
    expect(size(submit(text, 1))).toBeGreaterThan(maxInputBytes - 200)
    expect(await refused(text)).toBe(code)
  })
})

describe('within every bound checked before its own, each shape meets its own bound', () => {
  // Sizes between the shape's own bound and the bounds checked before it (machineInputLimits:
  // 1,024 JSON values, 32 context applications, 512 statements, 128 blank nodes, 64 messages).
  it.each<[HostileShape, number, string]>([
    ['blankNodes', 300, 'ERR_VERIFY_INPUT_TOO_MANY_BLANK_NODES'],
    ['statements', 600, 'ERR_VERIFY_INPUT_TOO_MANY_STATEMENTS'],
    ['messages', 600, 'ERR_VERIFY_INPUT_TOO_MANY_MESSAGES'],
    ['legacy2020', 200, 'ERR_VERIFY_INPUT_TOO_MANY_BLANK_NODES'],
    ['deepReferences', 100, 'ERR_VERIFY_INPUT_TOO_DEEP'],
    ['scopedContexts', 300, 'ERR_VERIFY_INPUT_TOO_MANY_CONTEXTS'],
  ])('%s (%i)', async (shape, units, code) => {
    const text = buildHostile(shape, base, units)
    expect(fitsInput(text)).toBe(true)
    if (code !== 'ERR_VERIFY_INPUT_TOO_MANY_CONTEXTS') expect(checkJsonBounds(JSON.parse(text), machineInputLimits)).toBeUndefined()
    expect(await refused(text)).toBe(code)
  })
})

describe('cheap refusals before the proof', () => {
  it('a claimed type this verifier has no policy for is refused before its proof, which it could never pass', async () => {
    const credential = structuredClone(base.derived)
    credential.type = ['VerifiableCredential']
    expect(await refused(JSON.stringify(credential))).toBe('ERR_VERIFIER_CREDENTIAL_TYPE_UNSUPPORTED')
  })

  it('a claimed type renamed by an inline context is read as the verified view reads it: the proof still runs', async () => {
    // The same statements, the type spelt by an alias: unsigned data may refuse, never misread.
    const credential = structuredClone(base.derived)
    const context = credential['@context'] as unknown[]
    credential['@context'] = [...context, { Licence: 'https://w3id.org/medcred/vocab#MedicalLicenseCredential' }]
    credential.type = ['VerifiableCredential', 'Licence']
    const before = verifier.exportDatabase()
    const result = await verifier.advance({ metadata: metadataAt(index++, addresses.doctor), payload: submit(JSON.stringify(credential), 1) })
    const reports = result.reports.map(decodeReport) as { ok: boolean; code?: string }[]
    // Derived for nonce 1 and submitted with nonce 1: verified, whatever the alias.
    expect(reports[0], JSON.stringify(reports)).toMatchObject({ ok: true })
    expect(Buffer.from(verifier.exportDatabase()).equals(Buffer.from(before))).toBe(false)
  })

  /** The base credential with its proof value's header byte set to `header`, its CBOR components changed by `change`. */
  function withFeatureHeader(header: number, change: (components: unknown[]) => unknown[] = (components) => components): string {
    const credential = structuredClone(base.derived) as { proof: { proofValue: string } }
    const bytes = Buffer.from(credential.proof.proofValue.slice(1), 'base64url')
    expect([...bytes.subarray(0, 3)]).toEqual([0xd9, 0x5d, 0x03])
    const components = cborg.decode(bytes.subarray(3), { useMaps: true }) as unknown[]
    credential.proof.proofValue = `u${Buffer.from([0xd9, 0x5d, header, ...cborg.encode(change(components))]).toString('base64url')}`
    return JSON.stringify(credential)
  }

  // The machine takes every feature option (submitPresentation): a plain proof relabelled lacks
  // its option's components, and is refused when its value is read to count its messages.
  it.each([
    [0x05, 'anonymous_holder_binding'],
    [0x07, 'pseudonym'],
    [0x09, 'holder_binding_pseudonym'],
  ])('a plain derived credential relabelled %i (%s) is refused on its proof value: ERR_VERIFY_PROOF_VALUE_MALFORMED', async (header) => {
    expect(await refused(withFeatureHeader(header))).toBe('ERR_VERIFY_PROOF_VALUE_MALFORMED')
  })

  it('a well-formed holder-binding proof value (lengthBBSMessages added) whose proof commits nothing is refused by its length, state unchanged', async () => {
    const text = withFeatureHeader(0x05, (components) => {
      const [bbsProof, , , selectiveIndexes] = components as [Uint8Array, unknown, unknown, number[]]
      // Room for the blind and one holder secret after the issuer's messages.
      return [...components, selectiveIndexes.length + (bbsProof.length - 272) / 32 - 2]
    })
    // Its proof check runs (the option is taken) and refuses the proof on its length, before
    // BlindProofVerify: test/verifier/pseudonymGenerators.test.ts counts the hashes to the curve.
    const before = verifier.exportDatabase()
    const result = await verifier.advance({ metadata: metadataAt(index++, addresses.doctor), payload: submit(text, ++n) })
    expect(result.status).toBe('reject')
    expect(result.reports.map(decodeReport)).toEqual([expect.objectContaining({ ok: false, code: 'ERR_VERIFY_PROOF_INVALID' })])
    expect(Buffer.from(verifier.exportDatabase()).equals(Buffer.from(before))).toBe(true)
  })

  it('and the verifier still accepts a good input after every refusal', async () => {
    const payload = submit(await presentFor(scenario.licence, licenceReveal, { sender: addresses.doctor, nonce: nonce(99) }), 99)
    const result = await verifier.advance({ metadata: metadataAt(index++, addresses.doctor), payload })
    expect(result.status).toBe('accept')
  })
})
