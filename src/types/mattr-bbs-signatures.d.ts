/**
 * @module
 * @mattrglobal/bbs-signatures ships its request types as .ts sources that do not compile under
 * this project's settings, so medcred loads the wasm build directly (as the package's own
 * browser entry does) and declares here the parts it calls.
 */
declare module '@mattrglobal/bbs-signatures/lib/wasm_module.js' {
  /** What the verify functions resolve to; `error` is set for malformed input. */
  export type BbsVerifyResult = { verified: boolean; error?: string }
  export function blsSign(request: {
    keyPair: { secretKey: Uint8Array; publicKey: Uint8Array }
    messages: readonly Uint8Array[]
  }): Promise<Uint8Array>
  export function blsVerify(request: {
    publicKey: Uint8Array
    messages: readonly Uint8Array[]
    signature: Uint8Array
  }): Promise<BbsVerifyResult>
  export function blsCreateProof(request: {
    signature: Uint8Array
    publicKey: Uint8Array
    messages: readonly Uint8Array[]
    revealed: readonly number[]
    nonce: Uint8Array
  }): Promise<Uint8Array>
  export function blsVerifyProof(request: {
    proof: Uint8Array
    publicKey: Uint8Array
    messages: readonly Uint8Array[]
    nonce: Uint8Array
  }): Promise<BbsVerifyResult>
}
