import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { concat, decodeAbiParameters, encodeAbiParameters, type Hex, keccak256, padHex, parseAbiParameters, toFunctionSignature } from 'viem'
import {
  computeOutputsMerkleRoot,
  createApplicationPseudonymContext,
  createDealPseudonymContext,
  createOutputValidityProof,
  createPresentationChallenge,
  decodeInput,
  decodeInspectQuery,
  decodeVerdictNotice,
  encodeInput,
  encodeInspectQuery,
  encodeOutput,
  encodeVerdictNotice,
  hashDisclosedClaims,
  InputDecodeError,
  inputsAbi,
  NoticeCodecError,
  outputsAbi,
  ProtocolEncodeError,
  ProtocolParameterError,
  type VerifierAction,
} from '../../src/cartesi/index.js'

const key = { id: 'did:web:school.example#bbs-1', publicKey: padHex('0x02', { size: 96 }) }
const actions: VerifierAction[] = [
  { action: 'accreditIssuer', did: 'did:web:school.example', controller: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', credentialTypes: ['MedicalLicenseCredential'], keys: [key], statusLists: ['https://school.example/status/1'] },
  { action: 'withdrawIssuer', did: 'did:web:school.example' },
  { action: 'rotateIssuerKeys', did: 'did:web:school.example', add: [key], remove: ['did:web:school.example#bbs-0'] },
  { action: 'setCredentialStatus', did: 'did:web:school.example', statusList: 'https://school.example/status/1', entries: [{ index: 7, status: 'revoked' }, { index: 9, status: 'suspended' }, { index: 11, status: 'active' }] },
  { action: 'submitPresentation', nonce: padHex('0x01', { size: 32 }), presentation: '{"über":"✓"}' },
]

describe('input envelope', () => {
  it.each(actions)('default: $action round-trips', (action) => {
    expect(decodeInput(encodeInput(action))).toEqual(action)
  })

  it('error: each malformation has its own code', () => {
    const code = (payload: Hex) => {
      try {
        decodeInput(payload)
      } catch (error) {
        expect(error).toBeInstanceOf(InputDecodeError)
        return (error as InputDecodeError).code
      }
      return 'accepted'
    }
    const valid = encodeInput(actions[1] as VerifierAction)
    expect(code('0x')).toBe('ERR_CARTESI_INPUT_MALFORMED')
    expect(code(valid.slice(0, -2) as Hex)).toBe('ERR_CARTESI_INPUT_MALFORMED')
    expect(code(concat([valid, '0x00']))).toBe('ERR_CARTESI_INPUT_MALFORMED')
    expect(code(`0x${'00'.repeat(64 * 1024 + 1)}`)).toBe('ERR_CARTESI_INPUT_TOO_LARGE')
  })

  it('error: an action its ABI types cannot hold is a medcred error, with viem\'s as its cause', () => {
    const error = (() => {
      try {
        return encodeInput({ action: 'submitPresentation', nonce: '0x01', presentation: '{}' })
      } catch (thrown) {
        return thrown
      }
    })()
    expect(error).toBeInstanceOf(ProtocolEncodeError)
    expect(error).toBeInstanceOf(ProtocolParameterError)
    expect(error).toMatchObject({
      code: 'ERR_CARTESI_PARAMETER_INVALID',
      message: 'Cannot encode the submitPresentation input: Size of bytes "0x01" (bytes1) does not match expected size (bytes32).',
      docsPath: 'docs/errors.md#err_cartesi_parameter_invalid',
      cause: expect.objectContaining({ name: 'AbiEncodingBytesSizeMismatchError' }),
    })
  })
})

describe('rollups ABIs', () => {
  const require = createRequire(import.meta.url)
  const artifact = (name: string) => JSON.parse(readFileSync(require.resolve(`@cartesi/rollups/out/${name}.sol/${name}.json`), 'utf8')).abi as never[]
  it('default: ours match @cartesi/rollups 2.2.0 artifacts', () => {
    expect(inputsAbi.map(toFunctionSignature)).toEqual(artifact('Inputs').map(toFunctionSignature))
    expect(outputsAbi.map(toFunctionSignature).sort()).toEqual(artifact('Outputs').map(toFunctionSignature).sort())
  })
})

describe('outputs Merkle tree', () => {
  const outputs = Array.from({ length: 5 }, (_, i) => encodeOutput({ type: 'notice', payload: padHex(`0x0${i}`, { size: 4 }) }))
  it('default: every proof leads from its leaf to the root', () => {
    const root = computeOutputsMerkleRoot(outputs)
    outputs.forEach((output, index) => {
      const { outputHashesSiblings } = createOutputValidityProof(outputs, index)
      expect(outputHashesSiblings).toHaveLength(63)
      let node = keccak256(output)
      let position = BigInt(index)
      for (const sibling of outputHashesSiblings) {
        node = position & 1n ? keccak256(concat([sibling, node])) : keccak256(concat([node, sibling]))
        position >>= 1n
      }
      expect(node).toBe(root)
    })
  })
  it('behavior: the root changes with any output', () => {
    expect(computeOutputsMerkleRoot(outputs.slice(0, 4))).not.toBe(computeOutputsMerkleRoot(outputs))
  })
  it('error: no proof for a missing output', () => {
    expect(() => createOutputValidityProof(outputs, 5)).toThrow(expect.objectContaining({ name: 'ProtocolParameterError', code: 'ERR_CARTESI_PARAMETER_INVALID', message: 'There is no output 5 among 5.' }))
  })
})

const verdictNotice = {
  kind: 'verdict' as const,
  presentationHash: keccak256('0x02'),
  sender: '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65' as const,
  issuer: 'did:web:school.example',
  credentialType: 'MedicalLicenseCredential',
  verdict: 'verified' as const,
  blockTimestamp: 1_748_779_200n,
  disclosedClaimsHash: keccak256('0x03'),
  holderBound: false,
}
const pseudonym: Hex = `0x${'a5'.repeat(48)}`
const verdictNoticeLayout = parseAbiParameters(
  'uint16 version, uint8 kind, bytes32 presentationHash, address sender, string issuer, string credentialType, uint8 verdict, uint64 blockTimestamp, bytes32 disclosedClaimsHash, bool holderBound, bytes pseudonym',
)

describe('notices, challenge, claims hash, inspect', () => {
  it('default: a verdict notice round-trips and carries no claim value', () => {
    const notice = {
      kind: 'verdict' as const,
      presentationHash: keccak256('0x01'),
      sender: '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65' as const,
      issuer: 'did:web:school.example',
      credentialType: 'VaccinationCertificate',
      verdict: 'verified' as const,
      blockTimestamp: 1_748_779_200n,
      disclosedClaimsHash: hashDisclosedClaims({ vaccine: { targetDisease: 'measles' }, doseNumber: 2 }),
      holderBound: false,
    }
    const payload = encodeVerdictNotice(notice)
    expect(decodeVerdictNotice(payload)).toEqual(notice)
    expect(Buffer.from(payload.slice(2), 'hex').toString('latin1')).not.toContain('measles')
  })
  it('default: holderBound and the pseudonym round-trip, appended after the first nine fields', () => {
    const bound = { ...verdictNotice, holderBound: true }
    const withPseudonym = { ...bound, pseudonym: pseudonym }
    expect(decodeVerdictNotice(encodeVerdictNotice(bound))).toEqual(bound)
    expect(decodeVerdictNotice(encodeVerdictNotice(withPseudonym))).toEqual(withPseudonym)
    // A contract that decodes the first nine fields reads them as before.
    const firstNine = parseAbiParameters(
      'uint16 version, uint8 kind, bytes32 presentationHash, address sender, string issuer, string credentialType, uint8 verdict, uint64 blockTimestamp, bytes32 disclosedClaimsHash',
    )
    const head = decodeAbiParameters(firstNine, encodeVerdictNotice(withPseudonym))
    expect(head).toEqual([1, 1, verdictNotice.presentationHash, verdictNotice.sender, verdictNotice.issuer, verdictNotice.credentialType, 1, verdictNotice.blockTimestamp, verdictNotice.disclosedClaimsHash])
  })
  it.each([
    ['a 47-byte pseudonym', true, `0x${'11'.repeat(47)}`, 'The verdict notice\'s pseudonym is 47 bytes; a pseudonym is 48 bytes, or empty when none was proved.'],
    ['a 49-byte pseudonym', true, `0x${'11'.repeat(49)}`, 'The verdict notice\'s pseudonym is 49 bytes; a pseudonym is 48 bytes, or empty when none was proved.'],
    ['a pseudonym with holderBound false', false, `0x${'11'.repeat(48)}`, 'The verdict notice carries a pseudonym but says the proof bound no holder secret; every pseudonym proof does.'],
  ] as const)('error: a notice with %s is malformed, and is never encoded', (_name, holderBound, bytes, message) => {
    const payload = encodeAbiParameters(verdictNoticeLayout, [1, 1, verdictNotice.presentationHash, verdictNotice.sender, verdictNotice.issuer, verdictNotice.credentialType, 1, verdictNotice.blockTimestamp, verdictNotice.disclosedClaimsHash, holderBound, bytes])
    expect(() => decodeVerdictNotice(payload)).toThrow(expect.objectContaining({ name: 'NoticeCodecError', code: 'ERR_CARTESI_NOTICE_MALFORMED', reason: 'pseudonymInvalid', message }))
    expect(() => encodeVerdictNotice({ ...verdictNotice, holderBound, pseudonym: bytes })).toThrow(ProtocolEncodeError)
  })
  it('error: a notice that is not its one encoding is malformed: trailing bytes, a dirty bool word', () => {
    const payload = encodeVerdictNotice({ ...verdictNotice, holderBound: true, pseudonym })
    expect(() => decodeVerdictNotice(concat([payload, padHex('0x00', { size: 32 })]))).toThrow(expect.objectContaining({ reason: 'notCanonical', message: 'The notice decodes as a medcred verdict notice, but is not its one encoding.' }))
    // holderBound is the tenth head word: 0x…02 is no bool.
    const word = 2 + 9 * 64
    const dirty = `${payload.slice(0, word)}${'00'.repeat(31)}02${payload.slice(word + 64)}` as Hex
    expect(() => decodeVerdictNotice(dirty)).toThrow(NoticeCodecError)
    const nineFields = encodeAbiParameters(
      parseAbiParameters('uint16 version, uint8 kind, bytes32 presentationHash, address sender, string issuer, string credentialType, uint8 verdict, uint64 blockTimestamp, bytes32 disclosedClaimsHash'),
      [1, 1, verdictNotice.presentationHash, verdictNotice.sender, verdictNotice.issuer, verdictNotice.credentialType, 1, verdictNotice.blockTimestamp, verdictNotice.disclosedClaimsHash],
    )
    // The layout verifiers wrote before holder binding decodes as a plain verdict; padded, it does not.
    expect(decodeVerdictNotice(nineFields)).toEqual({ ...verdictNotice, holderBound: false })
    expect(() => decodeVerdictNotice(concat([nineFields, padHex('0x00', { size: 32 })]))).toThrow(expect.objectContaining({ code: 'ERR_CARTESI_NOTICE_MALFORMED' }))
  })
  it("default: an application's pseudonym context binds chain and application, never a deal's", () => {
    const application = '0xab7528bb862fB57E8A2BCd567a2e929a0Be56a5e'
    expect(createApplicationPseudonymContext({ chainId: 31337, application })).toBe('medcred:v1:application-pseudonym:31337:0xab7528bb862fb57e8a2bcd567a2e929a0be56a5e')
    expect(createApplicationPseudonymContext({ chainId: 31337n, application })).toBe(createApplicationPseudonymContext({ chainId: 31337, application: application.toLowerCase() as Hex }))
    expect(createApplicationPseudonymContext({ chainId: 1, application })).not.toBe(createApplicationPseudonymContext({ chainId: 31337, application }))
    expect(createDealPseudonymContext({ chainId: 31337, application, dealId: 1n })).not.toBe(createApplicationPseudonymContext({ chainId: 31337, application }))
    expect(() => createApplicationPseudonymContext({ chainId: 1, application: '0x12' })).toThrow(
      expect.objectContaining({ name: 'ProtocolParameterError', code: 'ERR_CARTESI_PARAMETER_INVALID', message: 'The application must be a 20-byte address.' }),
    )
  })
  it('behavior: the claims hash ignores key order', () => {
    expect(hashDisclosedClaims({ a: 1, b: { c: 2, d: 3 } })).toBe(hashDisclosedClaims({ b: { d: 3, c: 2 }, a: 1 }))
  })
  it('default: the challenge binds chain, application, sender and nonce', () => {
    const challenge = createPresentationChallenge({ chainId: 31337, application: '0xab7528bb862fB57E8A2BCd567a2e929a0Be56a5e', sender: '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65', nonce: padHex('0x01', { size: 32 }) })
    expect(challenge).toBe(`medcred:v1:31337:0xab7528bb862fb57e8a2bcd567a2e929a0be56a5e:0x15d34aaf54267db7d7c367839aaf71a00a2c6a65:0x${'00'.repeat(31)}01`)
    expect(() => createPresentationChallenge({ chainId: 1, application: '0x12', sender: '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65', nonce: '0x01' })).toThrow(/addresses/)
  })
  it('default: the pseudonymVerdicts query round-trips, with or without a page start', () => {
    expect(decodeInspectQuery(encodeInspectQuery({ query: 'pseudonymVerdicts', pseudonym }))).toEqual({ query: 'pseudonymVerdicts', pseudonym })
    expect(decodeInspectQuery(encodeInspectQuery({ query: 'pseudonymVerdicts', pseudonym, after: 7 }))).toEqual({ query: 'pseudonymVerdicts', pseudonym, after: 7 })
  })
  it.each([
    ['a 32-byte value', { query: 'pseudonymVerdicts', pseudonym: keccak256('0x01') }],
    ['no 0x', { query: 'pseudonymVerdicts', pseudonym: 'ab'.repeat(48) }],
    ['a negative page start', { query: 'pseudonymVerdicts', pseudonym: `0x${'ab'.repeat(48)}`, after: -1 }],
    ['a fractional page start', { query: 'pseudonymVerdicts', pseudonym: `0x${'ab'.repeat(48)}`, after: 1.5 }],
    ['an extra field', { query: 'pseudonymVerdicts', pseudonym: `0x${'ab'.repeat(48)}`, limit: 5 }],
  ])('error: a pseudonymVerdicts query with %s is refused', (_name, query) => {
    expect(() => decodeInspectQuery(encodeInspectQuery(query as never))).toThrow(expect.objectContaining({ code: 'ERR_CARTESI_INPUT_MALFORMED' }))
  })
  it('error: inspect queries are strict', () => {
    expect(decodeInspectQuery(encodeInspectQuery({ query: 'counts' }))).toEqual({ query: 'counts' })
    expect(() => decodeInspectQuery(encodeInspectQuery({ query: 'counts', extra: 1 } as never))).toThrow(/invalid/)
    expect(() => decodeInspectQuery('0x7b')).toThrow(/not JSON/)
  })
})
