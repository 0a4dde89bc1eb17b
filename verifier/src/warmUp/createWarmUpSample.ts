/**
 * @module
 * Writes verifier/src/warmUp/sample.json, the inputs the machine runs through a scratch
 * verifier before its first yield (warmUp.ts): a school accredited with a status list, one
 * status change, and a licence presented with its speciality, validity end and status.
 *
 *   npx tsx verifier/src/warmUp/createWarmUpSample.ts
 *
 * Run it again only when the sample stops verifying (the machine-bundle tests fail at start
 * if it does). The keys are made afresh and thrown away: the sample proves nothing to anyone,
 * it only makes the machine run every step of a real input once.
 */
import { writeFileSync } from 'node:fs'
import { createMedicalLicenseCredential, createDocumentLoader, deriveCredential, generateKeyPair, issueCredential } from 'medcred'
import { createPresentationChallenge, encodeInput, issuerKeyOf } from 'medcred/cartesi'
import { type Address, type Hex, numberToHex, padHex } from 'viem'
import type { WarmUpSample } from './warmUp.js'

const authority: Address = '0x000000000000000000000000000000000000a001'
const controller: Address = '0x000000000000000000000000000000000000a002'
const holder: Address = '0x000000000000000000000000000000000000a003'
const application: Address = '0x000000000000000000000000000000000000a004'
const chainId = 1n
const statusList = 'https://school.example/status/warm-up'
const nonce = padHex(numberToHex(1), { size: 32 })

const documentLoader = createDocumentLoader()
const school = await generateKeyPair({ type: 'Bls12381G2' })
const doctor = await generateKeyPair({ type: 'Bls12381G2' })
const credential = await issueCredential({
  credential: createMedicalLicenseCredential({
    issuer: school.controller,
    holder: doctor.controller,
    name: 'Dr Sample',
    profession: 'Physician',
    speciality: 'Cardiology',
    licenceNumber: 'WARM-UP-1',
    jurisdiction: 'NL',
    licensingBody: 'Sample Board',
    degree: { name: 'Doctor of Medicine', school: 'Sample School', graduationDate: '2012-07-01' },
    validFrom: '2024-01-01T00:00:00Z',
    validUntil: '2034-01-01T00:00:00Z',
    credentialStatus: { id: `${statusList}#4`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '4', statusListCredential: statusList },
  }),
  issuerKey: school,
  documentLoader,
})
const presentationHeader = createPresentationChallenge({ chainId, application, sender: holder, nonce })
const presentation = await deriveCredential({ credential, reveal: ['credentialSubject.speciality', 'validUntil', 'credentialStatus'], presentationHeader, documentLoader })

const input = (sender: Address, payload: Hex) => ({ sender, payload })
const sample: WarmUpSample = {
  rootAuthority: authority,
  chainId: Number(chainId),
  application,
  // 2025-01-01T00:00:00Z: inside the licence's validity.
  blockTimestamp: 1_735_689_600,
  inputs: [
    input(authority, encodeInput({ action: 'accreditIssuer', did: school.controller, controller, credentialTypes: ['MedicalLicenseCredential'], keys: [issuerKeyOf(school)], statusLists: [statusList] })),
    input(controller, encodeInput({ action: 'setCredentialStatus', did: school.controller, statusList, entries: [{ index: 9, status: 'revoked' }] })),
    input(holder, encodeInput({ action: 'submitPresentation', nonce, presentation: JSON.stringify(presentation) })),
  ],
}
const file = new URL('sample.json', import.meta.url)
writeFileSync(file, `${JSON.stringify(sample, null, 2)}\n`)
console.log(`wrote ${file.pathname}`)
