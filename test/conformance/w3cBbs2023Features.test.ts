/**
 * Conformance with the W3C Data Integrity BBS Cryptosuites v1.0 feature test vectors: anonymous
 * holder binding, pseudonyms, and both (w3c/vc-di-bbs `TestVectors/HolderBinding/`,
 * `Pseudonym/`, `PseudonymHB/`, read in place from ../shared/vectors/w3c-vc-di-bbs). The BBS
 * proofs follow draft-irtf-cfrg-bbs-blind-signatures-01 and
 * draft-irtf-cfrg-bbs-per-verifier-linkability-01 (docs/holder-binding.md).
 *
 * - Every intermediate value our code computes and a vector gives: the derived proof values'
 *   fields, the commitment to the holder's secrets (the blind generators), the nym secret, the
 *   pseudonym, the proof's challenge.
 * - The bbs-2023 suite's own check of every derived proof (what verifyCredential runs once the
 *   document is canonicalised), fed the statements and hashes the vectors give: each verifies
 *   and reports its feature and pseudonym; tampered and mismatched ones fail.
 * - With the vectors' contexts: every derived credential through verifyCredential, and the
 *   statements our canonicalisation derives.
 *
 * The vectors are driver's licences in the Verifiable Driver's License vocabulary, whose
 * contexts medcred neither bundles nor commits (#test/vdlContexts): the tests that canonicalise
 * the vectors' JSON documents run only where ../shared/vectors/vdl-contexts (or
 * MEDCRED_VDL_CONTEXTS_DIR) provides them. Everything else reads the vectors' own files (proof
 * values, verifyNQuads.json, addHashData.json) and always runs.
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import * as cborg from 'cborg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blockNetwork, type NetworkBlock } from '#test/blockNetwork.js'
import { vdlContexts, vdlContextsAvailable } from '#test/vdlContexts.js'
import {
  type FeatureDisclosureData,
  featureProofInput,
  featureVectors,
  holderSecret,
  proverNym,
  signerNymEntropy,
  verifierId,
} from '#test/w3cFeatureVectors.js'
import { bytesToHex, hexToBytes, readW3cVector } from '#test/w3cVectors.js'
import { calculatePseudonym } from '../../src/bbs/calculatePseudonym.js'
import { r } from '../../src/bbs/ciphersuite.js'
import { coreBlindProofVerify } from '../../src/bbs/coreBlindProofVerify.js'
import { pairingEquationHolds } from '../../src/bbs/coreProofVerify.js'
import { createGenerators } from '../../src/bbs/createGenerators.js'
import { messagesToScalars } from '../../src/bbs/hashToScalar.js'
import { blindGeneratorsOf, blindInterface, pseudonymInterface } from '../../src/bbs/interfaces.js'
import { createDocumentLoader } from '../../src/contexts/createDocumentLoader.js'
import { createDidResolver } from '../../src/did/index.js'
import { createBbs2023VerifyCryptosuite, type VerifiedDerivedProof } from '../../src/suites/bbs-2023/createBbs2023VerifyCryptosuite.js'
import { parseDerivedProofValue } from '../../src/suites/bbs-2023/parseDerivedProofValue.js'
import { readProofFeature } from '../../src/suites/bbs-2023/readProofFeature.js'
import { verifyBbs2023Proof } from '../../src/suites/bbs-2023/verifyBbs2023Proof.js'
import type { ProofFeatureOption } from '../../src/suites/types.js'
import type { VerificationCheck } from '../../src/verify/types.js'
import { type VerifyCredentialParameters, verifyCredential } from '../../src/verify/verifyCredential.js'

type Json = Record<string, unknown>
type DerivedCredential = Json & { proof: Json & { proofValue: string; verificationMethod: string } }
type Dir = (typeof featureVectors)[number]['dir']

// Inside the licences' window (issued 2023-11-15, expiring 2028-11-15).
const now = new Date('2025-06-01T00:00:00Z')
const didResolver = createDidResolver()
const presentationHeader = hexToBytes(readW3cVector<{ presentationHeaderHex: string }>('BBSDeriveMaterial.json').presentationHeaderHex)
/** The signer's key is a BLS did:key; the licences name an Ed25519 did:key as their issuer. */
const issuerMismatch = { name: 'issuer', ok: false, code: 'ERR_VERIFY_ISSUER_MISMATCH', message: expect.any(String) }
const utf8 = (text: string) => new TextEncoder().encode(text)
/** Says why a block is skipped, or that it runs with the contexts. */
const withVdlContexts = vdlContextsAvailable ? '(with the VDL contexts)' : '(needs ../shared/vectors/vdl-contexts, not yet provided)'

let network: NetworkBlock
beforeAll(() => {
  network = blockNetwork()
})
afterAll(() => network.restore())

function derived(dir: string): DerivedCredential {
  return readW3cVector<DerivedCredential>(`${dir}/derivedRevealDocument.json`)
}

async function verify(credential: unknown, options: Partial<VerifyCredentialParameters> = {}) {
  return verifyCredential({ credential, trustedIssuers: [], now, didResolver, contexts: vdlContexts, presentationHeader, ...options })
}

function proofCheck(checks: VerificationCheck[]): VerificationCheck | undefined {
  return checks.find((check) => check.name === 'proof')
}

/** A derived proofValue's header byte and CBOR components. */
function decodeProofValue(proofValue: string): { header: number; components: unknown[] } {
  const bytes = Buffer.from(proofValue.slice(1), 'base64url')
  return { header: bytes[2]!, components: cborg.decode(bytes.subarray(3), { useMaps: true }) as unknown[] }
}

function encodeProofValue(header: number, components: unknown[]): string {
  return `u${Buffer.from([0xd9, 0x5d, header, ...cborg.encode(components)]).toString('base64url')}`
}

type Rewrite = (value: { header: number; components: unknown[] }) => { header: number; components: unknown[] }

/** The credential with its proofValue rewritten from its decoded header and components. */
function rewritten(dir: string, change: Rewrite): DerivedCredential {
  const credential = derived(dir)
  const { header, components } = change(decodeProofValue(credential.proof.proofValue))
  credential.proof.proofValue = encodeProofValue(header, components)
  return credential
}

// Rewrites the refusals below share, in-suite and through verifyCredential.
const withNymDomain =
  (nymDomain: string | Uint8Array): Rewrite =>
  ({ header, components }) => ({ header, components: [...components.slice(0, 5), nymDomain, ...components.slice(5)] })
const withPseudonym =
  (pseudonym: Uint8Array): Rewrite =>
  ({ header, components }) => ({ header, components: [...components.slice(0, 5), pseudonym, components[6]] })
const withLength =
  (length: number): Rewrite =>
  ({ header, components }) => ({ header, components: [...components.slice(0, -1), length] })
/** The Pseudonym proof relabelled as anonymous holder binding: its signature covers one committed message (the nym secret), as holder binding's would. */
const asHolderBinding: Rewrite = ({ components }) => ({ header: 0x05, components: [...components.slice(0, 5), components[6]] })

/** The bbsProof with two of its 32-byte responses swapped (counted from the end; -1 is the challenge). */
function swapResponses(a: number, b: number): Rewrite {
  return ({ header, components }) => {
    const proof = components[0] as Uint8Array
    const swapped = proof.slice()
    const at = (i: number) => proof.length + i * 32
    swapped.set(proof.subarray(at(a), at(a) + 32), at(b))
    swapped.set(proof.subarray(at(b), at(b) + 32), at(a))
    return { header, components: [swapped, ...components.slice(1)] }
  }
}

// The responses of the committed part come last before the challenge: secret_prover_blind,
// the holder secret, then the nym secret.
const swaps = [
  { dir: 'HolderBinding', a: -3, b: -2, what: 'secret_prover_blind and holder secret' },
  { dir: 'PseudonymHB', a: -3, b: -2, what: 'holder secret and nym secret' },
  { dir: 'Pseudonym', a: -3, b: -2, what: 'secret_prover_blind and nym secret' },
] as const

/** The cryptosuite's verifier, as @digitalbazaar/data-integrity calls it. */
type SuiteVerifier = { verify(parameters: { data: unknown }): Promise<boolean> }

/**
 * The bbs-2023 suite's check of a vector's derived proof value: createVerifyData's output with
 * the vector's statements (verifyNQuads.json) and hashes (addHashData.json) in place of
 * canonicalising the document, then the suite's verifier (the BBS check of the proof's feature
 * option). Throws where the suite throws (a malformed value, a pseudonym context refused).
 */
async function suiteCheck(dir: Dir, proofValue: string, pseudonymContext?: string): Promise<{ verified: boolean; proven?: VerifiedDerivedProof }> {
  let proven: VerifiedDerivedProof | undefined
  const cryptosuite = createBbs2023VerifyCryptosuite({
    onVerified: (proof) => (proven = proof),
    ...(pseudonymContext !== undefined && { pseudonymContext: utf8(pseudonymContext) }),
  }) as { createVerifier(parameters: { verificationMethod: unknown }): Promise<SuiteVerifier> }
  const { verificationMethod } = derived(dir).proof
  const [controller, publicKeyMultibase] = verificationMethod.split('#') as [string, string]
  const verifier = await cryptosuite.createVerifier({ verificationMethod: { type: 'Multikey', id: verificationMethod, controller, publicKeyMultibase } })
  const parsed = parseDerivedProofValue(proofValue)
  const feature = readProofFeature(parsed)
  const statements = readW3cVector<string[]>(`${dir}/verifyNQuads.json`)
  const mandatory = new Set(parsed.mandatoryIndexes)
  const hashes = readW3cVector<{ proofHash: string; mandatoryHash: string }>(`${dir}/addHashData.json`)
  const { lengthBBSMessages, pseudonym, nymDomain } = parsed
  const data = {
    bbsProof: parsed.bbsProof,
    proofHash: hexToBytes(hashes.proofHash),
    mandatoryHash: hexToBytes(hashes.mandatoryHash),
    statements,
    nonMandatory: statements.filter((_, index) => !mandatory.has(index)),
    selectiveIndexes: parsed.selectiveIndexes,
    presentationHeader: parsed.presentationHeader,
    ...(feature && { feature: { feature, lengthBBSMessages, pseudonym, nymDomain } }),
  }
  const verified = await verifier.verify({ data })
  return proven ? { verified, proven } : { verified }
}

const nymContext = (pseudonym: boolean) => (pseudonym ? verifierId : undefined)

describe('W3C vc-di-bbs feature vectors: derived proof values', () => {
  it('default: re-encoding a decoded proofValue gives it back, so the rewritten ones below differ only where changed', () => {
    for (const { dir } of featureVectors) {
      const { proofValue } = derived(dir).proof
      const { header, components } = decodeProofValue(proofValue)
      expect(encodeProofValue(header, components)).toBe(proofValue)
    }
  })

  it.each(featureVectors)('behavior: the $dir derived proofValue carries derivedDisclosureData.json', ({ dir, feature, header }) => {
    const disclosure = readW3cVector<FeatureDisclosureData>(`${dir}/derivedDisclosureData.json`)
    const parsed = parseDerivedProofValue(derived(dir).proof.proofValue)

    expect(bytesToHex(parsed.bbsProof)).toBe(disclosure.bbsProof)
    expect([...parsed.labelMap]).toEqual(disclosure.labelMap.value)
    expect(parsed.mandatoryIndexes).toEqual(disclosure.mandatoryIndexes)
    expect(parsed.selectiveIndexes).toEqual(disclosure.adjSelectiveIndexes)
    expect(parsed.presentationHeader).toEqual(presentationHeader)
    expect(parsed.lengthBBSMessages).toBe(disclosure.lengthBBSMessages)
    expect(parsed.pseudonym && bytesToHex(parsed.pseudonym)).toBe(disclosure.pseudonym)
    expect(parsed.nymDomain).toBeUndefined()
    expect(disclosure.featureOption).toBe(feature)
    // The header byte as the vector writes it: the Pseudonym vector's says holder_binding_pseudonym.
    expect(decodeProofValue(derived(dir).proof.proofValue).header).toBe(header)
  })

  it.each(featureVectors)('behavior: the $dir proof value is read as proving $feature', ({ dir, feature }) => {
    expect(readProofFeature(parseDerivedProofValue(derived(dir).proof.proofValue))).toBe(feature)
  })
})

describe('W3C vc-di-bbs feature vectors: intermediate values', () => {
  // Commit: C = Q_2 * secret_prover_blind + J_1 * msg_1 + ... (the holder secret mapped as a
  // message, then prover_nym as a scalar), the blind generators "BLIND_" || api_id.
  it.each([
    { dir: 'HolderBinding', api: blindInterface, secrets: [holderSecret], nym: false },
    { dir: 'Pseudonym', api: pseudonymInterface, secrets: [], nym: true },
    { dir: 'PseudonymHB', api: pseudonymInterface, secrets: [holderSecret], nym: true },
  ])('behavior: the $dir commitment to the holder\'s secrets matches commitmentInfo.json', ({ dir, api, secrets, nym }) => {
    const { secretProverBlind, commitmentWithProof } = readW3cVector<{ secretProverBlind: string; commitmentWithProof: string }>(`${dir}/commitmentInfo.json`)
    const scalars = [BigInt(`0x${secretProverBlind}`), ...messagesToScalars(secrets, api.mapMessageToScalarDst), ...(nym ? [proverNym] : [])]
    const generators = createGenerators(scalars.length, blindGeneratorsOf(api))

    const commitment = scalars.reduce((sum, scalar, i) => sum.add(bls12_381.G1.Point.fromAffine(generators[i]!.point).multiply(scalar)), bls12_381.G1.Point.ZERO)

    // commitment_with_proof = C || s^ || m^_1 ... || c: C is its first 48 bytes.
    expect(bytesToHex(commitment.toBytes(true))).toBe(commitmentWithProof.slice(0, 96))
  })

  it.each(['Pseudonym', 'PseudonymHB'])('behavior: the %s nym secret, prover_nym + signer_nym_entropy (read from the base proof), matches nymSecret.json', (dir) => {
    // The base proof value, 0xd9 0x5d 0x08, carries signer_nym_entropy last, as a CBOR bignum (tag 2).
    const { proofValue } = readW3cVector<DerivedCredential>(`${dir}/addSignedSDBase.json`).proof
    const bytes = Buffer.from(proofValue.slice(1), 'base64url')
    expect([...bytes.subarray(0, 3)]).toEqual([0xd9, 0x5d, 0x08])
    const tags: ((inner: Uint8Array) => unknown)[] = []
    tags[2] = (inner) => BigInt(`0x${bytesToHex(inner)}`)
    const components = cborg.decode(bytes.subarray(3), { tags }) as unknown[]
    expect(components.at(-1)).toBe(signerNymEntropy)

    const nymSecret = (proverNym + signerNymEntropy) % r

    expect(nymSecret).toBe(BigInt(`0x${readW3cVector<{ nymSecretHex: string }>(`${dir}/nymSecret.json`).nymSecretHex}`))
  })

  it.each(['Pseudonym', 'PseudonymHB'])('behavior: the %s pseudonym, hash_to_curve_g1(verifierId) * nym_secret, matches derivedDisclosureData.json', (dir) => {
    const nymSecret = BigInt(`0x${readW3cVector<{ nymSecretHex: string }>(`${dir}/nymSecret.json`).nymSecretHex}`)
    const pseudonym = calculatePseudonym({ nymSecret, contextId: utf8(verifierId) })
    expect(bytesToHex(pseudonym)).toBe(readW3cVector<FeatureDisclosureData>(`${dir}/derivedDisclosureData.json`).pseudonym)
  })

  // The challenge is the proof's last scalar: ProofVerifyInit (and the pseudonym's init) and the
  // challenge calculation, recomputed, must give it back before the pairing is even looked at.
  it.each(featureVectors)('behavior: our challenge for the $dir proof equals the proof\'s, and then the pairing holds', ({ dir, pseudonym }) => {
    const input = featureProofInput(dir)
    const check = pseudonym
      ? coreBlindProofVerify(input, pseudonymInterface, { pseudonym: input.pseudonym!, contextId: input.contextId })
      : coreBlindProofVerify(input, blindInterface)
    expect(check).toBeDefined()
    expect(pairingEquationHolds(check!)).toBe(true)
  })
})

describe('W3C vc-di-bbs feature vectors: the bbs-2023 suite\'s check over the statements the vectors give', () => {
  it.each(featureVectors)('default: the $dir proof verifies, and the suite reports its feature and pseudonym', async ({ dir, feature, pseudonym }) => {
    const { verified, proven } = await suiteCheck(dir, derived(dir).proof.proofValue, nymContext(pseudonym))
    expect(verified).toBe(true)
    expect(proven?.feature).toBe(feature)
    const disclosure = readW3cVector<FeatureDisclosureData>(`${dir}/derivedDisclosureData.json`)
    expect(proven?.pseudonym && bytesToHex(proven.pseudonym)).toBe(disclosure.pseudonym)
    expect(proven?.statements).toEqual(readW3cVector<string[]>(`${dir}/verifyNQuads.json`))
    expect(proven?.presentationHeader).toEqual(presentationHeader)
  })

  it.each(featureVectors.filter((vector) => vector.pseudonym))(
    'behavior: the $dir proof in the spec\'s eight-component form, nym_domain before the pseudonym, verifies the same',
    async ({ dir, feature }) => {
      for (const nymDomain of [verifierId, utf8(verifierId)]) {
        const { proofValue } = rewritten(dir, withNymDomain(nymDomain)).proof
        const { verified, proven } = await suiteCheck(dir, proofValue, verifierId)
        expect(verified).toBe(true)
        expect(proven?.feature).toBe(feature)
      }
    },
  )

  it('behavior: the same holder shows the same pseudonym with and without holder binding (one nym secret, one context)', async () => {
    const [plain, bound] = await Promise.all((['Pseudonym', 'PseudonymHB'] as const).map((dir) => suiteCheck(dir, derived(dir).proof.proofValue, verifierId)))
    expect(plain!.proven?.pseudonym).toBeDefined()
    expect(bound!.proven?.pseudonym).toEqual(plain!.proven?.pseudonym)
  })

  it.each(['Pseudonym', 'PseudonymHB'] as const)('error: the %s proof with another valid pseudonym (another nym secret) does not verify', async (dir) => {
    const other = calculatePseudonym({ nymSecret: 12345n, contextId: utf8(verifierId) })
    expect(await suiteCheck(dir, rewritten(dir, withPseudonym(other)).proof.proofValue, verifierId)).toEqual({ verified: false })
  })

  it.each(['Pseudonym', 'PseudonymHB'] as const)('error: the %s pseudonym checked against another context id does not verify', async (dir) => {
    expect(await suiteCheck(dir, derived(dir).proof.proofValue, 'https://another.verifier.example/')).toEqual({ verified: false })
  })

  it.each(swaps)('error: the $dir proof with its committed responses swapped ($what) does not verify', async ({ dir, a, b }) => {
    expect(await suiteCheck(dir, rewritten(dir, swapResponses(a, b)).proof.proofValue, verifierId)).toEqual({ verified: false })
  })

  it('error: the Pseudonym proof relabelled as anonymous holder binding (0x05) does not verify: another interface', async () => {
    expect(await suiteCheck('Pseudonym', rewritten('Pseudonym', asHolderBinding).proof.proofValue)).toEqual({ verified: false })
  })

  it('error: the HolderBinding proof with lengthBBSMessages one more is ERR_VERIFY_PROOF_VALUE_MALFORMED before any BBS work: it would commit no holder secret', async () => {
    const { proofValue } = rewritten('HolderBinding', withLength(24)).proof
    await expect(suiteCheck('HolderBinding', proofValue)).rejects.toMatchObject({ code: 'ERR_VERIFY_PROOF_VALUE_MALFORMED' })
  })

  it('error: the Pseudonym proof with lengthBBSMessages one less does not verify: the signature binds where the issuer\'s messages end', async () => {
    expect(await suiteCheck('Pseudonym', rewritten('Pseudonym', withLength(22)).proof.proofValue, verifierId)).toEqual({ verified: false })
  })

  it.each(['Pseudonym', 'PseudonymHB'] as const)('error: the %s proof checked without a context is ERR_VERIFY_PSEUDONYM_CONTEXT_MISSING', async (dir) => {
    await expect(suiteCheck(dir, derived(dir).proof.proofValue)).rejects.toMatchObject({ code: 'ERR_VERIFY_PSEUDONYM_CONTEXT_MISSING' })
  })

  it('error: a proof whose nym_domain is another context than the verifier\'s is ERR_VERIFY_PSEUDONYM_CONTEXT_MISMATCH', async () => {
    const { proofValue } = rewritten('PseudonymHB', withNymDomain('https://another.verifier.example/')).proof
    await expect(suiteCheck('PseudonymHB', proofValue, verifierId)).rejects.toMatchObject({ code: 'ERR_VERIFY_PSEUDONYM_CONTEXT_MISMATCH' })
  })
})

describe('the baseline W3C vector where a feature is required', () => {
  it.each([
    ['a pseudonym', { pseudonymContext: verifierId }],
    ['holder binding', { requireHolderBinding: true }],
  ])('error: the baseline derived credential where %s is required fails ERR_VERIFY_PROOF_FEATURE_MISSING', async (_what, options) => {
    // The baseline vector: header 0xd9 0x5d 0x03, no feature; its contexts are bundled.
    const credential = readW3cVector<DerivedCredential>('derivedRevealDocument.json')
    const result = await verify(credential, options)
    expect(result.checks).toEqual([{ name: 'input', ok: true }, { name: 'proof', ok: false, code: 'ERR_VERIFY_PROOF_FEATURE_MISSING', message: expect.any(String) }])
    expect(result.proofFeature).toBeUndefined()
  })
})

describe.skipIf(!vdlContextsAvailable)(`W3C vc-di-bbs feature vectors: derived credentials with our verifyCredential ${withVdlContexts}`, () => {
  it.each(featureVectors)('default: the $dir credential verifies, and the result names its feature and pseudonym', async ({ dir, feature, pseudonym }) => {
    const result = await verify(derived(dir), pseudonym ? { pseudonymContext: verifierId } : {})

    expect(result.checks).toEqual([
      { name: 'input', ok: true },
      { name: 'proof', ok: true },
      issuerMismatch,
      { name: 'validity', ok: true },
      { name: 'challenge', ok: true },
    ])
    expect(result.proofFeature).toBe(feature)
    const disclosure = readW3cVector<FeatureDisclosureData>(`${dir}/derivedDisclosureData.json`)
    expect(result.pseudonym).toBe(pseudonym ? disclosure.pseudonym : undefined)
    // The verifier learns the revealed claims, the feature and the pseudonym; nothing of the secrets.
    expect(result.disclosed).toEqual(readW3cVector<{ credentialSubject: Json }>(`${dir}/derivedUnsignedReveal.json`).credentialSubject)
    expect(network.attempts).toEqual([])
  })

  it.each(featureVectors)('behavior: the statements our createVerifyData derives from the $dir credential match verifyNQuads.json', async ({ dir, pseudonym }) => {
    const documentLoader = createDocumentLoader({ didResolver, contexts: vdlContexts })
    const outcome = await verifyBbs2023Proof(derived(dir), documentLoader, pseudonym ? { pseudonymContext: utf8(verifierId) } : {})
    expect(outcome).toMatchObject({ verified: true, statements: readW3cVector<string[]>(`${dir}/verifyNQuads.json`) })
  })

  it.each(featureVectors.filter((vector) => vector.feature !== 'pseudonym'))('default: the $dir credential passes requireHolderBinding', async ({ dir, pseudonym }) => {
    const result = await verify(derived(dir), { requireHolderBinding: true, ...(pseudonym ? { pseudonymContext: verifierId } : {}) })
    expect(proofCheck(result.checks)).toEqual({ name: 'proof', ok: true })
  })

  it.each(featureVectors.filter((vector) => vector.pseudonym))(
    'behavior: the $dir proof in the spec\'s eight-component form, nym_domain before the pseudonym, verifies the same',
    async ({ dir, feature }) => {
      const result = await verify(rewritten(dir, withNymDomain(utf8(verifierId))), { pseudonymContext: verifierId })
      expect(proofCheck(result.checks)).toEqual({ name: 'proof', ok: true })
      expect(result.proofFeature).toBe(feature)
    },
  )

  it('behavior: the same holder shows the same pseudonym with and without holder binding (one nym secret, one context)', async () => {
    const [plain, bound] = await Promise.all(['Pseudonym', 'PseudonymHB'].map((dir) => verify(derived(dir), { pseudonymContext: verifierId })))
    expect(plain!.pseudonym).toBeDefined()
    expect(bound!.pseudonym).toBe(plain!.pseudonym)
  })

  it.each<[Dir, ProofFeatureOption[], boolean]>([
    ['HolderBinding', ['baseline', 'anonymous_holder_binding'], false],
    ['Pseudonym', ['pseudonym', 'holder_binding_pseudonym'], true],
    ['PseudonymHB', ['holder_binding_pseudonym'], true],
  ])('default: the %s credential verifies where proofFeatures is %j', async (dir, proofFeatures, pseudonym) => {
    const result = await verify(derived(dir), { proofFeatures, ...(pseudonym && { pseudonymContext: verifierId }) })
    expect(proofCheck(result.checks)).toEqual({ name: 'proof', ok: true })
  })
})

describe.skipIf(!vdlContextsAvailable)(`W3C vc-di-bbs feature vectors: refusals through verifyCredential ${withVdlContexts}`, () => {
  it.each(['Pseudonym', 'PseudonymHB'])('error: the %s proof with another valid pseudonym (another nym secret) fails ERR_VERIFY_PROOF_INVALID', async (dir) => {
    const other = calculatePseudonym({ nymSecret: 12345n, contextId: utf8(verifierId) })
    const result = await verify(rewritten(dir, withPseudonym(other)), { pseudonymContext: verifierId })
    expect(proofCheck(result.checks)).toMatchObject({ ok: false, code: 'ERR_VERIFY_PROOF_INVALID' })
    expect(result.pseudonym).toBeUndefined()
  })

  it.each(['Pseudonym', 'PseudonymHB'])('error: the %s pseudonym checked against another context id fails ERR_VERIFY_PROOF_INVALID', async (dir) => {
    const result = await verify(derived(dir), { pseudonymContext: 'https://another.verifier.example/' })
    expect(proofCheck(result.checks)).toMatchObject({ ok: false, code: 'ERR_VERIFY_PROOF_INVALID' })
  })

  it.each(swaps)('error: the $dir proof with its committed responses swapped ($what) fails ERR_VERIFY_PROOF_INVALID', async ({ dir, a, b }) => {
    const result = await verify(rewritten(dir, swapResponses(a, b)), { pseudonymContext: verifierId })
    expect(proofCheck(result.checks)).toMatchObject({ ok: false, code: 'ERR_VERIFY_PROOF_INVALID' })
  })

  it('error: the Pseudonym proof relabelled as anonymous holder binding (0x05) fails ERR_VERIFY_PROOF_INVALID: another interface', async () => {
    const result = await verify(rewritten('Pseudonym', asHolderBinding))
    expect(proofCheck(result.checks)).toMatchObject({ ok: false, code: 'ERR_VERIFY_PROOF_INVALID' })
  })

  it('error: the HolderBinding proof with lengthBBSMessages one more fails ERR_VERIFY_PROOF_VALUE_MALFORMED: it would commit no holder secret', async () => {
    const result = await verify(rewritten('HolderBinding', withLength(24)))
    expect(proofCheck(result.checks)).toMatchObject({ ok: false, code: 'ERR_VERIFY_PROOF_VALUE_MALFORMED' })
  })

  it('error: the Pseudonym proof with lengthBBSMessages one less fails ERR_VERIFY_PROOF_INVALID: the signature binds where the issuer\'s messages end', async () => {
    const result = await verify(rewritten('Pseudonym', withLength(22)), { pseudonymContext: verifierId })
    expect(proofCheck(result.checks)).toMatchObject({ ok: false, code: 'ERR_VERIFY_PROOF_INVALID' })
  })

  it.each(['Pseudonym', 'PseudonymHB'])('error: the %s credential without pseudonymContext fails ERR_VERIFY_PSEUDONYM_CONTEXT_MISSING', async (dir) => {
    const result = await verify(derived(dir))
    expect(result.verified).toBe(false)
    expect(proofCheck(result.checks)).toMatchObject({ ok: false, code: 'ERR_VERIFY_PSEUDONYM_CONTEXT_MISSING' })
  })

  it('error: a proof whose nym_domain is another context than the verifier\'s fails ERR_VERIFY_PSEUDONYM_CONTEXT_MISMATCH', async () => {
    const result = await verify(rewritten('PseudonymHB', withNymDomain('https://another.verifier.example/')), { pseudonymContext: verifierId })
    expect(proofCheck(result.checks)).toMatchObject({ ok: false, code: 'ERR_VERIFY_PSEUDONYM_CONTEXT_MISMATCH' })
  })

  it('error: the HolderBinding credential where a pseudonym is required fails ERR_VERIFY_PROOF_FEATURE_MISSING', async () => {
    const result = await verify(derived('HolderBinding'), { pseudonymContext: verifierId })
    expect(proofCheck(result.checks)).toMatchObject({ ok: false, code: 'ERR_VERIFY_PROOF_FEATURE_MISSING' })
  })

  it('error: the Pseudonym credential where holder binding is required fails ERR_VERIFY_PROOF_FEATURE_MISSING', async () => {
    const result = await verify(derived('Pseudonym'), { pseudonymContext: verifierId, requireHolderBinding: true })
    expect(proofCheck(result.checks)).toMatchObject({ ok: false, code: 'ERR_VERIFY_PROOF_FEATURE_MISSING' })
  })

  // The header names the option (0x09 for the Pseudonym vector); the proof proves one (pseudonym).
  it.each<[Dir, ProofFeatureOption[], string]>([
    ['HolderBinding', ['baseline'], 'its header, before the proof'],
    ['PseudonymHB', ['baseline', 'pseudonym'], 'its header, before the proof'],
    ['Pseudonym', ['pseudonym'], 'its header (0x09), before the proof'],
    ['Pseudonym', ['holder_binding_pseudonym'], 'what it proved, after the proof'],
  ])('error: the %s credential where proofFeatures is %j fails ERR_VERIFY_PROOF_FEATURE_NOT_ACCEPTED, on %s', async (dir, proofFeatures) => {
    const result = await verify(derived(dir), { proofFeatures, pseudonymContext: verifierId })
    expect(result.checks).toEqual([{ name: 'input', ok: true }, { name: 'proof', ok: false, code: 'ERR_VERIFY_PROOF_FEATURE_NOT_ACCEPTED', message: expect.any(String) }])
    expect(result.proofFeature).toBeUndefined()
  })
})
