/**
 * @module
 * The pre-IETF BBS+ primitives of the 2020 suites, from @mattrglobal/bbs-signatures (wasm):
 * messages are the UTF-8 bytes of canonical statements, keys are raw BLS12-381 G2 keys.
 * Internal to src/suites/bbs-2020.
 */
import type { BbsVerifyResult } from '@mattrglobal/bbs-signatures/lib/wasm_module.js'

type BbsPlus = typeof import('@mattrglobal/bbs-signatures/lib/wasm_module.js')

let library: Promise<BbsPlus> | undefined

// Loaded on first use: an application that never meets a 2020 credential never loads the wasm.
// The wasm build always: the package's Node entry would first look for an optional native
// addon, and the Cartesi machine runs wasm only.
function load(): Promise<BbsPlus> {
  library ??= import('@mattrglobal/bbs-signatures/lib/wasm_module.js').then((module) => (module as { default?: BbsPlus }).default ?? module)
  return library
}

const utf8 = (statements: readonly string[]) => statements.map((statement) => new TextEncoder().encode(statement))

// The library reports bad input (a point off the curve, a truncated proof) as `verified: false`
// with an error string, and sometimes throws: both mean the same here.
async function verified(result: Promise<BbsVerifyResult>): Promise<boolean> {
  try {
    return (await result).verified === true
  } catch {
    return false
  }
}

/** Signs statements with a BLS12-381 secret key; the 112-byte BBS+ signature. */
export async function signStatements(keys: { secretKey: Uint8Array; publicKey: Uint8Array }, statements: readonly string[]): Promise<Uint8Array> {
  return (await load()).blsSign({ keyPair: keys, messages: utf8(statements) })
}

/** Whether `signature` signs exactly these statements, in this order. */
export async function verifyStatements(publicKey: Uint8Array, statements: readonly string[], signature: Uint8Array): Promise<boolean> {
  const bbs = await load()
  return verified(bbs.blsVerify({ publicKey, messages: utf8(statements), signature }))
}

/** Proves knowledge of a signature over `statements`, revealing those at `revealed`. */
export async function proveStatements(parameters: {
  signature: Uint8Array
  publicKey: Uint8Array
  statements: readonly string[]
  revealed: readonly number[]
  nonce: Uint8Array
}): Promise<Uint8Array> {
  const { signature, publicKey, statements, revealed, nonce } = parameters
  return (await load()).blsCreateProof({ signature, publicKey, messages: utf8(statements), revealed, nonce })
}

/** Whether `proof` proves a signature that reveals exactly `revealed` (in signing order) under `nonce`. */
export async function verifyStatementProof(parameters: {
  proof: Uint8Array
  publicKey: Uint8Array
  revealed: readonly string[]
  nonce: Uint8Array
}): Promise<boolean> {
  const { proof, publicKey, revealed, nonce } = parameters
  const bbs = await load()
  return verified(bbs.blsVerifyProof({ proof, publicKey, messages: utf8(revealed), nonce }))
}
