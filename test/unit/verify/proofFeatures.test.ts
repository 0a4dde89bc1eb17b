/**
 * The `proofFeatures` verify option: the bbs-2023 feature options a verifier accepts, judged on
 * the proof value's header before any canonicalisation or BBS work (a refused proof never
 * reaches a suite's message count or proof check), then on what the proof proved (with the
 * feature vectors: test/conformance/w3cBbs2023Features.test.ts). Credentials: the W3C baseline
 * vector (its contexts are bundled), with its header rewritten, and a MATTR BbsBlsSignature2020
 * credential.
 */
import * as cborg from 'cborg'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readMattrFixture } from '#test/mattr-bbs-2020/fixtures.js'
import { hexToBytes, readW3cVector } from '#test/w3cVectors.js'
import { createDidResolver } from '../../../src/did/index.js'
import { proofSuites } from '../../../src/suites/registry.js'
import type { ProofFeatureOption } from '../../../src/suites/types.js'
import { VerifyOptionsError } from '../../../src/verify/errors.js'
import type { VerificationCheck } from '../../../src/verify/types.js'
import { type VerifyCredentialParameters, verifyCredential } from '../../../src/verify/verifyCredential.js'

type Credential = Record<string, unknown> & { proof: Record<string, unknown> & { proofValue: string } }

const now = new Date('2025-06-01T00:00:00Z')
const didResolver = createDidResolver()
const presentationHeader = hexToBytes(readW3cVector<{ presentationHeaderHex: string }>('BBSDeriveMaterial.json').presentationHeaderHex)
const features: ProofFeatureOption[] = ['anonymous_holder_binding', 'pseudonym', 'holder_binding_pseudonym']

afterEach(() => vi.restoreAllMocks())

function baseline(): Credential {
  return readW3cVector<Credential>('derivedRevealDocument.json')
}

/** The baseline vector with its proof value's header byte set to `header`, followed by `body`. */
function withHeader(header: number, body: Uint8Array): Credential {
  const credential = baseline()
  credential.proof.proofValue = `u${Buffer.from([0xd9, 0x5d, header, ...body]).toString('base64url')}`
  return credential
}

/** The baseline proof value's CBOR components. */
function baselineComponents(): unknown[] {
  return cborg.decode(Buffer.from(baseline().proof.proofValue.slice(1), 'base64url').subarray(3), { useMaps: true }) as unknown[]
}

/** Spies on every suite's work: its message count (the first read past the header) and its proof check. */
function spyOnSuites() {
  return proofSuites.flatMap((suite) => [vi.spyOn(suite, 'countMessages'), vi.spyOn(suite, 'verify')])
}

async function verify(credential: unknown, options: Partial<VerifyCredentialParameters> = {}) {
  return verifyCredential({ credential, trustedIssuers: [], now, didResolver, presentationHeader, ...options })
}

function proofCheck(checks: VerificationCheck[]): VerificationCheck | undefined {
  return checks.find((check) => check.name === 'proof')
}

const notAccepted = (option: string) => [
  { name: 'input', ok: true },
  { name: 'proof', ok: false, code: 'ERR_VERIFY_PROOF_FEATURE_NOT_ACCEPTED', message: expect.stringContaining(`"${option}"`) },
]

describe('verifyCredential: proofFeatures', () => {
  it.each<[string, ProofFeatureOption[] | undefined]>([
    ['not given (every option)', undefined],
    ['["baseline"]', ['baseline']],
    ['every option', ['baseline', ...features]],
  ])('default: a plain proof passes the proof check where proofFeatures is %s', async (_name, proofFeatures) => {
    const result = await verify(baseline(), { proofFeatures })
    expect(proofCheck(result.checks)).toEqual({ name: 'proof', ok: true })
  })

  it('error: a plain proof where only features are accepted fails ERR_VERIFY_PROOF_FEATURE_NOT_ACCEPTED before its proof is read', async () => {
    const work = spyOnSuites()
    const result = await verify(baseline(), { proofFeatures: features })
    expect(result.checks).toEqual(notAccepted('baseline'))
    expect(result.issuer).toBeUndefined()
    for (const spy of work) expect(spy).not.toHaveBeenCalled()
  })

  it.each([
    [0x05, 'anonymous_holder_binding'],
    [0x07, 'pseudonym'],
    [0x09, 'holder_binding_pseudonym'],
  ])('error: header %i (%s) followed by garbage fails ERR_VERIFY_PROOF_FEATURE_NOT_ACCEPTED, not a parse error, where only baseline is accepted', async (header, option) => {
    const credential = withHeader(header, Uint8Array.from({ length: 40 }, (_, i) => 0xff - i))
    const work = spyOnSuites()
    expect((await verify(credential, { proofFeatures: ['baseline'] })).checks).toEqual(notAccepted(option))
    for (const spy of work) expect(spy).not.toHaveBeenCalled()
    // Without the option the same value is read further, and found malformed.
    expect(proofCheck((await verify(credential)).checks)).toMatchObject({ ok: false, code: 'ERR_VERIFY_PROOF_VALUE_MALFORMED' })
  })

  it('error: a well-formed holder-binding value is refused on its header, where otherwise its BBS proof is checked', async () => {
    // The baseline components with lengthBBSMessages leaving room for the blind and one holder
    // secret: a value the suite reads in full and hands to BlindProofVerify.
    const components = baselineComponents()
    const [bbsProof, , , selectiveIndexes] = components as [Uint8Array, unknown, unknown, number[]]
    const messages = selectiveIndexes.length + (bbsProof.length - 272) / 32
    const credential = withHeader(0x05, cborg.encode([...components, messages - 2]))

    const refused = spyOnSuites()
    expect((await verify(credential, { proofFeatures: ['baseline'] })).checks).toEqual(notAccepted('anonymous_holder_binding'))
    for (const spy of refused) expect(spy).not.toHaveBeenCalled()
    vi.restoreAllMocks()

    const checked = spyOnSuites()
    expect(proofCheck((await verify(credential)).checks)).toMatchObject({ ok: false, code: 'ERR_VERIFY_PROOF_INVALID' })
    expect(checked.filter((spy) => spy.mock.calls.length > 0)).toHaveLength(2)
  })

  it('error: a BbsBlsSignature2020 proof, which has no feature, is "baseline": refused where only features are accepted', async () => {
    const { credential } = readMattrFixture('signed-licence')
    const work = spyOnSuites()
    expect((await verify(credential, { proofFeatures: ['pseudonym'], presentationHeader: undefined })).checks).toEqual(notAccepted('baseline'))
    for (const spy of work) expect(spy).not.toHaveBeenCalled()
  })

  it('error: an empty list accepts no proof', async () => {
    const result = await verify(baseline(), { proofFeatures: [] })
    expect(result.checks).toEqual(notAccepted('baseline'))
    expect(proofCheck(result.checks)).toMatchObject({ message: expect.stringContaining('accepts none') })
  })

  it.each([
    ['a misspelt option', ['pseudonyms']],
    ['one option, not a list', 'baseline'],
    ['a number', [3]],
  ])('error: proofFeatures with %s throws ERR_VERIFY_OPTIONS_INVALID', async (_name, proofFeatures) => {
    const call = verify(baseline(), { proofFeatures: proofFeatures as never })
    await expect(call).rejects.toThrowError(VerifyOptionsError)
    await expect(verify(baseline(), { proofFeatures: proofFeatures as never })).rejects.toMatchObject({ code: 'ERR_VERIFY_OPTIONS_INVALID' })
  })
})
