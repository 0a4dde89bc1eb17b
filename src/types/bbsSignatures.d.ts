/**
 * @module
 * @digitalbazaar/bbs-signatures ships JavaScript without types; these declare the parts
 * medcred's tests and benchmarks call, to compare medcred's verifier with the stock one.
 */
declare module '@digitalbazaar/bbs-signatures' {
  export const CIPHERSUITES: { readonly BLS12381_SHA256: 'BLS12-381-SHA-256'; readonly BLS12381_SHAKE256: 'BLS12-381-SHAKE-256' }
  type Ciphersuite = 'BLS12-381-SHA-256' | 'BLS12-381-SHAKE-256'
  export function generateKeyPair(options: { seed?: Uint8Array; ciphersuite: Ciphersuite }): Promise<{ secretKey: Uint8Array; publicKey: Uint8Array }>
  export function sign(options: {
    secretKey: Uint8Array
    publicKey: Uint8Array
    header: Uint8Array
    messages: Uint8Array[]
    ciphersuite: Ciphersuite
  }): Promise<Uint8Array>
  export function verifySignature(options: {
    publicKey: Uint8Array
    signature: Uint8Array
    header: Uint8Array
    messages: Uint8Array[]
    ciphersuite: Ciphersuite
  }): Promise<boolean>
  export function deriveProof(options: {
    publicKey: Uint8Array
    signature: Uint8Array
    header: Uint8Array
    messages: Uint8Array[]
    presentationHeader: Uint8Array
    disclosedMessageIndexes: number[]
    ciphersuite: Ciphersuite
  }): Promise<Uint8Array>
  export function verifyProof(options: {
    publicKey: Uint8Array
    proof: Uint8Array
    header: Uint8Array
    presentationHeader: Uint8Array
    disclosedMessages: Uint8Array[]
    disclosedMessageIndexes: number[]
    ciphersuite: Ciphersuite
  }): Promise<boolean>
}
