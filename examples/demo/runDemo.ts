/**
 * The end-to-end story on a local Cartesi dev node: a licensing authority accredits a medical
 * school; the school issues a licence; the doctor proves speciality and validity to a hospital
 * through the Cartesi verifier; the hospital validates the verdict on L1; the school revokes
 * the licence and a second presentation is refused; a patient presents a masked vaccination
 * record. Every step reports what it saw and whether that is what should happen.
 */
import { createDidResolver, createDocumentLoader, createMedicalLicenseCredential, deriveCredential, generateKeyPair, issueCredential } from 'medcred'
import { type InputOutcome, issuerKeyOf, type VerifierClient } from 'medcred/cartesi'
import { type Hex, numberToHex, padHex } from 'viem'
import { type Devnode, startDevnode } from '../../verifier/src/devnode/startDevnode.js'
import { issueSampleCertificate } from '../patient-wallet/sample/issueSampleCertificate.js'

/** One step of the story. */
export type DemoStep = { step: string; ok: boolean; detail: string }

/** What the demo leaves for a test to look at further. */
export type DemoRun = { steps: DemoStep[]; node: Devnode; hospital: VerifierClient; licenceVerdict: InputOutcome | undefined }

const statusList = 'https://school.example/status/revocation'
const nonce = (n: number): Hex => padHex(numberToHex(n), { size: 32 })

/**
 * Runs the story. Leaves the dev node running when `keepNode` is set (the caller stops it).
 *
 * @param report - called as each step ends
 */
export async function runDemo(report: (step: DemoStep) => void, options: { keepNode?: boolean } = {}): Promise<DemoRun> {
  const steps: DemoStep[] = []
  const record = (step: string, ok: boolean, detail: string) => {
    const entry = { step, ok, detail }
    steps.push(entry)
    report(entry)
  }
  const node = await startDevnode({ epochLength: 2 })
  const [, authority, schoolController, doctor, patient] = node.chain.accounts
  const client = node.client
  const hospital = client(doctor)
  const run: DemoRun = { steps, node, hospital, licenceVerdict: undefined }
  try {
    record('dev node', true, `chain ${node.chain.rpcUrl}, application ${node.deployment.application}, node ${node.nodeUrl}/rpc`)
    const documentLoader = createDocumentLoader({ didResolver: createDidResolver() })

    // 1. The licensing authority (a root authority of the machine) accredits the school.
    const school = await generateKeyPair({ type: 'Bls12381G2' })
    const accreditation = await client(authority).send({
      action: 'accreditIssuer',
      did: school.controller,
      controller: schoolController.address,
      credentialTypes: ['MedicalLicenseCredential', 'VaccinationCertificate'],
      keys: [issuerKeyOf(school)],
      statusLists: [statusList],
    })
    const accredited = await hospital.waitForInput(accreditation.inputIndex)
    record('accredit school', accredited.status === 'ACCEPTED', `${school.controller.slice(0, 24)}… accredited by ${authority.address.slice(0, 10)}… (input ${accreditation.inputIndex})`)

    // 2. The school issues a licence with a revocable status entry.
    const doctorDid = (await generateKeyPair({ type: 'Ed25519' })).controller
    const licence = await issueCredential({
      credential: createMedicalLicenseCredential({
        issuer: school.controller,
        holder: doctorDid,
        name: 'Dr Amira Haddad',
        profession: 'Physician',
        speciality: 'Cardiology',
        licenceNumber: 'BIG-19023456701',
        jurisdiction: 'NL',
        licensingBody: 'CIBG BIG-register',
        degree: { name: 'Doctor of Medicine', school: 'Leiden University Medical Center', graduationDate: '2012-07-01' },
        validFrom: '2024-01-01T00:00:00Z',
        validUntil: '2031-01-01T00:00:00Z',
        credentialStatus: { id: `${statusList}#42`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '42', statusListCredential: statusList },
      }),
      issuerKey: school,
      documentLoader,
    })
    record('issue licence', true, 'MedicalLicenseCredential, bbs-2023, status list index 42')

    // 3. The doctor shows speciality and validity, bound to this verifier and a fresh nonce.
    const present = async (n: number) => {
      const presentation = await deriveCredential({ credential: licence, reveal: ['credentialSubject.speciality', 'validUntil'], presentationHeader: hospital.challenge(nonce(n)), documentLoader })
      const { inputIndex } = await hospital.send({ action: 'submitPresentation', nonce: nonce(n), presentation: JSON.stringify(presentation) })
      return { presentation, outcome: await hospital.waitForInput(inputIndex) }
    }
    const first = await present(1)
    const verdict = first.outcome.verdicts[0]
    run.licenceVerdict = first.outcome
    const hidden = !JSON.stringify(first.presentation).includes('BIG-19023456701') && !JSON.stringify(first.presentation).includes('Amira')
    record(
      'present licence',
      first.outcome.status === 'ACCEPTED' && verdict?.verdict === 'verified' && verdict.credentialType === 'MedicalLicenseCredential' && hidden,
      verdict ? `verdict ${verdict.verdict} for ${verdict.credentialType}; name and licence number stay hidden` : 'no verdict',
    )

    // 4. The hospital validates the verdict notice on L1, once its epoch is claimed.
    const valid = verdict ? await hospital.validateNotice(verdict.outputIndex) : false
    record('validate on L1', valid, `Application.validateOutput accepted notice ${verdict?.outputIndex ?? '?'} under the claimed outputs root`)

    // 5. The school revokes the licence; the next presentation is refused.
    const revocation = await client(schoolController).send({ action: 'setCredentialStatus', did: school.controller, statusList, entries: [{ index: 42, status: 'revoked' }] })
    const revoked = await hospital.waitForInput(revocation.inputIndex)
    record('revoke licence', revoked.status === 'ACCEPTED', `index 42 of ${statusList} revoked by the school's controller`)
    const second = await present(2)
    const refusal = second.outcome.reports[0]
    record(
      'present again',
      second.outcome.status === 'REJECTED' && second.outcome.verdicts.length === 0 && refusal?.ok === false && refusal.code === 'ERR_VERIFY_REVOKED',
      refusal && !refusal.ok ? `refused: ${refusal.code} (${refusal.message})` : 'not refused',
    )

    // 6. A patient shows "measles, dose 2" of the wallet's sample certificate, and nothing that identifies them.
    // The school keeps status with the verifier, so everything it issues carries a status entry.
    const { certificate } = await issueSampleCertificate(school, { id: `${statusList}#43`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '43', statusListCredential: statusList })
    const patientClient = client(patient)
    const masked = await deriveCredential({
      credential: certificate,
      reveal: ['credentialSubject.vaccine.targetDisease', 'credentialSubject.doseNumber'],
      presentationHeader: patientClient.challenge(nonce(3)),
      documentLoader,
    })
    const sent = await patientClient.send({ action: 'submitPresentation', nonce: nonce(3), presentation: JSON.stringify(masked) })
    const vaccination = await patientClient.waitForInput(sent.inputIndex)
    const text = JSON.stringify(masked)
    const private_ = ['Noor de Vries', '2019-04-12', 'X7734-B', '2024-03-14'].filter((value) => text.includes(value))
    record(
      'present vaccination',
      vaccination.status === 'ACCEPTED' && vaccination.verdicts[0]?.credentialType === 'VaccinationCertificate' && private_.length === 0,
      private_.length ? `revealed ${private_.join(', ')}` : 'verdict verified for measles, dose 2; name, birth date, batch and date stay hidden',
    )
    const counts = await hospital.inspect({ query: 'counts' })
    record('inspect', counts.ok, counts.ok ? `verifier state: ${JSON.stringify((counts.result as { counts: unknown }).counts)}` : 'failed')
  } catch (error) {
    record('failure', false, error instanceof Error ? error.message : String(error))
  } finally {
    if (!options.keepNode) await node.stop()
  }
  return run
}
