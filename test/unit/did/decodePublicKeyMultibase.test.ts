import { generateBbsKeyPair } from '@digitalbazaar/bls12-381-multikey'
import { generate } from '@digitalbazaar/ed25519-multikey'
import { base58 } from '@scure/base'
import { describe, expect, it } from 'vitest'
import { decodePublicKeyMultibase } from '../../../src/did/multikey/decodePublicKeyMultibase.js'
import { encodePublicKeyMultibase } from '../../../src/did/multikey/encodePublicKeyMultibase.js'

const multibase = (...bytes: number[][]) => `z${base58.encode(Uint8Array.from(bytes.flat()))}`

describe('decodePublicKeyMultibase', () => {
  it('default: round-trips keys made by the Digital Bazaar Multikey libraries', async () => {
    const bbs = await generateBbsKeyPair({ algorithm: 'BBS-BLS12-381-SHA-256' })
    const ed25519 = await generate()
    const decodedBbs = decodePublicKeyMultibase(bbs.publicKeyMultibase)
    const decodedEd25519 = decodePublicKeyMultibase(ed25519.publicKeyMultibase)
    expect(decodedBbs.type).toBe('Bls12381G2')
    expect(decodedBbs.publicKey).toHaveLength(96)
    expect(decodedEd25519.type).toBe('Ed25519')
    expect(decodedEd25519.publicKey).toHaveLength(32)
    expect(encodePublicKeyMultibase(decodedBbs)).toBe(bbs.publicKeyMultibase)
    expect(encodePublicKeyMultibase(decodedEd25519)).toBe(ed25519.publicKeyMultibase)
  })

  it('behavior: a key decoded again is the same key, and each caller gets its own bytes', async () => {
    const { publicKeyMultibase } = await generateBbsKeyPair({ algorithm: 'BBS-BLS12-381-SHA-256' })
    const first = decodePublicKeyMultibase(publicKeyMultibase)
    const expected = first.publicKey.slice()
    first.publicKey.fill(0)
    const again = decodePublicKeyMultibase(publicKeyMultibase)
    expect(again).toEqual({ type: 'Bls12381G2', publicKey: expected })
    expect(again.publicKey).not.toBe(first.publicKey)
  })

  it.each([
    ['not base58btc multibase', 'uAe0B', "expected base58btc multibase (prefix 'z')"],
    ['bad base58', 'z0OIl', 'not valid base58btc'],
    [
      'an unknown multicodec',
      multibase([0xe7, 0x01], new Array<number>(33).fill(2)),
      'unsupported multicodec (expected bls12_381-g2-pub 0xeb01 or ed25519-pub 0xed01)',
    ],
    [
      'a short BLS12-381 G2 key',
      multibase([0xeb, 0x01], new Array<number>(95).fill(1)),
      'Bls12381G2 public keys are 96 bytes, got 95',
    ],
    [
      'a long Ed25519 key',
      multibase([0xed, 0x01], new Array<number>(33).fill(1)),
      'Ed25519 public keys are 32 bytes, got 33',
    ],
  ])('error: %s', (_, value, reason) => {
    expect(() => decodePublicKeyMultibase(value)).toThrow(
      expect.objectContaining({
        code: 'ERR_DID_PUBLIC_KEY_MALFORMED',
        message: `Public key "${value}" is malformed: ${reason}.`,
      }),
    )
  })
})

describe('encodePublicKeyMultibase', () => {
  it('error: a key of the wrong length', () => {
    expect(() => encodePublicKeyMultibase({ type: 'Bls12381G2', publicKey: new Uint8Array(48) })).toThrow(
      expect.objectContaining({
        code: 'ERR_DID_PUBLIC_KEY_MALFORMED',
        message: 'Public key is malformed: Bls12381G2 public keys are 96 bytes, got 48.',
      }),
    )
  })
})
