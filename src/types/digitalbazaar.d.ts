/**
 * @module
 * Digital Bazaar's packages ship JavaScript without types; these declare the parts medcred
 * calls. Kept loose where the libraries are (documents are plain JSON objects).
 */
declare module '@digitalbazaar/vc' {
  type Loader = (url: string) => Promise<unknown>
  type Json = Record<string, unknown>
  export function issue(options: { credential: Json; suite: unknown; documentLoader: Loader; now?: Date | string }): Promise<Json>
  export function derive(options: { verifiableCredential: Json; suite: unknown; documentLoader: Loader }): Promise<Json>
  export function createPresentation(options: { verifiableCredential?: Json | Json[]; holder?: string; id?: string; version?: number }): Json
  export function signPresentation(options: { presentation: Json; suite: unknown; challenge: string; domain?: string; documentLoader: Loader }): Promise<Json>
  export function verifyCredential(options: {
    credential: Json
    suite: unknown
    documentLoader: Loader
    now?: Date
    checkStatus?: (options: { credential: Json }) => Promise<{ verified: boolean; error?: unknown }>
  }): Promise<{ verified: boolean; error?: unknown; results?: unknown[] }>
  export function verify(options: {
    presentation: Json
    suite: unknown
    documentLoader: Loader
    challenge?: string
    domain?: string
    unsignedPresentation?: boolean
    now?: Date
  }): Promise<{ verified: boolean; error?: unknown; presentationResult?: unknown; credentialResults?: unknown[] }>
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: Date | string })
    requiredAlgorithm: string | string[]
    createVerifier(options: { verificationMethod: unknown }): Promise<{ algorithm: string; verify(options: { data: unknown; signature?: Uint8Array }): Promise<boolean> }>
    verifySignature(options: { verifyData: unknown; verificationMethod: unknown; proof: Record<string, unknown> }): Promise<boolean>
  }
}

declare module '@digitalbazaar/bbs-2023-cryptosuite' {
  export function createSignCryptosuite(options?: { mandatoryPointers?: string[] }): Record<string, unknown>
  export function createDiscloseCryptosuite(options: { selectivePointers?: string[]; presentationHeader?: Uint8Array }): unknown
  export function createVerifyCryptosuite(): unknown
}

declare module '@digitalbazaar/di-sd-primitives' {
  type Loader = (url: string) => Promise<unknown>
  type Json = Record<string, unknown>
  type LabelMapFactory = (options: { canonicalIdMap: Map<string, string> }) => Promise<Map<string, string>>
  export function createLabelMapFunction(options: { labelMap: Map<string, string> }): LabelMapFactory
  export function hashCanonizedProof(options: { document: Json; proof: Json; options: { documentLoader: Loader } }): Promise<Uint8Array>
  export function hashMandatory(options: { mandatory: string[] }): Promise<{ mandatoryHash: Uint8Array }>
  /** Canonical N-Quads (each ending in a newline) with blank nodes relabelled, sorted. */
  type Hmac = { sign(bytes: Uint8Array): Promise<Uint8Array>; export(): Promise<Uint8Array> }
  export function createHmac(options: { key: Uint8Array | null }): Promise<Hmac>
  export function createHmacIdLabelMapFunction(options: { hmac: Hmac }): LabelMapFactory
  /** A named selection: canonical N-Quads by index, in the group or not, and its deskolemized N-Quads. */
  type Group = { matching: Map<number, string>; nonMatching: Map<number, string>; deskolemizedNQuads: string[] }
  export function canonicalizeAndGroup<names extends string>(options: {
    document: Json
    labelMapFactoryFunction: LabelMapFactory
    groups: { [name in names]: string[] }
    options: { documentLoader: Loader } & Record<string, unknown>
  }): Promise<{ groups: { [name in names]: Group }; labelMap: Map<string, string> }>
  export function selectJsonLd(options: { document: Json; pointers: string[] }): Json | null
  /** Canonical N-Quads of N-Quads (`inputFormat`), a JSON-LD document, or one expanded already (`skipExpansion`). */
  export function canonicalize(input: string | Json | readonly unknown[], options: Record<string, unknown>): Promise<string>
  export function stripBlankNodePrefixes(map: Map<string, string>): Map<string, string>
  export function labelReplacementCanonicalizeJsonLd(options: {
    /** A JSON-LD document, or one expanded already (`options.skipExpansion`). */
    document: Json | readonly unknown[]
    labelMapFactoryFunction: LabelMapFactory
    options: { documentLoader: Loader } & Record<string, unknown>
  }): Promise<string[]>
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown
}

declare module 'jsonld-signatures' {
  type Loader = (url: string) => Promise<unknown>
  type Json = Record<string, unknown>
  type ProofResult = { verified: boolean; error?: unknown; results?: { proof: Json; verified: boolean; error?: unknown; purposeResult?: { controller?: Json } }[] }
  class ProofPurpose {}
  class AssertionProofPurpose extends ProofPurpose {
    constructor(options?: { controller?: Json })
  }
  class AuthenticationProofPurpose extends ProofPurpose {
    constructor(options: { challenge: string; domain?: string; controller?: Json })
  }
  const jsigs: {
    verify(document: Json, options: { suite: unknown; purpose: ProofPurpose; documentLoader: Loader }): Promise<ProofResult>
    sign(document: Json, options: { suite: unknown; purpose: ProofPurpose; documentLoader: Loader }): Promise<Json>
    purposes: {
      AssertionProofPurpose: typeof AssertionProofPurpose
      AuthenticationProofPurpose: typeof AuthenticationProofPurpose
    }
  }
  export default jsigs
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export class BitstringStatusList {
    length: number
    setStatus(index: number, status: boolean): void
    getStatus(index: number): boolean
    encode(): Promise<string>
  }
  export function createList(options: { length: number }): Promise<BitstringStatusList>
  export function decodeList(options: { encodedList: string }): Promise<BitstringStatusList>
}
