/**
 * The five-minute walk-through: a medical school issues a licence, the doctor reveals only
 * speciality (plus what is mandatory) to a hospital, the hospital verifies it, the school
 * revokes it, and the hospital sees that.
 */
import {
  allocateStatusEntry,
  createBitstringStatusChecker,
  createDidResolver,
  createDocumentLoader,
  createMedicalLicenseCredential,
  createStatusList,
  deriveCredential,
  generateKeyPair,
  issueCredential,
  issueStatusListCredential,
  presentCredentials,
  setCredentialStatus,
  verifyPresentation,
} from 'medcred'

export type WalkthroughStep = { step: string; ok: boolean; detail: string }

export async function runWalkthrough(log: (step: WalkthroughStep) => void = () => {}): Promise<WalkthroughStep[]> {
  const steps: WalkthroughStep[] = []
  const record = (step: string, ok: boolean, detail: string) => {
    const entry = { step, ok, detail }
    steps.push(entry)
    log(entry)
  }
  const didResolver = createDidResolver()
  const documentLoader = createDocumentLoader({ didResolver })
  const now = new Date('2025-06-01T12:00:00Z')

  // 1. The school and the doctor get keys; their DIDs are did:key identifiers.
  const school = await generateKeyPair({ type: 'Bls12381G2' })
  const doctor = await generateKeyPair({ type: 'Ed25519' })
  record('keys', true, `school ${school.controller.slice(0, 32)}…, doctor ${doctor.controller.slice(0, 32)}…`)

  // 2. The school keeps a revocation list and issues the licence with an entry on it.
  let list = await createStatusList({ id: 'https://school.example/status/1', purpose: 'revocation' })
  const allocated = allocateStatusEntry(list)
  list = allocated.list
  const licence = createMedicalLicenseCredential({
    issuer: school.controller,
    holder: doctor.controller,
    name: 'Dr Amira Haddad',
    profession: 'Physician',
    speciality: 'Cardiology',
    licenceNumber: 'BIG-19023456701',
    jurisdiction: 'NL',
    licensingBody: 'CIBG BIG-register',
    degree: { name: 'Doctor of Medicine', school: 'Leiden University Medical Center', graduationDate: '2012-07-01' },
    validFrom: '2024-01-01T00:00:00Z',
    validUntil: '2029-01-01T00:00:00Z',
    credentialStatus: allocated.entry,
  })
  const signed = await issueCredential({ credential: licence, issuerKey: school, documentLoader })
  record('issue', true, `bbs-2023 licence, status index ${allocated.entry.statusListIndex}`)

  // 3. The hospital sends a challenge; the doctor reveals speciality only and signs the presentation.
  const challenge = 'hospital-nonce-0001'
  const derived = await deriveCredential({ credential: signed, reveal: ['credentialSubject.speciality'], presentationHeader: challenge, documentLoader })
  const presentation = await presentCredentials({ credentials: [derived], challenge, domain: 'hospital.example', holderKey: doctor, documentLoader })
  const hidden = ['Amira', 'BIG-19023456701', 'Leiden'].filter((value) => JSON.stringify(presentation).includes(value))
  record('derive + present', hidden.length === 0, `revealed ${Object.keys(derived.credentialSubject).join(', ')}; hidden values leaked: ${hidden.length}`)

  // 4. The hospital verifies against the published status list.
  const verifyAt = async (publishedList: typeof list) => {
    const statusListCredential = await issueStatusListCredential({ list: publishedList, issuerKey: school, validFrom: new Date('2025-01-01T00:00:00Z'), documentLoader })
    return verifyPresentation({
      presentation,
      challenge,
      domain: 'hospital.example',
      trustedIssuers: [{ id: school.controller, types: ['MedicalLicenseCredential'] }],
      now,
      didResolver,
      statusChecker: createBitstringStatusChecker({ statusListCredentials: [statusListCredential], didResolver }),
      requiredFields: ['credentialSubject.speciality'],
    })
  }
  const first = await verifyAt(list)
  record('verify', first.verified, `verified=${first.verified}, speciality=${String(first.credentials[0]?.disclosed?.speciality)}`)

  // 5. The school revokes the licence; the same presentation now fails its status check.
  list = await setCredentialStatus({ list, index: allocated.entry.statusListIndex, set: true })
  const second = await verifyAt(list)
  const failed = second.credentials[0]?.checks.find((c) => !c.ok)
  record('revoke', !second.verified && failed?.ok === false && failed.code === 'ERR_VERIFY_REVOKED', `verified=${second.verified}, ${failed && !failed.ok ? failed.code : 'no failure'}`)
  return steps
}
