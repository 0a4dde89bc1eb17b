import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { concat, type Hex, keccak256, padHex, toFunctionSignature } from 'viem'
import {
  computeOutputsMerkleRoot,
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
    }
    const payload = encodeVerdictNotice(notice)
    expect(decodeVerdictNotice(payload)).toEqual(notice)
    expect(Buffer.from(payload.slice(2), 'hex').toString('latin1')).not.toContain('measles')
  })
  it('behavior: the claims hash ignores key order', () => {
    expect(hashDisclosedClaims({ a: 1, b: { c: 2, d: 3 } })).toBe(hashDisclosedClaims({ b: { d: 3, c: 2 }, a: 1 }))
  })
  it('default: the challenge binds chain, application, sender and nonce', () => {
    const challenge = createPresentationChallenge({ chainId: 31337, application: '0xab7528bb862fB57E8A2BCd567a2e929a0Be56a5e', sender: '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65', nonce: padHex('0x01', { size: 32 }) })
    expect(challenge).toBe(`medcred:v1:31337:0xab7528bb862fb57e8a2bcd567a2e929a0be56a5e:0x15d34aaf54267db7d7c367839aaf71a00a2c6a65:0x${'00'.repeat(31)}01`)
    expect(() => createPresentationChallenge({ chainId: 1, application: '0x12', sender: '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65', nonce: '0x01' })).toThrow(/addresses/)
  })
  it('error: inspect queries are strict', () => {
    expect(decodeInspectQuery(encodeInspectQuery({ query: 'counts' }))).toEqual({ query: 'counts' })
    expect(() => decodeInspectQuery(encodeInspectQuery({ query: 'counts', extra: 1 } as never))).toThrow(/invalid/)
    expect(() => decodeInspectQuery('0x7b')).toThrow(/not JSON/)
  })
})
