/**
 * @module
 * Digital Bazaar's Multikey packages ship JavaScript without types; these declare the parts
 * medcred calls (src/keys) and nothing more.
 */
declare module '@digitalbazaar/bls12-381-multikey' {
  /** The BBS ciphersuites the package signs with. */
  export const ALGORITHMS: { readonly BBS_BLS12381_SHA256: string; readonly BBS_BLS12381_SHAKE256: string }

  /** A Multikey document as the package reads and writes it. */
  export type MultikeyDocument = {
    '@context'?: string | undefined
    type?: 'Multikey' | undefined
    id?: string | undefined
    controller?: string | undefined
    publicKeyMultibase?: string | undefined
    secretKeyMultibase?: string | undefined
  }

  export type BbsSigner = {
    algorithm: string
    id: string | undefined
    publicKey: Uint8Array
    /** Signs the CBOR array `[header, messages]` the bbs-2023 suite hands it. */
    sign(options: { data: Uint8Array }): Promise<Uint8Array>
    multisign(options: { header: Uint8Array; messages: Uint8Array[] }): Promise<Uint8Array>
  }

  export type BbsVerifier = {
    algorithm: string
    id: string | undefined
    /** Verifies a derived proof; undisclosed messages are holes in `messages`. */
    multiverify(options: {
      proof: Uint8Array
      header: Uint8Array
      presentationHeader: Uint8Array
      messages: (Uint8Array | undefined)[]
    }): Promise<boolean>
  }

  export type BbsKeyPair = {
    id: string | undefined
    controller: string | undefined
    algorithm: string
    publicKeyMultibase: string
    secretKeyMultibase: string | undefined
    export(options?: {
      publicKey?: boolean | undefined
      secretKey?: boolean | undefined
      includeContext?: boolean | undefined
    }): Promise<MultikeyDocument & { publicKeyMultibase: string }>
    signer(): BbsSigner
    verifier(): BbsVerifier
    deriveProof(options: {
      signature: Uint8Array
      header: Uint8Array
      messages: Uint8Array[]
      presentationHeader: Uint8Array
      disclosedMessageIndexes: number[]
    }): Promise<Uint8Array>
  }

  export function generateBbsKeyPair(options: {
    algorithm: string
    id?: string | undefined
    controller?: string | undefined
  }): Promise<BbsKeyPair>

  export function from(multikey: MultikeyDocument, options?: { algorithm: string }): Promise<BbsKeyPair>
}

declare module '@digitalbazaar/ed25519-multikey' {
  /** A Multikey document as the package reads and writes it. */
  export type MultikeyDocument = {
    '@context'?: string | undefined
    type?: 'Multikey' | undefined
    id?: string | undefined
    controller?: string | undefined
    publicKeyMultibase: string
    secretKeyMultibase?: string | undefined
  }

  export type Ed25519Signer = {
    algorithm: 'Ed25519'
    id: string | undefined
    sign(options: { data: Uint8Array }): Promise<Uint8Array>
  }

  export type Ed25519Verifier = {
    algorithm: 'Ed25519'
    id: string | undefined
    verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>
  }

  export type Ed25519KeyPair = {
    id: string | undefined
    controller: string | undefined
    publicKeyMultibase: string
    secretKeyMultibase: string | undefined
    export(options?: {
      publicKey?: boolean | undefined
      secretKey?: boolean | undefined
      includeContext?: boolean | undefined
      /** Writes the 32-byte seed rather than the legacy 64-byte seed + public key. */
      canonicalize?: boolean | undefined
    }): Promise<MultikeyDocument>
    signer(): Ed25519Signer
    verifier(): Ed25519Verifier
  }

  export function generate(options?: {
    id?: string | undefined
    controller?: string | undefined
  }): Promise<Ed25519KeyPair>

  export function from(multikey: MultikeyDocument): Promise<Ed25519KeyPair>
}
