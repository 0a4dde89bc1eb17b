/**
 * CoreProofGen, which createBlindProof and createProofWithPseudonym share, on the plain
 * interface: it reproduces the IETF BBS draft's valid proof fixtures byte for byte with their
 * mocked random scalars (../shared/vectors/ietf-bbs), so ProofInit, the challenge and
 * ProofFinalize are the draft's.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { bytesToHex, hexToBytes } from '@noble/curves/utils.js'
import { describe, expect, it } from 'vitest'
import { sharedVectorsDir } from '#test/w3cVectors.js'
import { plainInterface } from '../../../src/bbs/ciphersuite.js'
import { coreProofGen } from '../../../src/bbs/coreProofGen.js'
import { createGenerators } from '../../../src/bbs/createGenerators.js'
import { messagesToScalars } from '../../../src/bbs/hashToScalar.js'
import { octetsToSignature } from '../../../src/bbs/octets.js'
import { mockedRandomScalars } from '../../../src/bbs/randomScalars.js'
import { verifyProof } from '../../../src/bbs/verifyProof.js'

const vectorsDir = join(sharedVectorsDir, 'ietf-bbs', 'bls12-381-sha-256')
const read = <T>(path: string): T => JSON.parse(readFileSync(join(vectorsDir, path), 'utf8')) as T
const mocked = read<{ seed: string; dst: string; count: number; mockedScalars: string[] }>('mockedRng.json')

type ProofFixture = {
  caseName: string
  signerPublicKey: string
  signature: string
  header: string
  presentationHeader: string
  messages: string[]
  disclosedIndexes: number[]
  proof: string
  result: { valid: boolean }
}
const validProofs = readdirSync(join(vectorsDir, 'proof'))
  .sort()
  .map((name) => ({ name, ...read<ProofFixture>(join('proof', name)) }))
  .filter((fixture) => fixture.result.valid)

describe('coreProofGen', () => {
  it.each(validProofs)('default: $name ($caseName) is reproduced byte for byte', (fixture) => {
    const publicKey = hexToBytes(fixture.signerPublicKey)
    const messages = fixture.messages.map(hexToBytes)
    const { proof } = coreProofGen(
      {
        publicKey,
        signature: octetsToSignature(hexToBytes(fixture.signature))!,
        generators: createGenerators(messages.length + 1),
        api: plainInterface,
        header: hexToBytes(fixture.header),
        presentationHeader: hexToBytes(fixture.presentationHeader),
        messageScalars: messagesToScalars(messages),
        disclosedIndexes: fixture.disclosedIndexes,
      },
      mockedRandomScalars(hexToBytes(mocked.seed), hexToBytes(mocked.dst)),
    )
    expect(bytesToHex(proof)).toBe(fixture.proof)
    const disclosedMessages = fixture.disclosedIndexes.map((i) => messages[i]!)
    expect(verifyProof({ publicKey, proof, header: hexToBytes(fixture.header), presentationHeader: hexToBytes(fixture.presentationHeader), disclosedMessages, disclosedIndexes: fixture.disclosedIndexes })).toBe(true)
  })
})
