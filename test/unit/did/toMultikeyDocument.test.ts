import { generateBbsKeyPair } from '@digitalbazaar/bls12-381-multikey'
import type { DIDDocument } from 'did-resolver'
import { bytesToHex } from 'viem'
import { describe, expect, it } from 'vitest'
import { toMultikeyDocument } from '../../../src/did/ethr/toMultikeyDocument.js'
import { decodePublicKeyMultibase } from '../../../src/did/multikey/decodePublicKeyMultibase.js'

const did = 'did:ethr:0x7a69:0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266'
const controller = {
  id: `${did}#controller`,
  type: 'EcdsaSecp256k1RecoveryMethod2020',
  controller: did,
  blockchainAccountId: 'eip155:31337:0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266',
}
// What ethr-did-resolver 11 returns for a did/pub/Bls12381G2Key2020 attribute.
const ethrDocument = (publicKeyHex: string): DIDDocument => ({
  '@context': [
    'https://www.w3.org/ns/did/v1',
    'https://w3id.org/security/suites/secp256k1recovery-2020/v2',
    'https://w3id.org/security/v3-unstable',
  ],
  id: did,
  verificationMethod: [
    controller,
    { id: `${did}#delegate-1`, type: 'Bls12381G2Key2020', controller: did, publicKeyHex },
  ],
  authentication: [`${did}#controller`],
  assertionMethod: [`${did}#controller`, `${did}#delegate-1`],
})

describe('toMultikeyDocument', () => {
  it('default: a Bls12381G2Key2020 becomes a Multikey with the same id', async () => {
    const { publicKeyMultibase } = await generateBbsKeyPair({ algorithm: 'BBS-BLS12-381-SHA-256' })
    const publicKeyHex = bytesToHex(decodePublicKeyMultibase(publicKeyMultibase).publicKey).slice(2)
    expect(toMultikeyDocument(ethrDocument(publicKeyHex))).toEqual({
      ...ethrDocument(publicKeyHex),
      '@context': [
        'https://www.w3.org/ns/did/v1',
        'https://w3id.org/security/multikey/v1',
        'https://w3id.org/security/suites/secp256k1recovery-2020/v2',
        'https://w3id.org/security/v3-unstable',
      ],
      verificationMethod: [
        controller,
        { id: `${did}#delegate-1`, type: 'Multikey', controller: did, publicKeyMultibase },
      ],
    })
  })

  it('behavior: a BBS attribute of the wrong length is left as it is', () => {
    const document = ethrDocument('ab'.repeat(95))
    expect(toMultikeyDocument(document).verificationMethod).toEqual(document.verificationMethod)
  })

  it('behavior: the DID v1 context is put first and the Multikey context added once', () => {
    const document = { ...ethrDocument('ab'.repeat(95)), '@context': 'https://w3id.org/security/v3-unstable' }
    expect(toMultikeyDocument(document)['@context']).toEqual([
      'https://www.w3.org/ns/did/v1',
      'https://w3id.org/security/multikey/v1',
      'https://w3id.org/security/v3-unstable',
    ])
    const again = toMultikeyDocument(toMultikeyDocument(document))
    expect(again['@context']).toEqual(toMultikeyDocument(document)['@context'])
  })

  it('behavior: a document without @context (application/did+json) gets none', () => {
    const { '@context': _, ...document } = ethrDocument('ab'.repeat(96))
    expect(toMultikeyDocument(document)).not.toHaveProperty('@context')
  })
})
