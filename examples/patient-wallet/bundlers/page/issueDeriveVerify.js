// What an application that issues, derives and verifies in the browser imports: the bench's
// second bundle (bench/suites/bundle.ts), built like verifyOnly.js but never served.
import {
  createDidResolver,
  createDocumentLoader,
  createVaccinationCertificate,
  deriveCredential,
  generateKeyPair,
  issueCredential,
  verifyCredential,
} from 'medcred'

export async function roundTrip(input, reveal, presentationHeader) {
  const didResolver = createDidResolver()
  const documentLoader = createDocumentLoader({ didResolver })
  const clinic = await generateKeyPair({ type: 'Bls12381G2' })
  const credential = createVaccinationCertificate({ ...input, issuer: clinic.controller })
  const signed = await issueCredential({ credential, issuerKey: clinic, documentLoader })
  const shown = await deriveCredential({ credential: signed, reveal, presentationHeader, documentLoader })
  return verifyCredential({ credential: shown, presentationHeader, didResolver, trustedIssuers: [clinic.controller], now: new Date() })
}

globalThis.medcredRoundTrip = roundTrip
