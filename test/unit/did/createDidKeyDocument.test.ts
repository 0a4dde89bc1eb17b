import { generateBbsKeyPair } from '@digitalbazaar/bls12-381-multikey'
import { generate } from '@digitalbazaar/ed25519-multikey'
import { describe, expect, it } from 'vitest'
import { createDidKeyDocument } from '../../../src/did/key/createDidKeyDocument.js'

describe('createDidKeyDocument', () => {
  it('default: a BLS12-381 G2 key becomes one Multikey in every relationship', async () => {
    const { publicKeyMultibase } = await generateBbsKeyPair({ algorithm: 'BBS-BLS12-381-SHA-256' })
    const did = `did:key:${publicKeyMultibase}`
    const id = `${did}#${publicKeyMultibase}`
    expect(createDidKeyDocument({ publicKeyMultibase })).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [{ id, type: 'Multikey', controller: did, publicKeyMultibase }],
      assertionMethod: [id],
      authentication: [id],
      capabilityInvocation: [id],
      capabilityDelegation: [id],
    })
  })

  it('args: an Ed25519 key', async () => {
    const { publicKeyMultibase } = await generate()
    const document = createDidKeyDocument({ publicKeyMultibase })
    expect(document.id).toBe(`did:key:${publicKeyMultibase}`)
    expect(document.verificationMethod?.[0]?.publicKeyMultibase).toBe(publicKeyMultibase)
  })

  it('error: a key that is not a supported Multikey', () => {
    expect(() => createDidKeyDocument({ publicKeyMultibase: 'z0OIl' })).toThrow(
      expect.objectContaining({
        code: 'ERR_DID_PUBLIC_KEY_MALFORMED',
        message: 'Public key "z0OIl" is malformed: not valid base58btc.',
      }),
    )
  })
})
