/**
 * A derived 15-claim credential (the sample medical licence of the test fixtures) through the
 * real paths: medcred's issueCredential and deriveCredential (the stock libraries underneath),
 * the stock Digital Bazaar pipeline's verification of the same derived credential (and its
 * proof check alone), and medcred's verifyCredential (and verifyBbs2023Proof alone), beside
 * the same licence issued over a holder's commitment and derived with a pseudonym (bbs-2023's
 * pseudonym feature, checked with medcred's ProofVerifyWithNym). Then batch verification of
 * 32 plain proofs, from one issuer and from four.
 */
import { createVerifyCryptosuite } from '@digitalbazaar/bbs-2023-cryptosuite'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import * as vc from '@digitalbazaar/vc'
import jsigs from 'jsonld-signatures'
import { createParties, didResolver, documentLoader, now, sampleLicence } from '#test/credentials.js'
import { batchVerifyProofs, type VerifyProofParameters, verifyProof } from '../../src/bbs/index.js'
import { createHolderCommitment } from '../../src/holderBinding/createHolderCommitment.js'
import { generateHolderSecret } from '../../src/holderBinding/generateHolderSecret.js'
import { generateKeyPair } from '../../src/keys/generateKeyPair.js'
import type { KeyPair } from '../../src/keys/types.js'
import { createBbs2023VerifyCryptosuite } from '../../src/suites/bbs-2023/createBbs2023VerifyCryptosuite.js'
import { verifyBbs2023Proof } from '../../src/suites/bbs-2023/verifyBbs2023Proof.js'
import { deriveCredential } from '../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../src/suites/bbs-2023/issueCredential.js'
import type { VerifiableCredential } from '../../src/suites/types.js'
import { verifyCredential } from '../../src/verify/verifyCredential.js'
import { pairingFloor } from '../lib/anchors.js'
import { measure, measureTogether } from '../lib/measure.js'
import { anchor, type BenchSuite, compare, type Figure, type Measurement } from '../lib/suite.js'

const reveal = ['credentialSubject.speciality', 'credentialSubject.licenceNumber']
const challenge = 'hospital-challenge-7d3e'
const batchSize = 32

/** The stock pipeline's verification: @digitalbazaar/vc with the stock bbs-2023 verify cryptosuite. */
async function stockPipelineVerify(credential: VerifiableCredential): Promise<boolean> {
  const suite = new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() })
  return (await vc.verifyCredential({ credential: structuredClone(credential), suite, documentLoader, now })).verified
}

/** jsonld-signatures with a bbs-2023 verify cryptosuite, as verifyBbs2023Proof runs it. */
async function jsigsVerify(credential: VerifiableCredential, cryptosuite: unknown): Promise<boolean> {
  const suite = new DataIntegrityProof({ cryptosuite })
  const purpose = new jsigs.purposes.AssertionProofPurpose()
  return (await jsigs.verify(credential, { suite, purpose, documentLoader })).verified
}

/** The BBS ProofVerify input of a derived credential, as medcred's verifier receives it. */
async function bbsInputOf(credential: VerifiableCredential): Promise<VerifyProofParameters> {
  let input: VerifyProofParameters | undefined
  await jsigsVerify(credential, createBbs2023VerifyCryptosuite({ verifyProof: (parameters) => ((input = parameters), true) }))
  if (!input) throw new Error('bench: no BBS proof reached the verifier')
  return input
}

async function issueLicence(issuerKey: KeyPair, holder: string): Promise<VerifiableCredential> {
  return issueCredential({ credential: sampleLicence(issuerKey.controller, holder), issuerKey, documentLoader })
}

/** The licence issued over a holder's commitment for a pseudonym, derived for one context. */
async function pseudonymLicence(issuerKey: KeyPair, holder: string, pseudonymContext: string): Promise<VerifiableCredential> {
  const secret = generateHolderSecret()
  const { commitment, secretProverBlind } = createHolderCommitment({ secret, featureOption: 'pseudonym' })
  const credential = await issueCredential({ credential: sampleLicence(issuerKey.controller, holder), issuerKey, documentLoader, holderCommitment: commitment })
  return deriveCredential({ credential, reveal, presentationHeader: challenge, documentLoader, holder: { secret, secretProverBlind }, pseudonymContext })
}

/** `count` derivations of `signed`, each for its own challenge, as BBS inputs. */
async function derivedInputs(signed: VerifiableCredential, count: number): Promise<VerifyProofParameters[]> {
  const inputs: VerifyProofParameters[] = []
  for (let i = 0; i < count; i++) {
    inputs.push(await bbsInputOf(await deriveCredential({ credential: signed, reveal, presentationHeader: `${challenge}-${i}`, documentLoader })))
  }
  return inputs
}

async function batchFigures(name: string, proofs: VerifyProofParameters[]): Promise<Figure[]> {
  if (!proofs.every((proof) => verifyProof(proof)) || !batchVerifyProofs({ proofs }).verified) throw new Error(`bench: ${name} does not verify`)
  const [singles, batch, deterministic] = (await measureTogether(
    [
      { bench: `credential15/verify-bbs-${name}-one-by-one/medcred`, run: () => proofs.forEach((proof) => verifyProof(proof)) },
      { bench: `credential15/batch-${name}/medcred`, run: () => batchVerifyProofs({ proofs }) },
      { bench: `credential15/batch-${name}-deterministic/medcred`, run: () => batchVerifyProofs({ proofs, weights: 'deterministic' }) },
    ],
    { minSamples: 7, budgetMs: 6000 },
  )) as [Measurement, Measurement, Measurement]
  return [anchor(singles), compare(batch, singles), compare(deterministic, singles)]
}

export const suite: BenchSuite = {
  name: 'credential',
  async run() {
    const parties = await createParties()
    const issue = await measure('credential15/issue/medcred', () => issueLicence(parties.school, parties.doctor.controller))
    const signed = await issueLicence(parties.school, parties.doctor.controller)
    const derive = await measure('credential15/derive/medcred', () =>
      deriveCredential({ credential: signed, reveal, presentationHeader: challenge, documentLoader }),
    )
    const derived = await deriveCredential({ credential: signed, reveal, presentationHeader: challenge, documentLoader })

    const verifyOptions = { trustedIssuers: [parties.school.controller], now, didResolver, presentationHeader: challenge }
    const input = await bbsInputOf(structuredClone(derived))
    if (!(await stockPipelineVerify(derived)) || !(await jsigsVerify(structuredClone(derived), createVerifyCryptosuite()))) {
      throw new Error('bench: the stock verifier refused the credential')
    }
    if (!(await verifyCredential({ credential: derived, ...verifyOptions })).verified) throw new Error('bench: verifyCredential refused the credential')
    const pseudonymContext = 'medcred:bench:deal:1'
    const withPseudonym = await pseudonymLicence(parties.school, parties.doctor.controller, pseudonymContext)
    const pseudonymOptions = { ...verifyOptions, proofFeatures: ['pseudonym'] as const, pseudonymContext }
    if (!(await verifyCredential({ credential: withPseudonym, ...pseudonymOptions })).verified) throw new Error('bench: verifyCredential refused the pseudonym credential')
    const [floor, stockVerify, stockProof, ours, oursProof, oursBbs, oursPseudonym] = (await measureTogether(
      [
        pairingFloor('credential15'),
        { bench: 'credential15/verify/digitalbazaar', run: () => stockPipelineVerify(derived) },
        { bench: 'credential15/verify-proof/digitalbazaar', run: () => jsigsVerify(structuredClone(derived), createVerifyCryptosuite()) },
        { bench: 'credential15/verify/medcred', run: () => verifyCredential({ credential: derived, ...verifyOptions }) },
        { bench: 'credential15/verify-proof/medcred', run: () => verifyBbs2023Proof(structuredClone(derived), documentLoader) },
        { bench: 'credential15/verify-bbs/medcred', run: () => verifyProof(input) },
        { bench: 'credential15/verify-pseudonym/medcred', run: () => verifyCredential({ credential: withPseudonym, ...pseudonymOptions }) },
      ],
      { minSamples: 9, budgetMs: 5000 },
    )) as [Measurement, Measurement, Measurement, Measurement, Measurement, Measurement, Measurement]

    const oneIssuer = await derivedInputs(signed, batchSize)
    const issuers = [parties.school, parties.otherIssuer, ...(await Promise.all([generateKeyPair({ type: 'Bls12381G2' }), generateKeyPair({ type: 'Bls12381G2' })]))]
    const fourIssuers: VerifyProofParameters[] = []
    for (const issuer of issuers) fourIssuers.push(...(await derivedInputs(await issueLicence(issuer, parties.doctor.controller), batchSize / issuers.length)))

    return [
      anchor(floor),
      anchor(issue),
      anchor(derive),
      anchor(stockVerify),
      anchor(stockProof),
      compare(ours, stockVerify),
      compare(ours, floor),
      compare(oursProof, stockProof),
      compare(oursBbs, floor),
      compare(oursPseudonym, ours),
      compare(oursPseudonym, floor),
      ...(await batchFigures(`${batchSize}`, oneIssuer)),
      ...(await batchFigures(`${batchSize}-4-issuers`, fourIssuers)),
    ]
  },
}
