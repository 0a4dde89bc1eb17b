/**
 * @module
 * Issues the sample vaccination certificate the wallet's README and test load (and the demo and
 * the embedded verifier use): a clinic signs a measles dose for a patient, with no patient DID in it.
 */
import {
  type BitstringStatusListEntry,
  createDidResolver,
  createDocumentLoader,
  createVaccinationCertificate,
  generateKeyPair,
  issueCredential,
  type KeyPair,
  type VerifiableCredential,
} from 'medcred'

/** A signed certificate, the DID of the clinic that signed it, and the clinic's key (in memory only). */
export type SampleCertificate = { certificate: VerifiableCredential; issuer: string; issuerKey: KeyPair }

/**
 * Issues a bbs-2023 vaccination certificate.
 *
 * @param clinic - the signing Bls12381G2 key; by default a new did:key clinic, kept only in memory
 * @param credentialStatus - its status entry, for a clinic that keeps status lists
 * @returns {@link SampleCertificate}
 */
export async function issueSampleCertificate(clinic?: KeyPair, credentialStatus?: BitstringStatusListEntry): Promise<SampleCertificate> {
  clinic ??= await generateKeyPair({ type: 'Bls12381G2' })
  const credential = createVaccinationCertificate({
    issuer: clinic.controller,
    patient: { name: 'Noor de Vries', birthDate: '2019-04-12' },
    vaccine: { product: 'M-M-RvaxPro', manufacturer: 'Merck Sharp & Dohme', code: { system: 'CVX', code: '03' }, targetDisease: 'measles' },
    doseNumber: 2,
    seriesSize: 2,
    date: '2024-03-14',
    lot: 'X7734-B',
    administeringCentre: 'GGD Amsterdam',
    country: 'NL',
    // Not the day of the dose: validFrom is always revealed.
    validFrom: '2024-04-02T09:30:00Z',
    validUntil: '2034-04-02T09:30:00Z',
    ...(credentialStatus ? { credentialStatus } : {}),
  })
  const documentLoader = createDocumentLoader({ didResolver: createDidResolver() })
  return { certificate: await issueCredential({ credential, issuerKey: clinic, documentLoader }), issuer: clinic.controller, issuerKey: clinic }
}
