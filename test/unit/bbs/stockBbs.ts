/**
 * The stock BBS library (@digitalbazaar/bbs-signatures, BLS12-381-SHA-256) as the reference the
 * BBS tests compare medcred's verifier with: it signs and derives their inputs, and its
 * verifier's verdict (a throw counts as INVALID) is the one ours must match.
 */
import * as stock from '@digitalbazaar/bbs-signatures'
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { numberToBytesBE } from '@noble/curves/utils.js'
import type { VerifyProofParameters } from '../../../src/bbs/verifyProof.js'

export const ciphersuite = stock.CIPHERSUITES.BLS12381_SHA256
const empty = new Uint8Array(0)

export type StockKey = { secretKey: Uint8Array; publicKey: Uint8Array }

/** A key pair from a fixed seed, so tests are reproducible. */
export function stockKey(seed: number): Promise<StockKey> {
  return stock.generateKeyPair({ seed: new Uint8Array(32).fill(seed), ciphersuite })
}

/**
 * Signs `messages`, then derives a proof disclosing `disclosedIndexes`. With `signature`, derives
 * from that instead: ProofGen does not check the signature, so a made-up one gives a proof whose
 * challenge verifies and whose pairing equation does not.
 */
export async function stockProof(parameters: {
  key: StockKey
  messages: Uint8Array[]
  disclosedIndexes: number[]
  header?: Uint8Array
  presentationHeader?: Uint8Array
  signature?: Uint8Array
}): Promise<{ signature: Uint8Array; proof: VerifyProofParameters }> {
  const { key, messages, disclosedIndexes, header = empty, presentationHeader = empty } = parameters
  const signature = parameters.signature ?? (await stock.sign({ ...key, header, messages, ciphersuite }))
  const proof = await stock.deriveProof({
    publicKey: key.publicKey,
    signature,
    header,
    messages,
    presentationHeader,
    disclosedMessageIndexes: disclosedIndexes,
    ciphersuite,
  })
  return {
    signature,
    proof: {
      publicKey: key.publicKey,
      proof,
      header,
      presentationHeader,
      disclosedMessages: disclosedIndexes.map((i) => messages[i]!),
      disclosedIndexes,
    },
  }
}

/** The stock verdict on a proof; the stock library throws for some INVALID inputs. */
export async function stockVerifyProof(parameters: VerifyProofParameters): Promise<boolean> {
  try {
    return await stock.verifyProof({
      publicKey: parameters.publicKey,
      proof: parameters.proof,
      header: parameters.header ?? empty,
      presentationHeader: parameters.presentationHeader ?? empty,
      disclosedMessages: [...(parameters.disclosedMessages ?? [])],
      disclosedMessageIndexes: [...(parameters.disclosedIndexes ?? [])],
      ciphersuite,
    })
  } catch {
    return false
  }
}

/** The stock verdict on a signature. */
export async function stockVerifySignature(parameters: {
  publicKey: Uint8Array
  signature: Uint8Array
  header: Uint8Array
  messages: Uint8Array[]
}): Promise<boolean> {
  try {
    return await stock.verifySignature({ ...parameters, ciphersuite })
  } catch {
    return false
  }
}

/** A signature-shaped value no key made: a point of G1 and a scalar. */
export function madeUpSignature(seed: bigint): Uint8Array {
  const octets = new Uint8Array(80)
  octets.set(bls12_381.G1.Point.BASE.multiply(seed).toBytes(true))
  octets.set(numberToBytesBE(seed, 32), 48)
  return octets
}

/** Bytes for test messages. */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
