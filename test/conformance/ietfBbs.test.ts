/**
 * Conformance with the IETF BBS signature draft's fixtures for the BLS12-381-SHA-256
 * ciphersuite (the one bbs-2023 uses), read in place from ../shared/vectors/ietf-bbs (see
 * ../shared/vectors/README.md): generators, hash-to-scalar, message mapping, the key pair,
 * the mocked random scalars, and every valid and invalid signature and proof, through
 * verifySignature, verifyProof and batchVerifyProofs.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { bytesToHex, bytesToNumberBE, hexToBytes } from '@noble/curves/utils.js'
import { describe, expect, it } from 'vitest'
import { batchVerifyProofs } from '../../src/bbs/batchVerifyProofs.js'
import { calculateDomain } from '../../src/bbs/calculateDomain.js'
import { dst, expandMessage, r } from '../../src/bbs/ciphersuite.js'
import { createGenerators, getP1 } from '../../src/bbs/createGenerators.js'
import { hashToScalar, messagesToScalars } from '../../src/bbs/hashToScalar.js'
import { preparePublicKey } from '../../src/bbs/pairing.js'
import { type VerifyProofParameters, verifyProof } from '../../src/bbs/verifyProof.js'
import { verifySignature } from '../../src/bbs/verifySignature.js'

const repoRoot = join(import.meta.dirname, '..', '..')
const vectorsDir = join(repoRoot, '..', 'shared', 'vectors', 'ietf-bbs', 'bls12-381-sha-256')
const read = <T>(path: string): T => JSON.parse(readFileSync(join(vectorsDir, path), 'utf8')) as T
const caseFiles = (folder: string) => readdirSync(join(vectorsDir, folder)).filter((name) => name.endsWith('.json')).sort()

type Result = { valid: boolean; reason?: string }
type SignatureFixture = {
  caseName: string
  signerKeyPair: { publicKey: string }
  header: string
  messages: string[]
  signature: string
  result: Result
  trace: { domain: string }
}
type ProofFixture = {
  caseName: string
  signerPublicKey: string
  header: string
  presentationHeader: string
  messages: string[]
  disclosedIndexes: number[]
  proof: string
  result: Result
  trace: { domain: string }
}

const signatures = caseFiles('signature').map((file) => [file, read<SignatureFixture>(join('signature', file))] as const)
const proofs = caseFiles('proof').map((file) => [file, read<ProofFixture>(join('proof', file))] as const)

/** A proof fixture as verifyProof's input: the disclosed messages are those at the fixture's indexes. */
function proofInput(fixture: ProofFixture): VerifyProofParameters {
  return {
    publicKey: hexToBytes(fixture.signerPublicKey),
    proof: hexToBytes(fixture.proof),
    header: hexToBytes(fixture.header),
    presentationHeader: hexToBytes(fixture.presentationHeader),
    disclosedMessages: fixture.disclosedIndexes.map((i) => hexToBytes(fixture.messages[i] ?? '')),
    disclosedIndexes: fixture.disclosedIndexes,
  }
}

describe('IETF BBS fixtures (BLS12-381-SHA-256)', () => {
  it('default: the folder holds the fixtures this suite expects', () => {
    expect({ signatures: signatures.length, proofs: proofs.length }).toEqual({ signatures: 10, proofs: 15 })
  })

  it('behavior: generators.json — P1, Q_1 and every message generator', () => {
    const fixture = read<{ P1: string; Q1: string; MsgGenerators: string[] }>('generators.json')
    const generators = createGenerators(fixture.MsgGenerators.length + 1)
    expect(bytesToHex(getP1().octets)).toBe(fixture.P1)
    expect(bytesToHex(generators[0]!.octets)).toBe(fixture.Q1)
    expect(generators.slice(1).map((g) => bytesToHex(g.octets))).toEqual(fixture.MsgGenerators)
  })

  it('behavior: h2s.json — hash_to_scalar', () => {
    const fixture = read<{ message: string; dst: string; scalar: string }>('h2s.json')
    expect(bytesToHex(dst.hashToScalar)).toBe(fixture.dst)
    expect(hashToScalar(hexToBytes(fixture.message), hexToBytes(fixture.dst))).toBe(BigInt(`0x${fixture.scalar}`))
  })

  it('behavior: MapMessageToScalarAsHash.json — messages_to_scalars', () => {
    const fixture = read<{ dst: string; cases: { message: string; scalar: string }[] }>('MapMessageToScalarAsHash.json')
    expect(bytesToHex(dst.mapMessageToScalar)).toBe(fixture.dst)
    expect(messagesToScalars(fixture.cases.map((c) => hexToBytes(c.message)))).toEqual(fixture.cases.map((c) => BigInt(`0x${c.scalar}`)))
  })

  it('behavior: keypair.json — the public key is SK·BP2 and a valid key for the verifier', () => {
    const { keyPair } = read<{ keyPair: { secretKey: string; publicKey: string } }>('keypair.json')
    const publicKey = hexToBytes(keyPair.publicKey)
    expect(bls12_381.G2.Point.BASE.multiply(BigInt(`0x${keyPair.secretKey}`)).toHex(true)).toBe(keyPair.publicKey)
    expect(preparePublicKey(publicKey)?.hex).toBe(keyPair.publicKey)
  })

  it('behavior: mockedRng.json — the ciphersuite expand_message reproduces the mocked scalars', () => {
    const fixture = read<{ seed: string; dst: string; count: number; mockedScalars: string[] }>('mockedRng.json')
    const uniform = expandMessage(hexToBytes(fixture.seed), hexToBytes(fixture.dst), 48 * fixture.count)
    const scalars = Array.from({ length: fixture.count }, (_, i) => bytesToNumberBE(uniform.subarray(48 * i, 48 * (i + 1))) % r)
    expect(scalars).toEqual(fixture.mockedScalars.map((s) => BigInt(`0x${s}`)))
  })

  describe('signatures', () => {
    it.each(signatures)('%s', (_file, fixture) => {
      const publicKey = hexToBytes(fixture.signerKeyPair.publicKey)
      const header = hexToBytes(fixture.header)
      const messages = fixture.messages.map(hexToBytes)
      expect(verifySignature({ publicKey, signature: hexToBytes(fixture.signature), header, messages }), fixture.caseName).toBe(fixture.result.valid)
      // The trace holds the signer's domain; an invalid case changed one of its inputs.
      if (fixture.result.valid) {
        expect(calculateDomain(publicKey, createGenerators(messages.length + 1), header)).toBe(BigInt(`0x${fixture.trace.domain}`))
      }
    })
  })

  describe('proofs', () => {
    it.each(proofs)('%s', (_file, fixture) => {
      expect(verifyProof(proofInput(fixture)), fixture.caseName).toBe(fixture.result.valid)
    })

    it('behavior: the valid proofs trace the same domain', () => {
      for (const [, fixture] of proofs.filter(([, f]) => f.result.valid)) {
        const count = fixture.messages.length + 1
        const domain = calculateDomain(hexToBytes(fixture.signerPublicKey), createGenerators(count), hexToBytes(fixture.header))
        expect(domain, fixture.caseName).toBe(BigInt(`0x${fixture.trace.domain}`))
      }
    })

    it.each(['random', 'deterministic'] as const)('behavior: batchVerifyProofs with %s weights gives every fixture its verdict', (weights) => {
      const { verified, results } = batchVerifyProofs({ proofs: proofs.map(([, f]) => proofInput(f)), weights })
      expect(results).toEqual(proofs.map(([, f]) => f.result.valid))
      expect(verified).toBe(false)
      const valid = proofs.filter(([, f]) => f.result.valid).map(([, f]) => proofInput(f))
      expect(batchVerifyProofs({ proofs: valid, weights })).toEqual({ verified: true, results: valid.map(() => true) })
    })
  })
})
