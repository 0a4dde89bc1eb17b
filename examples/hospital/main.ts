/**
 * `npx tsx examples/hospital/main.ts`: a dev node, an accredited school, and the hospital's
 * service on 127.0.0.1. A clinician presents a licence once, so there is a result to look at;
 * the service then keeps running (Ctrl-C stops it) for more presentations.
 */
import { startDevnode } from '../../verifier/src/devnode/startDevnode.js'
import { accreditSchool } from '../medical-school/accreditSchool.js'
import { createHospitalService } from './createHospitalService.js'
import { createDocumentLoader, createMedicalLicenseCredential, deriveCredential, generateKeyPair, issueCredential } from 'medcred'

const node = await startDevnode({ epochLength: 2 })
const documentLoader = createDocumentLoader()
const school = await generateKeyPair({ type: 'Bls12381G2' })
await accreditSchool({ node, school, controller: node.chain.accounts[2].address })
const hospital = await createHospitalService({
  client: node.client(node.chain.accounts[4]),
  trustedIssuers: [{ id: school.controller, types: ['MedicalLicenseCredential'] }],
  requiredFields: ['credentialSubject.speciality'],
  port: Number(process.env.PORT ?? 0),
})
console.log(`hospital service on ${hospital.url}`)

// The clinician: a licence from the school, shown for the hospital's challenge.
const licence = await issueCredential({
  credential: createMedicalLicenseCredential({
    issuer: school.controller,
    holder: (await generateKeyPair({ type: 'Ed25519' })).controller,
    name: 'Dr Amira Haddad',
    profession: 'Physician',
    speciality: 'Cardiology',
    licenceNumber: 'BIG-19023456701',
    jurisdiction: 'NL',
    licensingBody: 'CIBG BIG-register',
    degree: { name: 'Doctor of Medicine', school: 'Leiden University Medical Center', graduationDate: '2012-07-01' },
    validFrom: '2024-01-01T00:00:00Z',
  }),
  issuerKey: school,
  documentLoader,
})
const post = async (path: string, body: unknown) =>
  (await fetch(`${hospital.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()
const { nonce, challenge } = await post('/challenges', {})
const verifiableCredential = await deriveCredential({ credential: licence, reveal: ['credentialSubject.speciality'], presentationHeader: challenge, documentLoader })
const verdicts = await post('/presentations', { nonce, verifiableCredential })
console.log(JSON.stringify(verdicts, null, 2))
console.log(`both verdicts: ${hospital.url}/presentations/${verdicts.id}\nCtrl-C stops it.`)

await new Promise((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve))
await hospital.close()
await node.stop()
