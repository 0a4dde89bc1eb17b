/**
 * @module
 * One working day of the clinic's application: the registrar accredits the vaccination centre
 * that came in today, a patient shows a masked certificate from it, the clinic records the
 * verdict. The state file carries every earlier day's issuers, nonces and verdicts.
 */
import { createDidResolver, createDocumentLoader, deriveCredential } from 'medcred'
import { hashPresentation, issuerKeyOf } from 'medcred/cartesi'
import { bytesToHex, type Hex } from 'viem'
import { issueSampleCertificate } from '../patient-wallet/sample/issueSampleCertificate.js'
import { type ClinicOutcome, openClinicVerifier } from './openClinicVerifier.js'

/** The clinic's accounts, as its application authenticates them. */
export const clinicAccounts = {
  registrar: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  centreController: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
  patient: '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc',
  /** The verifier's own identity, bound into challenges. */
  application: '0xab7528bb862fB57E8A2BCd567a2e929a0Be56a5e',
} as const

/** This application is its own chain: any fixed id, as long as holders use the same. */
export const clinicChainId = 31337n

/** What a day did, and what the verifier counted before and after. */
export type ClinicDay = {
  countsBefore: Record<string, number>
  countsAfter: Record<string, number>
  centre: string
  accreditation: ClinicOutcome
  presentation: string
  nonce: Hex
  verification: ClinicOutcome
  /** The verdict as inspect reads it back from the state. */
  storedVerdict: unknown
}

/**
 * Runs one day against the state file.
 *
 * @param statePath - the clinic's SQLite file (created on the first day)
 * @param now - the application's clock
 * @returns {@link ClinicDay}
 */
export async function runClinicDay(statePath: string, now: () => Date = () => new Date()): Promise<ClinicDay> {
  const clinic = await openClinicVerifier({ statePath, rootAuthorities: [clinicAccounts.registrar], application: clinicAccounts.application, chainId: clinicChainId, now })
  try {
    const { counts: countsBefore } = (await clinic.ask({ query: 'counts' })) as { counts: Record<string, number> }
    const { certificate, issuerKey } = await issueSampleCertificate()
    const accreditation = await clinic.send(
      {
        action: 'accreditIssuer',
        did: issuerKey.controller,
        controller: clinicAccounts.centreController,
        credentialTypes: ['VaccinationCertificate'],
        keys: [issuerKeyOf(issuerKey)],
        statusLists: [],
      },
      clinicAccounts.registrar,
    )
    // The application, not the verifier, draws nonces: the verifier never uses randomness.
    const nonce = bytesToHex(crypto.getRandomValues(new Uint8Array(32)))
    const derived = await deriveCredential({
      credential: certificate,
      reveal: ['credentialSubject.vaccine.targetDisease', 'credentialSubject.doseNumber', 'credentialSubject.seriesSize'],
      presentationHeader: clinic.challenge(clinicAccounts.patient, nonce),
      documentLoader: createDocumentLoader({ didResolver: createDidResolver() }),
    })
    const presentation = JSON.stringify(derived)
    const verification = await clinic.send({ action: 'submitPresentation', nonce, presentation }, clinicAccounts.patient)
    const { verdict: storedVerdict } = await clinic.ask({ query: 'verdict', presentationHash: hashPresentation(presentation) })
    const { counts: countsAfter } = (await clinic.ask({ query: 'counts' })) as { counts: Record<string, number> }
    return { countsBefore, countsAfter, centre: issuerKey.controller, accreditation, presentation, nonce, verification, storedVerdict }
  } finally {
    clinic.close()
  }
}
