/**
 * The valid material the fuzzer mutates, built once: a verifier state with three accredited
 * issuers, portal deposits and four funded open deals, admin and deal inputs that this state
 * accepts, and derived presentations (the expensive part: each BBS derivation costs ~130-250
 * ms, so there are twenty-nine, reused by every case), eleven of them bound to a holder
 * secret, ten of those with pseudonyms (for a deal's context, or the application's).
 */
import { type Address, bytesToHex, type Hex, padHex, zeroAddress, zeroHash } from 'viem'
import { createApplicationPseudonymContext } from '../../src/cartesi/createApplicationPseudonymContext.js'
import { createDealPseudonymContext } from '../../src/cartesi/createDealPseudonymContext.js'
import { type Erc20Deposit, type EtherDeposit, encodeErc20Deposit, encodeEtherDeposit } from '../../src/cartesi/deposits.js'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { hashPresentation } from '../../src/cartesi/hashPresentation.js'
import { issuerKeyOf } from '../../src/cartesi/issuerKeyOf.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import type { CreateDealAction, VerifierAction } from '../../src/cartesi/types.js'
import { generateKeyPair } from '../../src/keys/generateKeyPair.js'
import { parseDerivedProofValue } from '../../src/suites/bbs-2023/parseDerivedProofValue.js'
import type { ProofFeatureOption, VerifiableCredential } from '../../src/suites/types.js'
import { createVerifier } from '../../verifier/src/createVerifier.js'
import type { PortalAddresses } from '../../verifier/src/types.js'
import {
  accreditAction,
  addresses,
  applicationPseudonymContext,
  type BoundPatient,
  chainId,
  createDealCredentials,
  createScenario,
  dealAddresses,
  firstBlockTimestamp,
  issueBoundClinician,
  issueBoundPatient,
  licenceReveal,
  metadataAt,
  nonce,
  presentBound,
  presentFor,
  presentForDeal,
  presentWithPseudonym,
  revocationList,
  vaccinationReveal,
} from '../fixtures/verifierScenario.js'

/** A portal deposit: its payload is the portal's packed layout, not an envelope. */
export type PoolDeposit = EtherDeposit | Erc20Deposit

/** A valid input of the pool, with the sender it is valid for. */
export type PoolInput = { name: string; action: VerifierAction | PoolDeposit; payload: Hex; sender: Address; presentation?: PoolPresentation | undefined }

/**
 * A derived credential and what its source credential kept hidden: the ground truth the
 * invariants judge a case by, whatever JSON-LD form the case submitted it in. Everything here
 * comes from the derivation itself (the compact form deriveCredential returned), never from a
 * case's payload.
 */
export type PoolPresentation = {
  text: string
  /** The compact form as derived: what the holder revealed, as the proof signs it. */
  json: Record<string, unknown>
  /** Claim values of the source credential this presentation does not disclose. */
  undisclosed: readonly string[]
  /** hashPresentation of the compact form: the notice's hash for every form of it. */
  presentationHash: Hex
  /** The issuer's DID and the credential's types, as derived. */
  issuer: string
  types: readonly string[]
  /** The feature option its proof value names: `baseline` for a plain proof. */
  proofFeature: ProofFeatureOption
  /** With a pseudonym proof: the pseudonym it proves, as the notice carries it, and the context it was made for. */
  pseudonym?: Hex | undefined
  pseudonymContext?: string | undefined
}

export type FuzzPool = {
  /** The exported database every run starts from (and is reset to). */
  baseDatabase: Uint8Array
  /** Index of the next input: every case gets a fresh one, as on a real chain. */
  firstInputIndex: number
  inputs: readonly PoolInput[]
  /** The pool's presentations by their presentationHash: the only proofs a case can carry that verify. */
  presentations: ReadonlyMap<Hex, PoolPresentation>
  /** Claim values no presentation of the pool discloses: what a case without a source is scanned for. */
  neverDisclosed: readonly string[]
  senders: readonly Address[]
  /** The portals the fuzzed verifier reads deposits from. */
  portals: Required<PortalAddresses>
  /** The deals of the base database: ids 1 (ETH), 2 (the token), 3 (ETH), 4 (ETH, per pseudonym); deal 5 is the next one created. */
  deals: readonly CreateDealAction[]
}

/**
 * Values shorter than this are not scanned for: a 2-5 byte pattern turns up by chance in
 * 32-byte hashes across 100,000 notices, so it would prove nothing either way.
 */
const minScannedLength = 6

const registryDid = 'did:web:registry.example'
const { consumer, provider1, provider2, provider3, etherPortal, erc20Portal, token } = dealAddresses
const ether = 10n ** 18n
/** Far enough ahead that 100,000 cases, 12 s apart, all fall before it; the 'block time' mutator goes past. */
const dealExpiry = firstBlockTimestamp + 400n * 86_400n
const vaccinationType = 'VaccinationCertificate'
const measlesPredicates: CreateDealAction['predicates'] = [
  { pointer: '/credentialSubject/vaccine/targetDisease', operator: 'equals', values: ['measles'] },
  { pointer: '/credentialSubject/doseNumber', operator: 'atLeast', values: [2] },
]

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
  const deal = (overrides: Partial<CreateDealAction>): CreateDealAction => ({
    action: 'createDeal',
    credentialType: vaccinationType,
    requiredFields: [],
    predicates: measlesPredicates,
    issuers: [school.controller],
    maxApprovals: 3,
    reward: 100n,
    asset: zeroAddress,
    expiresAt: dealExpiry,
    consumerKey: padHex('0x09', { size: 32 }),
    funding: 250n,
    // The pool's presentations are plain: its deals are sybil-open (paid once per address).
    sybilOpen: true,
    ...overrides,
  })
  // Deal 1 pays two of its three approvals before its budget runs out; deal 2 pays in the token;
  // deal 3 takes either disease, up to dose 5, from the school or the other issuer; deal 4 pays
  // once per pseudonym, whatever address submits.
  const deals: CreateDealAction[] = [
    deal({}),
    deal({ asset: token, reward: 200n, maxApprovals: 2, funding: 400n, requiredFields: ['/credentialSubject/seriesSize'] }),
    deal({
      predicates: [
        { pointer: '/credentialSubject/vaccine/targetDisease', operator: 'oneOf', values: ['measles', 'rubella'] },
        { pointer: '/credentialSubject/doseNumber', operator: 'atMost', values: [5] },
      ],
      issuers: [school.controller, otherIssuer.controller],
      reward: 7n,
      funding: 70n,
      maxApprovals: 10,
    }),
    deal({ sybilOpen: false, reward: 50n, funding: 150n }),
  ]
  const setup: [VerifierAction | Hex, Address][] = [
    [accreditAction(school, addresses.schoolController), addresses.rootAuthority],
    [accreditAction(otherIssuer, addresses.otherController, ['VaccinationCertificate']), addresses.rootAuthority],
    [accreditRegistry, addresses.rootAuthority],
    [encodeEtherDeposit({ sender: consumer, amount: ether, execLayerData: '0x' }), etherPortal],
    [encodeErc20Deposit({ token, sender: consumer, amount: 1_000_000n, execLayerData: '0x' }), erc20Portal],
    ...deals.map((action): [VerifierAction, Address] => [action, consumer]),
  ]
  const portals = { etherPortal, erc20Portal }
  const verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority], portals })
  for (const [index, [action, sender]] of setup.entries()) {
    const result = await verifier.advance({ metadata: metadataAt(index, sender), payload: typeof action === 'string' ? action : encodeInput(action) })
    if (result.status !== 'accept') throw new Error(`fuzz pool setup failed: ${JSON.stringify(result.reports.map(decodeReport))}`)
  }
  const baseDatabase = verifier.exportDatabase()
  verifier.close()

  const deposits: [string, PoolDeposit, Address][] = [
    ['deposit ether', { asset: 'ether', sender: provider1, amount: ether / 10n, execLayerData: '0x' }, etherPortal],
    ['deposit ether with exec-layer data', { asset: 'ether', sender: consumer, amount: 5_000n, execLayerData: '0xdeadbeef' }, etherPortal],
    ['deposit tokens', { asset: 'erc20', token, sender: consumer, amount: 3_000n, execLayerData: '0x' }, erc20Portal],
    ['deposit another token', { asset: 'erc20', token: addresses.stranger, sender: provider2, amount: 1n, execLayerData: '0x' }, erc20Portal],
  ]
  const admin: [string, VerifierAction, Address][] = [
    ['re-accredit the school', accreditAction(school, addresses.schoolController), addresses.rootAuthority],
    ['re-accredit the registry', accreditRegistry, addresses.rootAuthority],
    ['withdraw the other issuer', { action: 'withdrawIssuer', did: otherIssuer.controller }, addresses.rootAuthority],
    ['rotate registry keys', { action: 'rotateIssuerKeys', did: registryDid, add: [issuerKeyOf(registryKey2!)], remove: [registryKey1!.id] }, addresses.otherController],
    ['add a registry key', { action: 'rotateIssuerKeys', did: registryDid, add: [issuerKeyOf(registryKey3!)], remove: [] }, addresses.otherController],
    ['revoke licence 7', { action: 'setCredentialStatus', did: school.controller, statusList: revocationList, entries: [{ index: 7, status: 'revoked' }] }, addresses.schoolController],
    ['reinstate 7, suspend 100000', { action: 'setCredentialStatus', did: school.controller, statusList: revocationList, entries: [{ index: 7, status: 'active' }, { index: 100_000, status: 'suspended' }] }, addresses.schoolController],
    ['a new registry list', { action: 'setCredentialStatus', did: registryDid, statusList: 'https://registry.example/status/1', entries: [{ index: 0, status: 'revoked' }] }, addresses.otherController],
    ['create a deal', deal({ maxApprovals: 2, funding: 1_000n }), consumer],
    ['create a token deal, unfunded', deal({ asset: token, funding: 0n, predicates: [{ pointer: '/credentialSubject/seriesSize', operator: 'atLeast', values: [1] }] }), consumer],
    ['fund deal 1', { action: 'fundDeal', dealId: 1n, amount: 100n }, consumer],
    ['fund deal 2', { action: 'fundDeal', dealId: 2n, amount: 200n }, consumer],
    ['close deal 3', { action: 'closeDeal', dealId: 3n }, consumer],
    ['withdraw ether', { action: 'withdraw', asset: zeroAddress, amount: 1_000n }, consumer],
    ['withdraw tokens', { action: 'withdraw', asset: token, amount: 999_600n }, consumer],
  ]

  /** A presentation to derive; a bound one to submitPresentation for the application's pseudonym context unless told. */
  type Wanted = [string, VerifiableCredential | BoundPatient, string[], Address, { dealId: bigint } | undefined, string?]
  const dealCredentials = await createDealCredentials(scenario.parties)
  // Two patients whose certificates were signed over their commitments: deal 4 pays each once.
  const [patientA, patientB] = await Promise.all([issueBoundPatient(school, 'holder_binding_pseudonym'), issueBoundPatient(school, 'pseudonym')])
  // Three clinicians whose licences were signed over their commitments, for submitPresentation:
  // bound to a secret only, a pseudonym, both.
  const [boundClinician, clinicianA, clinicianB] = await Promise.all([
    issueBoundClinician(school, scenario.parties.doctor.controller, 'anonymous_holder_binding'),
    issueBoundClinician(school, scenario.parties.doctor.controller, 'pseudonym'),
    issueBoundClinician(school, scenario.parties.doctor.controller, 'holder_binding_pseudonym'),
  ])
  const otherApplicationContext = createApplicationPseudonymContext({ chainId, application: addresses.stranger })
  const wanted: Wanted[] = [
    ['licence', scenario.licence, licenceReveal, addresses.doctor, undefined],
    ['licence', scenario.licence, licenceReveal, addresses.doctor, undefined],
    ['licence with licensing body', scenario.licence, [...licenceReveal, 'credentialSubject.licensingBody'], addresses.doctor, undefined],
    ['revocable licence', scenario.revocableLicence, licenceReveal, addresses.doctor, undefined],
    ['vaccination', scenario.vaccination, vaccinationReveal, addresses.patient, undefined],
    ['vaccination', scenario.vaccination, vaccinationReveal, addresses.patient, undefined],
    ['vaccination with series size', scenario.vaccination, [...vaccinationReveal, 'credentialSubject.seriesSize'], addresses.patient, undefined],
    ['vaccination revealing the name', scenario.vaccination, [...vaccinationReveal, 'credentialSubject.recipient.name'], addresses.patient, undefined],
    ['licence of an issuer not trusted for it', scenario.otherIssuerLicence, licenceReveal, addresses.doctor, undefined],
    ['licence of an unaccredited issuer', scenario.unaccreditedLicence, licenceReveal, addresses.doctor, undefined],
    // Bound licences: the notice says holderBound; a pseudonym, the same for one clinician from
    // any address, only for the application's context.
    ['licence bound to its holder', boundClinician, licenceReveal, addresses.doctor, undefined],
    ['clinician A with a pseudonym', clinicianA, licenceReveal, addresses.doctor, undefined],
    ['clinician A with a pseudonym, from another address', clinicianA, licenceReveal, addresses.stranger, undefined],
    ['clinician B with holder binding and a pseudonym', clinicianB, licenceReveal, addresses.patient, undefined],
    ["clinician A with a pseudonym for deal 4's context", clinicianA, licenceReveal, addresses.doctor, undefined, createDealPseudonymContext({ chainId, application: addresses.application, dealId: 4n })],
    ["clinician B with a pseudonym for another application's context", clinicianB, licenceReveal, addresses.patient, undefined, otherApplicationContext],
    // Bound to a deal and a provider: the deal challenge, no nonce.
    ['deal 1, provider 1', dealCredentials.measles, vaccinationReveal, provider1, { dealId: 1n }],
    ['deal 1, provider 2', dealCredentials.measles, vaccinationReveal, provider2, { dealId: 1n }],
    ['deal 1, provider 3', dealCredentials.measles, vaccinationReveal, provider3, { dealId: 1n }],
    ['deal 1, rubella', dealCredentials.rubella, vaccinationReveal, addresses.stranger, { dealId: 1n }],
    ['deal 2 (token), provider 1', dealCredentials.measles, [...vaccinationReveal, 'credentialSubject.seriesSize'], provider1, { dealId: 2n }],
    ['deal 3, a first dose', dealCredentials.firstDose, vaccinationReveal, addresses.patient, { dealId: 3n }],
    // Deal 4: one patient from three addresses is paid once, another patient once more.
    ['deal 4, patient A from provider 1', patientA, vaccinationReveal, provider1, { dealId: 4n }],
    ['deal 4, patient A from provider 2', patientA, vaccinationReveal, provider2, { dealId: 4n }],
    ['deal 4, patient A from provider 3', patientA, vaccinationReveal, provider3, { dealId: 4n }],
    ['deal 4, patient B from provider 1', patientB, vaccinationReveal, provider1, { dealId: 4n }],
    ['deal 1 (sybil-open), patient B with a pseudonym proof', patientB, vaccinationReveal, provider2, { dealId: 1n }],
    // Deal 5 is whatever the first createDeal a run accepts says: fuzzed terms meet real presentations.
    ['deal 5, provider 2', dealCredentials.measles, [...vaccinationReveal, 'credentialSubject.seriesSize'], provider2, { dealId: 5n }],
    ['deal 5, provider 3', dealCredentials.otherIssuerMeasles, vaccinationReveal, provider3, { dealId: 5n }],
  ]
  // Derivations run one after another: the machine's two cores are shared.
  const presentations: PoolInput[] = []
  for (const [i, [name, source, reveal, sender, forDeal, pseudonymContext = applicationPseudonymContext]] of wanted.entries()) {
    const n = 1_000 + i
    const bound = isBoundPatient(source) ? source : undefined
    const credential: VerifiableCredential = bound ? bound.credential : (source as VerifiableCredential)
    const text = bound && forDeal
      ? await presentWithPseudonym(bound, reveal, { dealId: forDeal.dealId, provider: sender })
      : forDeal
        ? await presentForDeal(credential, reveal, { dealId: forDeal.dealId, provider: sender })
        : bound
          ? await presentBound(bound, reveal, { sender, nonce: nonce(n) }, pseudonymContext)
          : await presentFor(credential, reveal, { sender, nonce: nonce(n) })
    const json = JSON.parse(text) as Record<string, unknown>
    const action: VerifierAction = forDeal
      ? { action: 'submitToDeal', dealId: forDeal.dealId, presentation: text, deliveryHash: i % 2 === 0 ? zeroHash : padHex('0xde11', { size: 32 }) }
      : { action: 'submitPresentation', nonce: nonce(n), presentation: text }
    const issuer = typeof json.issuer === 'string' ? json.issuer : (json.issuer as { id?: unknown } | undefined)?.id
    if (typeof issuer !== 'string' || !Array.isArray(json.type)) throw new Error(`fuzz pool: ${name} was derived without an issuer or types`)
    const { featureOption, pseudonym, nymDomain } = parseDerivedProofValue((json.proof as { proofValue: string }).proofValue)
    const presentation: PoolPresentation = {
      text,
      json,
      undisclosed: undisclosedValues(credential, json),
      presentationHash: hashPresentation(json),
      issuer,
      types: json.type.map(String),
      proofFeature: featureOption,
      ...(pseudonym ? { pseudonym: bytesToHex(pseudonym) } : {}),
      ...(nymDomain ? { pseudonymContext: new TextDecoder().decode(nymDomain) } : {}),
    }
    presentations.push({ name, action, payload: encodeInput(action), sender, presentation })
  }
  const byHash = new Map(presentations.map((input) => [input.presentation!.presentationHash, input.presentation!]))
  if (byHash.size !== presentations.length) throw new Error('fuzz pool: two presentations share a proof value')
  const disclosedAnywhere = new Set(presentations.flatMap((input) => leaves(input.presentation!.json.credentialSubject).map(([, value]) => value)))
  const allClaims = [scenario.licence, scenario.vaccination, ...Object.values(dealCredentials), patientA.credential, patientB.credential, boundClinician.credential, clinicianA.credential, clinicianB.credential].flatMap((credential) => leaves(credential.credentialSubject).map(([, value]) => value))
  return {
    baseDatabase,
    firstInputIndex: setup.length,
    inputs: [
      ...deposits.map(([name, deposit, sender]) => ({ name, action: deposit, payload: deposit.asset === 'ether' ? encodeEtherDeposit(deposit) : encodeErc20Deposit(deposit), sender })),
      ...admin.map(([name, action, sender]) => ({ name, action, payload: encodeInput(action), sender })),
      ...presentations,
    ],
    presentations: byHash,
    neverDisclosed: [...new Set(allClaims)].filter((value) => !disclosedAnywhere.has(value) && value.length >= minScannedLength),
    senders: [...new Set([...Object.values(addresses), consumer, provider1, provider2, provider3, etherPortal, erc20Portal])].filter((address) => address !== addresses.application),
    portals,
    deals,
  }
}

const isBoundPatient = (source: VerifiableCredential | BoundPatient): source is BoundPatient => 'holder' in source && 'credential' in source

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
