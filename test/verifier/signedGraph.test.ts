/**
 * The Cartesi verifier core judges what the proof covers, not the JSON around it: the attacks
 * of test/unit/verify/signedGraph.test.ts, submitted on chain, are each rejected with their code
 * and leave the SQLite state byte-identical; a valid presentation re-encoded (expanded, inline
 * contexts, a number written as a string) earns the original's verdict notice.
 *
 * Policies: the default VaccinationCertificate policy forbids /credentialSubject/recipient/name;
 * the MedicalLicenseCredential policy requires /validUntil and /credentialStatus.
 */
import { type Address, type Hex } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import { documentLoader } from '#test/credentials.js'
import { expanded, inlinedContexts, integersAsStrings, splitNode } from '#test/jsonLdReencodings.js'
import {
  duplicateKeyText,
  issueLicenceWithHideableStatus,
  issueLicenceWithHideableValidUntil,
  lenientProofValueEdits,
  withProofValue,
  withRenamedValidUntil,
} from '#test/signedGraph.js'
import {
  accreditAction,
  addresses,
  createScenario,
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
import { decodeVerdictNotice } from '../../src/cartesi/verdictNotice.js'
import type { BitstringStatusListEntry } from '../../src/status/types.js'
import type { VerifiableCredential } from '../../src/suites/types.js'
import { createVerifier, type Verifier } from '../../verifier/src/createVerifier.js'
import type { AdvanceResult } from '../../verifier/src/types.js'

type Json = Record<string, unknown>

const sender = addresses.doctor
const licenceSpeciality = ['credentialSubject.speciality']
/** Index 7 is revoked in the verifier's state, index 8 is not: both on the school's registered list. */
const statusAt = (index: number): BitstringStatusListEntry => ({
  id: `${revocationList}#${index}`,
  type: 'BitstringStatusListEntry',
  statusPurpose: 'revocation',
  statusListIndex: String(index),
  statusListCredential: revocationList,
})

let scenario: Scenario
/** The state every verifier of this file starts from: both issuers accredited, index 7 revoked. */
let baseDatabase: Uint8Array
/** A verifier that only ever rejects here: its state must not move. */
let base: Verifier
/** Input index for `base`: one past the setup inputs, then one per case. */
let index = 3
let hideableValidUntil: VerifiableCredential
let hideableStatus: VerifiableCredential

beforeAll(async () => {
  scenario = await createScenario()
  const { school, otherIssuer, doctor } = scenario.parties
  const setup = await createVerifier({ rootAuthorities: [addresses.rootAuthority] })
  const inputs: [Hex, Address][] = [
    [encodeInput(accreditAction(school, addresses.schoolController)), addresses.rootAuthority],
    [encodeInput(accreditAction(otherIssuer, addresses.otherController, ['VaccinationCertificate'])), addresses.rootAuthority],
    [encodeInput({ action: 'setCredentialStatus', did: school.controller, statusList: revocationList, entries: [{ index: 7, status: 'revoked' }] }), addresses.schoolController],
  ]
  for (const [i, [payload, from]] of inputs.entries()) {
    const result = await setup.advance({ metadata: metadataAt(i, from), payload })
    expect(result.status, JSON.stringify(result.reports.map(decodeReport))).toBe('accept')
  }
  baseDatabase = setup.exportDatabase()
  setup.close()
  base = await createVerifier({ rootAuthorities: [addresses.rootAuthority], database: baseDatabase })
  ;[hideableValidUntil, hideableStatus] = await Promise.all([
    issueLicenceWithHideableValidUntil({ issuerKey: school, holder: doctor.controller, credentialStatus: statusAt(8), documentLoader }),
    issueLicenceWithHideableStatus({ issuerKey: school, holder: doctor.controller, credentialStatus: statusAt(7), documentLoader }),
  ])
})

/** A derived credential made for `sender` and nonce `n`, parsed. */
const derivedFor = async (credential: VerifiableCredential, reveal: string[], n: number): Promise<Json> =>
  JSON.parse(await presentFor(credential, reveal, { sender, nonce: nonce(n) })) as Json

type Case = {
  name: string
  /** The presentation text, bound to nonce `n`. */
  presentation: (n: number) => Promise<string>
  code: string | RegExp
}

const cases: Case[] = [
  {
    name: 'a split node: the recipient as two node objects sharing one blank-node id, revealing the name the policy forbids',
    presentation: async (n) => JSON.stringify(splitNode(await derivedFor(scenario.vaccination, [...vaccinationReveal, 'credentialSubject.recipient.name'], n), '/credentialSubject/recipient')),
    // The in-process code, or the verifier's own policy code: either is a refusal by the policy.
    code: /^ERR_VERIFY(ER)?_DISCLOSURE_FORBIDDEN$/,
  },
  {
    name: 'a duplicate key in the JSON text ("doseNumber":7,"doseNumber":2)',
    presentation: async (n) => duplicateKeyText(await derivedFor(scenario.vaccination, vaccinationReveal, n), ['credentialSubject', 'doseNumber'], 7),
    code: 'ERR_VERIFY_JSON_DUPLICATE_KEY',
  },
  {
    name: 'a licence that expired, derived without its non-mandatory validUntil',
    presentation: async (n) => JSON.stringify(await derivedFor(hideableValidUntil, licenceSpeciality, n)),
    code: 'ERR_VERIFY_VALIDITY_END_MISSING',
  },
  {
    name: 'a revoked licence, derived without its non-mandatory status entry',
    presentation: async (n) => JSON.stringify(await derivedFor(hideableStatus, [...licenceSpeciality, 'validUntil'], n)),
    code: 'ERR_VERIFY_STATUS_MISSING',
  },
  {
    name: 'an expired licence whose validUntil an inline context renames ("until")',
    presentation: async (n) => JSON.stringify(withRenamedValidUntil(await derivedFor(hideableValidUntil, [...licenceSpeciality, 'validUntil'], n))),
    code: 'ERR_VERIFY_EXPIRED',
  },
  ...lenientProofValueEdits.map(([edit, change]): Case => ({
    name: `a proofValue with ${edit}`,
    presentation: async (n) => JSON.stringify(withProofValue(await derivedFor(scenario.vaccination, vaccinationReveal, n), change)),
    code: 'ERR_VERIFY_PROOF_VALUE_MALFORMED',
  })),
]

describe('Cartesi verifier: attacks on the JSON around the signed statements are rejected, state untouched', () => {
  it.each(cases.map((c, i) => [c.name, c, 200 + i] as const))('error: %s', async (_name, { presentation, code }, n) => {
    const payload = submit(await presentation(n), n)
    const before = base.exportDatabase()

    const result = await base.advance({ metadata: metadataAt(index++, sender), payload })

    const reports = result.reports.map(decodeReport)
    expect(result.status, JSON.stringify(reports)).toBe('reject')
    expect(result.outputs).toEqual([])
    expect(reports).toEqual([expect.objectContaining({ ok: false, code: typeof code === 'string' ? code : expect.stringMatching(code) })])
    expect((reports[0] as { message: string }).message).toMatch(/^\S.*\.$/)
    expect(Buffer.from(base.exportDatabase()).equals(Buffer.from(before))).toBe(true)
  })
})

/**
 * The original and a re-encoding, each submitted to its own verifier restored from the same
 * state, with the same metadata (input index, sender, block time) and the same nonce.
 */
async function submitTwins(original: string, reencoded: string, n: number): Promise<[AdvanceResult, AdvanceResult]> {
  const run = async (presentation: string) => {
    const verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority], database: baseDatabase })
    try {
      return await verifier.advance({ metadata: metadataAt(50, sender), payload: submit(presentation, n) })
    } finally {
      verifier.close()
    }
  }
  return [await run(original), await run(reencoded)]
}

const noticeOf = (result: AdvanceResult) => {
  expect(result.status, JSON.stringify(result.reports.map(decodeReport))).toBe('accept')
  expect(result.outputs).toHaveLength(1)
  return decodeVerdictNotice((result.outputs[0] as { payload: Hex }).payload)
}

type Reencode = (derived: Json) => Promise<Json> | Json
const reencoded: [string, Reencode, number][] = [
  ['expanded', (derived) => expanded(derived, documentLoader), 300],
  ['inline contexts', (derived) => inlinedContexts(derived), 310],
  ['doseNumber written as the string "2"', (derived) => integersAsStrings(derived), 320],
]

describe('Cartesi verifier: a re-encoded valid presentation earns the original\'s verdict', () => {
  it.each(reencoded)('behavior: %s: the same issuer, type, sender, time and disclosed-claims hash', async (_name, reencode, n) => {
    const derived = await derivedFor(scenario.vaccination, vaccinationReveal, n)
    const [original, other] = await submitTwins(JSON.stringify(derived), JSON.stringify(await reencode(derived)), n)

    const { presentationHash: _originalHash, ...expected } = noticeOf(original)
    const { presentationHash: _otherHash, ...actual } = noticeOf(other)
    expect(actual).toEqual(expected)
  })

  // The notice bytes include presentationHash, which docs/protocol.md defines as keccak256 of the
  // presentation bytes as submitted (and test/fuzz/invariants.ts checks so): byte-identical
  // notices need presentationHash to be a hash of what the proof covers instead.
  it.each(reencoded.slice(0, 2))('behavior: %s: the same notice bytes', async (_name, reencode, n) => {
    const derived = await derivedFor(scenario.vaccination, vaccinationReveal, n + 1)
    const [original, other] = await submitTwins(JSON.stringify(derived), JSON.stringify(await reencode(derived)), n + 1)

    noticeOf(original)
    expect(other.status, JSON.stringify(other.reports.map(decodeReport))).toBe('accept')
    expect(other.outputs).toEqual(original.outputs)
  })
})
