/**
 * The legacy suite: a VC 1.1 medical licence with a BbsBlsSignature2020 proof, issued and
 * derived by medcred (BBS+ on @mattrglobal/bbs-signatures, wasm), and its derived credential
 * verified through verifyCredential (and the proof check alone), against the stock Digital
 * Bazaar bbs-2023 verification of the same licence's bbs-2023 form as the anchor.
 */
import { createVerifyCryptosuite } from '@digitalbazaar/bbs-2023-cryptosuite'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import jsigs from 'jsonld-signatures'
import { createParties, didResolver, documentLoader, now, sampleLicence } from '#test/credentials.js'
import { licence2020 } from '#test/mattr-bbs-2020/fixtures.js'
import { deriveBbs2020Credential } from '../../src/suites/bbs-2020/deriveBbs2020Credential.js'
import { issueBbs2020Credential } from '../../src/suites/bbs-2020/issueBbs2020Credential.js'
import { verifyBbs2020Proof } from '../../src/suites/bbs-2020/verifyBbs2020Proof.js'
import { deriveCredential } from '../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../src/suites/bbs-2023/issueCredential.js'
import type { VerifiableCredential } from '../../src/suites/types.js'
import { verifyCredential } from '../../src/verify/verifyCredential.js'
import { measure } from '../lib/measure.js'
import { anchor, type BenchSuite, compare } from '../lib/suite.js'

const reveal = ['credentialSubject.speciality', 'credentialSubject.licenceNumber']
const challenge = 'hospital-challenge-7d3e'

async function stockVerify(credential: VerifiableCredential): Promise<boolean> {
  const suite = new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() })
  const purpose = new jsigs.purposes.AssertionProofPurpose()
  return (await jsigs.verify(structuredClone(credential), { suite, purpose, documentLoader })).verified
}

export const suite: BenchSuite = {
  name: 'bbs2020',
  async run() {
    const { school, doctor } = await createParties()
    const credential = licence2020(school.controller, doctor.controller)
    const issue = await measure('licence2020/issue/medcred', () => issueBbs2020Credential({ credential, issuerKey: school, documentLoader }))
    const signed = await issueBbs2020Credential({ credential, issuerKey: school, documentLoader })
    const derive = await measure('licence2020/derive/medcred', () => deriveBbs2020Credential({ credential: signed, reveal, nonce: challenge, documentLoader }))
    const derived = await deriveBbs2020Credential({ credential: signed, reveal, nonce: challenge, documentLoader })

    const verifyOptions = { trustedIssuers: [school.controller], now, didResolver, presentationHeader: challenge }
    if (!(await verifyCredential({ credential: derived, ...verifyOptions })).verified) throw new Error('bench: verifyCredential refused the 2020 credential')
    const legacy = await measure('licence2020/verify/medcred', () => verifyCredential({ credential: derived, ...verifyOptions }), { minSamples: 15 })
    const legacyProof = await measure('licence2020/verify-proof/medcred', () => verifyBbs2020Proof(derived, documentLoader), { minSamples: 15 })

    // The anchor: the same licence as bbs-2023 (VC 2.0), derived alike, verified by the stock stack.
    const modern = await issueCredential({ credential: sampleLicence(school.controller, doctor.controller), issuerKey: school, documentLoader })
    const modernDerived = await deriveCredential({ credential: modern, reveal, presentationHeader: challenge, documentLoader })
    if (!(await stockVerify(modernDerived))) throw new Error('bench: the stock verifier refused the credential')
    const stock = await measure('licence2023/verify/digitalbazaar', () => stockVerify(modernDerived), { minSamples: 7 })

    return [anchor(issue), anchor(derive), anchor(stock), compare(legacy, stock), compare(legacyProof, stock)]
  },
}
