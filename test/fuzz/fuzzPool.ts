/**
 * The valid material the fuzzer mutates, built once: a verifier state with three accredited
 * issuers, admin inputs that this state accepts, and derived presentations (the expensive part:
 * each BBS derivation costs ~130-250 ms, so there are a dozen, reused by every case).
 */
import type { Address, Hex } from 'viem'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { issuerKeyOf } from '../../src/cartesi/issuerKeyOf.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import type { VerifierAction } from '../../src/cartesi/types.js'
import { generateKeyPair } from '../../src/keys/generateKeyPair.js'
import type { VerifiableCredential } from '../../src/suites/types.js'
import { createVerifier } from '../../verifier/src/createVerifier.js'
import {
  accreditAction,
  addresses,
  createScenario,
  licenceReveal,
  metadataAt,
  nonce,
  presentFor,
  revocationList,
  vaccinationReveal,
} from '../fixtures/verifierScenario.js'

/** A valid input of the pool, with the sender it is valid for. */
export type PoolInput = { name: string; action: VerifierAction; payload: Hex; sender: Address; presentation?: PoolPresentation | undefined }

/** A derived credential and what its source credential kept hidden. */
export type PoolPresentation = {
  text: string
  json: Record<string, unknown>
  /** Claim values of the source credential this presentation does not disclose. */
  undisclosed: readonly string[]
}

export type FuzzPool = {
  /** The exported database every run starts from (and is reset to). */
  baseDatabase: Uint8Array
  /** Index of the next input: every case gets a fresh one, as on a real chain. */
  firstInputIndex: number
  inputs: readonly PoolInput[]
  /** Claim values no presentation of the pool discloses: what a case without a source is scanned for. */
  neverDisclosed: readonly string[]
  senders: readonly Address[]
}

/**
 * Values shorter than this are not scanned for: a 2-5 byte pattern turns up by chance in
 * 32-byte hashes across 100,000 notices, so it would prove nothing either way.
 */
const minScannedLength = 6

const registryDid = 'did:web:registry.example'

export async function createFuzzPool(): Promise<FuzzPool> {
  const scenario = await createScenario()
  const { school, otherIssuer } = scenario.parties
  const [registryKey1, registryKey2, registryKey3] = await Promise.all([1, 2, 3].map((n) => generateKeyPair({ type: 'Bls12381G2', controller: registryDid }).then((key) => ({ ...key, id: `${registryDid}#key-${n}` }))))
  const accreditRegistry: VerifierAction = {
    action: 'accreditIssuer',
    did: registryDid,
    controller: addresses.otherController,
    credentialTypes: ['MedicalLicenseCredential'],
    keys: [issuerKeyOf(registryKey1!)],
    statusLists: [],
  }
  const setup: [VerifierAction, Address][] = [
    [accreditAction(school, addresses.schoolController), addresses.rootAuthority],
    [accreditAction(otherIssuer, addresses.otherController, ['VaccinationCertificate']), addresses.rootAuthority],
    [accreditRegistry, addresses.rootAuthority],
  ]
  const verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority] })
  for (const [index, [action, sender]] of setup.entries()) {
    const result = await verifier.advance({ metadata: metadataAt(index, sender), payload: encodeInput(action) })
    if (result.status !== 'accept') throw new Error(`fuzz pool setup failed: ${JSON.stringify(result.reports.map(decodeReport))}`)
  }
  const baseDatabase = verifier.exportDatabase()
  verifier.close()

  const admin: [string, VerifierAction, Address][] = [
    ['re-accredit the school', accreditAction(school, addresses.schoolController), addresses.rootAuthority],
    ['re-accredit the registry', accreditRegistry, addresses.rootAuthority],
    ['withdraw the other issuer', { action: 'withdrawIssuer', did: otherIssuer.controller }, addresses.rootAuthority],
    ['rotate registry keys', { action: 'rotateIssuerKeys', did: registryDid, add: [issuerKeyOf(registryKey2!)], remove: [registryKey1!.id] }, addresses.otherController],
    ['add a registry key', { action: 'rotateIssuerKeys', did: registryDid, add: [issuerKeyOf(registryKey3!)], remove: [] }, addresses.otherController],
    ['revoke licence 7', { action: 'setCredentialStatus', did: school.controller, statusList: revocationList, entries: [{ index: 7, status: 'revoked' }] }, addresses.schoolController],
    ['reinstate 7, suspend 100000', { action: 'setCredentialStatus', did: school.controller, statusList: revocationList, entries: [{ index: 7, status: 'active' }, { index: 100_000, status: 'suspended' }] }, addresses.schoolController],
    ['a new registry list', { action: 'setCredentialStatus', did: registryDid, statusList: 'https://registry.example/status/1', entries: [{ index: 0, status: 'revoked' }] }, addresses.otherController],
  ]

  type Wanted = [string, VerifiableCredential, string[], Address]
  const wanted: Wanted[] = [
    ['licence', scenario.licence, licenceReveal, addresses.doctor],
    ['licence', scenario.licence, licenceReveal, addresses.doctor],
    ['licence with licensing body', scenario.licence, [...licenceReveal, 'credentialSubject.licensingBody'], addresses.doctor],
    ['revocable licence', scenario.revocableLicence, licenceReveal, addresses.doctor],
    ['vaccination', scenario.vaccination, vaccinationReveal, addresses.patient],
    ['vaccination', scenario.vaccination, vaccinationReveal, addresses.patient],
    ['vaccination with series size', scenario.vaccination, [...vaccinationReveal, 'credentialSubject.seriesSize'], addresses.patient],
    ['vaccination revealing the name', scenario.vaccination, [...vaccinationReveal, 'credentialSubject.recipient.name'], addresses.patient],
    ['licence of an issuer not trusted for it', scenario.otherIssuerLicence, licenceReveal, addresses.doctor],
    ['licence of an unaccredited issuer', scenario.unaccreditedLicence, licenceReveal, addresses.doctor],
  ]
  // Derivations run one after another: the machine's two cores are shared.
  const presentations: PoolInput[] = []
  for (const [i, [name, credential, reveal, sender]] of wanted.entries()) {
    const n = 1_000 + i
    const text = await presentFor(credential, reveal, { sender, nonce: nonce(n) })
    const json = JSON.parse(text) as Record<string, unknown>
    const action: VerifierAction = { action: 'submitPresentation', nonce: nonce(n), presentation: text }
    presentations.push({ name, action, payload: encodeInput(action), sender, presentation: { text, json, undisclosed: undisclosedValues(credential, json) } })
  }
  const disclosedAnywhere = new Set(presentations.flatMap((input) => leaves(input.presentation!.json.credentialSubject).map(([, value]) => value)))
  const allClaims = [scenario.licence, scenario.vaccination].flatMap((credential) => leaves(credential.credentialSubject).map(([, value]) => value))
  return {
    baseDatabase,
    firstInputIndex: setup.length,
    inputs: [...admin.map(([name, action, sender]) => ({ name, action, payload: encodeInput(action), sender })), ...presentations],
    neverDisclosed: [...new Set(allClaims)].filter((value) => !disclosedAnywhere.has(value) && value.length >= minScannedLength),
    senders: Object.values(addresses).filter((address) => address !== addresses.application),
  }
}

/** The source credential's subject values whose JSON pointer the derived credential lacks. */
function undisclosedValues(source: VerifiableCredential, derived: Record<string, unknown>): string[] {
  const shown = leaves(derived.credentialSubject)
  const shownPointers = new Set(shown.map(([pointer]) => pointer))
  const shownValues = new Set(shown.map(([, value]) => value))
  return leaves(source.credentialSubject)
    .filter(([pointer, value]) => !shownPointers.has(pointer) && !shownValues.has(value) && value.length >= minScannedLength)
    .map(([, value]) => value)
}

/** Every leaf of a JSON value as [JSON pointer, value as text]. */
function leaves(value: unknown, pointer = ''): [string, string][] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => leaves(inner, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`))
  }
  return [[pointer, String(value)]]
}
