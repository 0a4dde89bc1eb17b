/**
 * Every refused input leaves the verifier's database byte-identical and says why in a report:
 * the hostile credentials of the in-process verifier, and the machine's own refusals.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { type Address, concat, encodeAbiParameters, type Hex, padHex, parseAbiParameters } from 'viem'
import {
  accreditAction,
  addresses,
  createScenario,
  licenceReveal,
  metadataAt,
  nonce,
  presentFor,
  publicKeyOf,
  revocationList,
  type Scenario,
  submit,
  vaccinationReveal,
} from '#test/verifierScenario.js'
import { documentLoader } from '#test/credentials.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import { issueCredential } from '../../src/suites/bbs-2023/issueCredential.js'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { createVerifier, type Verifier } from '../../verifier/src/createVerifier.js'

type Case = {
  name: string
  /** The input, built once the scenario exists. */
  payload: () => Promise<Hex> | Hex
  sender?: Address
  /** Seconds added to the first block's timestamp. */
  at?: bigint
  overrides?: Parameters<typeof metadataAt>[2]
  code: string
}

let scenario: Scenario
let base: Verifier
let index = 0

/** A verifier in a known state: school accredited, one licence revoked, one presentation verified. */
async function freshVerifier(): Promise<Verifier> {
  const verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority] })
  const accept = async (payload: Hex, sender: Address) => {
    const result = await verifier.advance({ metadata: metadataAt(index++, sender), payload })
    expect(result.status, JSON.stringify(result.reports.map(decodeReport))).toBe('accept')
  }
  await accept(encodeInput(accreditAction(scenario.parties.school, addresses.schoolController)), addresses.rootAuthority)
  await accept(encodeInput(accreditAction(scenario.parties.otherIssuer, addresses.otherController, ['VaccinationCertificate'])), addresses.rootAuthority)
  await accept(
    encodeInput({ action: 'setCredentialStatus', did: scenario.parties.school.controller, statusList: revocationList, entries: [{ index: 7, status: 'revoked' }] }),
    addresses.schoolController,
  )
  await accept(submit(await presentFor(scenario.licence, licenceReveal, { sender: addresses.doctor, nonce: nonce(1) }), 1), addresses.doctor)
  return verifier
}

const edit = (mutate: (credential: Record<string, any>) => void, reveal = licenceReveal, n = 50) => async () => {
  const credential = JSON.parse(await presentFor(scenario.licence, reveal, { sender: addresses.doctor, nonce: nonce(n) }))
  mutate(credential)
  return submit(JSON.stringify(credential), n)
}
const present = (credential: () => Scenario[keyof Scenario], reveal: string[], binding: Partial<Parameters<typeof presentFor>[2]> = {}, n = 60) => async () =>
  submit(await presentFor(credential() as never, reveal, { sender: addresses.doctor, nonce: nonce(n), ...binding }), n)
const flipByte = (text: string) => `${text.slice(0, 40)}${text[40] === 'A' ? 'B' : 'A'}${text.slice(41)}`

const cases: Case[] = [
  // The hostile credentials of the in-process verifier (test/unit/verify/hostileInputs.test.ts).
  { name: 'tampered revealed value', payload: edit((c) => (c.credentialSubject.speciality = 'Neurosurgery')), code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'tampered mandatory value', payload: edit((c) => (c.credentialSubject.jurisdiction = 'DE')), code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'tampered proof bytes', payload: edit((c) => (c.proof.proofValue = flipByte(c.proof.proofValue))), code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'truncated proof value', payload: edit((c) => (c.proof.proofValue = c.proof.proofValue.slice(0, 50))), code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'proof claimed for another accredited key', payload: edit((c) => (c.proof.verificationMethod = scenario.parties.otherIssuer.id)), code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'signed by a key its issuer does not control', payload: edit((c) => (c.issuer = scenario.parties.otherIssuer.controller)), code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'issuer not accredited', payload: present(() => scenario.unaccreditedLicence, licenceReveal), code: 'ERR_DID_NOT_FOUND' },
  { name: 'issuer accredited, not for this type', payload: present(() => scenario.otherIssuerLicence, licenceReveal), code: 'ERR_VERIFY_ISSUER_NOT_TRUSTED_FOR_TYPE' },
  { name: 'expired at the block time', payload: present(() => scenario.licence, licenceReveal), at: 4n * 365n * 86_400n, code: 'ERR_VERIFY_EXPIRED' },
  { name: 'not yet valid at the block time', payload: present(() => scenario.licence, licenceReveal), at: -2n * 365n * 86_400n, code: 'ERR_VERIFY_NOT_YET_VALID' },
  { name: 'revoked by its issuer', payload: present(() => scenario.revocableLicence, licenceReveal), code: 'ERR_VERIFY_REVOKED' },
  { name: 'status list not registered', payload: edit((c) => (c.credentialStatus = { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '1', statusListCredential: 'https://evil.example/list' })), code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'derived for another nonce', payload: async () => submit(await presentFor(scenario.licence, licenceReveal, { sender: addresses.doctor, nonce: nonce(70) }), 71), code: 'ERR_VERIFY_CHALLENGE_MISMATCH' },
  { name: 'required field not revealed', payload: present(() => scenario.licence, ['credentialSubject.name']), code: 'ERR_VERIFY_DISCLOSURE_MISSING' },
  { name: 'a field the policy keeps off-chain', payload: present(() => scenario.vaccination, [...vaccinationReveal, 'credentialSubject.recipient.name']), code: 'ERR_VERIFY_DISCLOSURE_FORBIDDEN' },
  { name: 'unknown cryptosuite', payload: edit((c) => (c.proof.cryptosuite = 'bbs-2099')), code: 'ERR_VERIFY_CRYPTOSUITE_UNSUPPORTED' },
  { name: 'legacy proof type', payload: edit((c) => (c.proof.type = 'Ed25519Signature2018')), code: 'ERR_VERIFY_CRYPTOSUITE_UNSUPPORTED' },
  { name: 'a context URL not bundled', payload: edit((c) => c['@context'].push('https://evil.example/context.jsonld')), code: 'ERR_CONTEXT_NOT_BUNDLED' },
  { name: 'an unresolvable verification method', payload: edit((c) => (c.proof.verificationMethod = 'did:key:zNotAKey#zNotAKey')), code: 'ERR_DID_NOT_FOUND' },
  { name: 'malformed JSON', payload: () => submit('{"@context": [', 80), code: 'ERR_VERIFY_INPUT_MALFORMED' },
  { name: 'JSON that is not an object', payload: () => submit('[1,2,3]', 81), code: 'ERR_VERIFY_INPUT_MALFORMED' },
  { name: 'no proof', payload: edit((c) => delete c.proof), code: 'ERR_VERIFY_CREDENTIAL_MALFORMED' },
  { name: 'VC 1.1 context first', payload: edit((c) => (c['@context'][0] = 'https://www.w3.org/2018/credentials/v1')), code: 'ERR_VERIFY_CREDENTIAL_MALFORMED' },
  { name: 'JSON nested 10,000 deep', payload: () => submit(`${'['.repeat(10_000)}${']'.repeat(10_000)}`, 82), code: 'ERR_VERIFY_INPUT_TOO_DEEP' },
  { name: 'invalid validFrom', payload: edit((c) => (c.validFrom = 'yesterday')), code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'a block time past the range of dates', payload: present(() => scenario.licence, licenceReveal), at: 2n ** 53n, code: 'ERR_VERIFIER_BLOCK_TIME_INVALID' },
  { name: 'a type changed after signing', payload: edit((c) => (c.type = ['VerifiableCredential', 'LibraryCard'])), code: 'ERR_VERIFY_PROOF_INVALID' },
  {
    name: 'a signed credential of a type its issuer is not accredited for',
    payload: async () => {
      const { type: _type, ...licence } = structuredClone(scenario.licence) as unknown as Record<string, unknown>
      const { proof: _proof, ...unsigned } = licence
      const generic = await issueCredential({ credential: { ...unsigned, type: ['VerifiableCredential'] } as never, issuerKey: scenario.parties.school, documentLoader })
      return submit(await presentFor(generic, [], { sender: addresses.doctor, nonce: nonce(90) }), 90)
    },
    // Refused before its proof: no type this verifier has a policy for (the claimed types may
    // refuse early; 'issuer accredited, not for this type' still reaches the trust check).
    code: 'ERR_VERIFIER_CREDENTIAL_TYPE_UNSUPPORTED',
  },
  // The machine's own refusals.
  { name: 'accreditation from a non-root sender', payload: () => encodeInput(accreditAction(scenario.parties.otherIssuer, addresses.stranger)), sender: addresses.stranger, code: 'ERR_VERIFIER_NOT_ROOT_AUTHORITY' },
  { name: 'withdrawal from a non-root sender', payload: () => encodeInput({ action: 'withdrawIssuer', did: scenario.parties.school.controller }), sender: addresses.schoolController, code: 'ERR_VERIFIER_NOT_ROOT_AUTHORITY' },
  {
    name: 'a status change by someone other than the controller',
    payload: () => encodeInput({ action: 'setCredentialStatus', did: scenario.parties.school.controller, statusList: revocationList, entries: [{ index: 7, status: 'active' }] }),
    sender: addresses.stranger,
    code: 'ERR_VERIFIER_NOT_CONTROLLER',
  },
  {
    name: 'a key rotation by someone other than the controller',
    payload: () => encodeInput({ action: 'rotateIssuerKeys', did: scenario.parties.school.controller, add: [], remove: [scenario.parties.school.id] }),
    sender: addresses.otherController,
    code: 'ERR_VERIFIER_NOT_CONTROLLER',
  },
  { name: 'a reused nonce', payload: present(() => scenario.licence, licenceReveal, { nonce: nonce(1) }, 1), code: 'ERR_VERIFIER_NONCE_USED' },
  { name: 'a challenge for another chain', payload: present(() => scenario.licence, licenceReveal, { chainId: 1n }), code: 'ERR_VERIFY_CHALLENGE_MISMATCH' },
  { name: 'a challenge for another application', payload: present(() => scenario.licence, licenceReveal, { application: addresses.stranger }), code: 'ERR_VERIFY_CHALLENGE_MISMATCH' },
  { name: 'a challenge for another sender', payload: present(() => scenario.licence, licenceReveal, { sender: addresses.patient }), code: 'ERR_VERIFY_CHALLENGE_MISMATCH' },
  { name: 'a truncated envelope', payload: () => encodeInput({ action: 'withdrawIssuer', did: 'did:key:z1' }).slice(0, 100) as Hex, code: 'ERR_CARTESI_INPUT_MALFORMED' },
  { name: 'an empty input', payload: () => '0x', code: 'ERR_CARTESI_INPUT_MALFORMED' },
  { name: 'bytes after the envelope', payload: () => concat([encodeInput({ action: 'withdrawIssuer', did: 'did:key:z1' }), '0x00']), code: 'ERR_CARTESI_INPUT_MALFORMED' },
  { name: 'an unknown action', payload: () => encodeAbiParameters(parseAbiParameters('uint16, uint8, bytes'), [1, 99, '0x']), code: 'ERR_CARTESI_ACTION_UNKNOWN' },
  { name: 'another protocol version', payload: () => encodeAbiParameters(parseAbiParameters('uint16, uint8, bytes'), [2, 1, '0x']), code: 'ERR_CARTESI_INPUT_VERSION' },
  { name: 'an oversize input', payload: () => submit(JSON.stringify({ padding: 'x'.repeat(70 * 1024) }), 83), code: 'ERR_CARTESI_INPUT_TOO_LARGE' },
  { name: 'a presentation that is not UTF-8', payload: () => encodeAbiParameters(parseAbiParameters('uint16, uint8, bytes'), [1, 5, encodeAbiParameters(parseAbiParameters('bytes32, bytes'), [nonce(84), '0xfffe'])]), code: 'ERR_CARTESI_INPUT_MALFORMED' },
  { name: 'an unknown status value', payload: () => encodeAbiParameters(parseAbiParameters('uint16, uint8, bytes'), [1, 4, encodeAbiParameters(parseAbiParameters('string, string, (uint32, uint8)[]'), [scenario.parties.school.controller, revocationList, [[1, 9]]])]), sender: addresses.schoolController, code: 'ERR_CARTESI_INPUT_MALFORMED' },
  { name: 'a status index wider than uint32', payload: () => encodeAbiParameters(parseAbiParameters('uint16, uint8, bytes'), [1, 4, encodeAbiParameters(parseAbiParameters('string, string, (uint256, uint8)[]'), [scenario.parties.school.controller, revocationList, [[2n ** 32n, 1]]])]), sender: addresses.schoolController, code: 'ERR_CARTESI_INPUT_MALFORMED' },
  {
    name: 'an accreditation whose key is not a G2 point',
    payload: () => encodeInput({ ...accreditAction(scenario.parties.otherIssuer, addresses.otherController), keys: [{ id: `${scenario.parties.otherIssuer.controller}#k`, publicKey: padHex('0x01', { size: 96 }) }] } as never),
    sender: addresses.rootAuthority,
    code: 'ERR_VERIFIER_KEY_INVALID',
  },
  {
    name: 'a did:key accredited with a key it does not encode',
    payload: () => encodeInput({ ...accreditAction(scenario.parties.otherIssuer, addresses.otherController), keys: [{ id: scenario.parties.otherIssuer.id, publicKey: publicKeyOf(scenario.parties.school) }] } as never),
    sender: addresses.rootAuthority,
    code: 'ERR_VERIFIER_KEY_INVALID',
  },
  { name: 'an accreditation for an unknown credential type', payload: () => encodeInput(accreditAction(scenario.parties.otherIssuer, addresses.otherController, ['LibraryCard'])), sender: addresses.rootAuthority, code: 'ERR_VERIFIER_CREDENTIAL_TYPE_UNSUPPORTED' },
  { name: 'a status change listing an index twice', payload: () => encodeInput({ action: 'setCredentialStatus', did: scenario.parties.school.controller, statusList: revocationList, entries: [{ index: 3, status: 'revoked' }, { index: 3, status: 'active' }] }), sender: addresses.schoolController, code: 'ERR_VERIFIER_DUPLICATE' },
]

beforeAll(async () => {
  scenario = await createScenario()
  base = await freshVerifier()
})

describe('a rejected input changes nothing', () => {
  it.each(cases)('$name', async ({ payload, sender, at, overrides, code }) => {
    const input = await payload()
    const before = base.exportDatabase()
    const metadata = metadataAt(index++, sender ?? addresses.doctor, overrides)
    const result = await base.advance({ metadata: { ...metadata, blockTimestamp: metadata.blockTimestamp + (at ?? 0n) }, payload: input })
    const reports = result.reports.map(decodeReport)
    expect(result.status, JSON.stringify(reports)).toBe('reject')
    expect(result.outputs).toEqual([])
    expect(reports).toEqual([expect.objectContaining({ ok: false, code })])
    expect((reports[0] as { message: string }).message.length).toBeGreaterThan(10)
    expect(Buffer.from(base.exportDatabase()).equals(Buffer.from(before))).toBe(true)
  })

  it('and the verifier still accepts good input afterwards', async () => {
    const payload = submit(await presentFor(scenario.licence, licenceReveal, { sender: addresses.doctor, nonce: nonce(99) }), 99)
    const result = await base.advance({ metadata: metadataAt(index++, addresses.doctor), payload })
    expect(result.status).toBe('accept')
  })
})

