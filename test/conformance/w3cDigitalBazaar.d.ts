// Types for the Digital Bazaar functions the bbs-2023 conformance test calls directly to
// reproduce the W3C test vectors' intermediate steps. The packages ship JavaScript only;
// src/types declares what src uses, this file adds what the tests use (the two
// `declare module` blocks of bls12-381-multikey merge). Functions only, no named types, so a
// later declaration of the same module in src/types merges without clashing.

// The functions src/ calls (createLabelMapFunction, hashCanonizedProof, hashMandatory,
// labelReplacementCanonicalizeJsonLd) and ALGORITHMS are declared in src/types; these add the rest.
declare module '@digitalbazaar/di-sd-primitives' {
  /** RDFC-1.0 canonical N-Quads of a JSON-LD document, or of N-Quads text. */
  export function canonicalize(
    input: Record<string, unknown> | string,
    options: {
      documentLoader?: (url: string) => Promise<unknown>
      inputFormat?: 'application/n-quads'
      /** Filled with input blank node label -> canonical label. */
      canonicalIdMap?: Map<string, string>
    },
  ): Promise<string>

  /** One-shot HMAC-SHA-256 with the given key (a fresh random key when `null`). */
  export function createHmac(options: { key: Uint8Array | null; algorithm?: 'HS256' }): Promise<{
    sign(data: Uint8Array): Promise<Uint8Array>
    export(): Promise<Uint8Array>
  }>

  /** Maps each canonical blank node label to `u` + base64url(HMAC(label)). */
  export function createHmacIdLabelMapFunction(options: {
    hmac: { sign(data: Uint8Array): Promise<Uint8Array> }
  }): (options: { canonicalIdMap: Map<string, string> }) => Promise<Map<string, string>>

  /** Canonicalises with relabelling and splits the N-Quads by groups of JSON pointers. */
  export function canonicalizeAndGroup(options: {
    document: Record<string, unknown>
    labelMapFactoryFunction: (options: { canonicalIdMap: Map<string, string> }) => Promise<Map<string, string>>
    groups: Record<string, string[]>
    options: { documentLoader: (url: string) => Promise<unknown> }
  }): Promise<{
    groups: Record<
      string,
      { matching: Map<number, string>; nonMatching: Map<number, string>; deskolemizedNQuads: string[] } | undefined
    >
    /** Input (deskolemized) blank node label -> relabelled label. */
    labelMap: Map<string, string>
    nquads: string[]
  }>

  /** Canonical N-Quads of a proof configuration (the document's context, no proofValue). */
  export function canonizeProof(options: {
    document: Record<string, unknown>
    proof: Record<string, unknown>
    options: { documentLoader: (url: string) => Promise<unknown> }
  }): Promise<string>

  /** The part of a compact JSON-LD document the JSON pointers select (with ids and types). */
  export function selectJsonLd(options: {
    document: Record<string, unknown>
    pointers: string[]
  }): Record<string, unknown> | null

  /** Drops the `_:` prefix from blank node labels in a label map. */
  export function stripBlankNodePrefixes(map: Map<string, string>): Map<string, string>
}

declare module '@digitalbazaar/bls12-381-multikey' {
  /** Imports a key pair from raw key bytes (96-byte G2 public key, 32-byte secret key). */
  export function fromRaw(options: {
    algorithm: string
    publicKey: Uint8Array
    secretKey?: Uint8Array | undefined
  }): Promise<BbsKeyPair>
}
