/**
 * A credential issued and derived by the stock Digital Bazaar pipeline verifies with ours,
 * and ours verifies with the stock pipeline (#test/stockPipeline: @digitalbazaar/vc with
 * DataIntegrityProof + bbs-2023, its own Map document loader and did:key documents, no medcred
 * code). Both sides are fed the same vaccination certificate in contexts medcred bundles.
 */
import type { BbsKeyPair } from '@digitalbazaar/bls12-381-multikey'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blockNetwork, type NetworkBlock } from '#test/blockNetwork.js'
import {
  createStockDocumentLoader,
  type StockDocumentLoader,
  stockDerive,
  stockDidKeyDocument,
  stockGenerateIssuerKey,
  stockIssue,
  stockVaccinationCredential,
  stockVerify,
} from '#test/stockPipeline.js'
import { createDocumentLoader } from '../../src/contexts/createDocumentLoader.js'
import type { DocumentLoader } from '../../src/contexts/types.js'
import { createDidResolver } from '../../src/did/index.js'
import { generateKeyPair, type KeyPair } from '../../src/keys/index.js'
import { deriveCredential } from '../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../src/suites/bbs-2023/issueCredential.js'
import type { VerifiableCredential } from '../../src/suites/types.js'
import type { VerificationCheck } from '../../src/verify/types.js'
import { verifyCredential } from '../../src/verify/verifyCredential.js'

type Json = Record<string, unknown>

// Inside every credential's validity window (2024-03-01 .. 2034-03-01).
const now = new Date('2025-06-01T00:00:00Z')
const challenge = 'interop-challenge-42'
const challengeBytes = new TextEncoder().encode(challenge)
// medcred makes these mandatory for a VaccinationCertificate (mandatoryPointersFor); the stock
// issuer is given the same ones.
const mandatoryPointers = ['/issuer', '/type', '/validFrom', '/validUntil']
const revealPointers = ['/credentialSubject/vaccine/targetDisease', '/credentialSubject/doseNumber']
const revealPaths = ['credentialSubject.vaccine.targetDisease', 'credentialSubject.doseNumber']
/** What a verifier sees of the subject: the revealed fields and the types on their paths. */
const expectedDisclosure = { type: 'VaccinationEvent', vaccine: { type: 'Vaccine', targetDisease: 'measles' }, doseNumber: 1 }

const didResolver = createDidResolver()
let network: NetworkBlock
let stockKey: BbsKeyPair
let stockDid: string
let ourKey: KeyPair<'Bls12381G2'>
let stockLoader: StockDocumentLoader
let ourLoader: DocumentLoader
let stockSigned: Json
let ourSigned: VerifiableCredential
let stockDerived: Json
let ourDerived: VerifiableCredential

async function ourVerify(credential: unknown, trusted: string) {
  return verifyCredential({ credential, trustedIssuers: [trusted], now, didResolver, presentationHeader: challenge })
}

function proofCheck(checks: VerificationCheck[]): VerificationCheck | undefined {
  return checks.find((c) => c.name === 'proof')
}

/** A copy of a derived credential with the revealed dose number changed. */
function withTamperedDose(credential: Json): Json {
  const copy = structuredClone(credential) as Json & { credentialSubject: Json }
  copy.credentialSubject.doseNumber = 2
  return copy
}

beforeAll(async () => {
  network = blockNetwork()
  stockKey = await stockGenerateIssuerKey()
  stockDid = `did:key:${stockKey.publicKeyMultibase}`
  ourKey = await generateKeyPair({ type: 'Bls12381G2' })
  // The stock side knows both issuers' did:key documents, built independently of medcred.
  stockLoader = createStockDocumentLoader([
    stockDidKeyDocument(stockKey.publicKeyMultibase),
    stockDidKeyDocument(ourKey.publicKeyMultibase),
  ])
  ourLoader = createDocumentLoader({ didResolver })

  stockSigned = await stockIssue({
    credential: stockVaccinationCredential(stockDid),
    key: stockKey,
    mandatoryPointers,
    documentLoader: stockLoader,
    now,
  })
  ourSigned = await issueCredential({
    credential: stockVaccinationCredential(ourKey.controller),
    issuerKey: ourKey,
    documentLoader: ourLoader,
  })
  stockDerived = await stockDerive({
    verifiableCredential: stockSigned,
    selectivePointers: revealPointers,
    presentationHeader: challengeBytes,
    documentLoader: stockLoader,
  })
  ourDerived = await deriveCredential({
    credential: ourSigned,
    reveal: revealPaths,
    presentationHeader: challenge,
    documentLoader: ourLoader,
  })
})

afterAll(() => network.restore())

describe('interop with the stock Digital Bazaar bbs-2023 pipeline', () => {
  it('default: a credential issued and derived by the stock pipeline verifies with ours', async () => {
    const result = await ourVerify(stockDerived, stockDid)

    expect(result.checks).toEqual([
      { name: 'input', ok: true },
      { name: 'proof', ok: true },
      { name: 'issuer', ok: true },
      { name: 'validity', ok: true },
      // The stock pipeline's presentation header bytes are our UTF-8 challenge.
      { name: 'challenge', ok: true },
    ])
    expect(result.verified).toBe(true)
    expect(result.issuer).toBe(stockDid)
    expect(result.types).toEqual(['VaccinationCertificate', 'VerifiableCredential'])
    expect(result.disclosed).toEqual(expectedDisclosure)
  })

  it('behavior: a credential issued and derived by ours verifies with the stock pipeline', async () => {
    const result = await stockVerify({ credential: ourDerived, documentLoader: stockLoader, now })

    expect(result.error).toBeUndefined()
    expect(result.verified).toBe(true)
    expect(ourDerived.credentialSubject).toEqual(expectedDisclosure)
  })

  it('behavior: each side derives from the other side\'s base proof, and the other side verifies it', async () => {
    const derivedByUs = await deriveCredential({
      credential: stockSigned as VerifiableCredential,
      reveal: revealPaths,
      presentationHeader: challenge,
      documentLoader: ourLoader,
    })
    const derivedByStock = await stockDerive({
      verifiableCredential: ourSigned,
      selectivePointers: revealPointers,
      presentationHeader: challengeBytes,
      documentLoader: stockLoader,
    })

    const stockResult = await stockVerify({ credential: derivedByUs, documentLoader: stockLoader, now })
    expect(stockResult.error).toBeUndefined()
    expect(stockResult.verified).toBe(true)
    const ourResult = await ourVerify(derivedByStock, ourKey.controller)
    expect(ourResult.checks.filter((c) => !c.ok)).toEqual([])
    expect(ourResult.verified).toBe(true)
  })

  it('error: a stock-derived credential with a tampered value fails our proof check', async () => {
    const result = await ourVerify(withTamperedDose(stockDerived), stockDid)

    expect(result.verified).toBe(false)
    expect(proofCheck(result.checks)).toMatchObject({ ok: false, code: 'ERR_VERIFY_PROOF_INVALID' })
  })

  it('error: a credential derived by ours with a tampered value fails the stock pipeline', async () => {
    const result = await stockVerify({ credential: withTamperedDose(ourDerived), documentLoader: stockLoader, now })

    expect(result.verified).toBe(false)
    expect(result.results?.[0]).toMatchObject({ verified: false, error: { message: 'Invalid signature.' } })
  })

  it('behavior: the whole exchange stayed offline', () => {
    expect(network.attempts).toEqual([])
  })
})
