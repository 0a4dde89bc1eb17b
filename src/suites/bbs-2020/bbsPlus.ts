/**
 * @module
 * The pre-IETF BBS+ primitives of the 2020 suites, from @mattrglobal/bbs-signatures (wasm):
 * messages are the UTF-8 bytes of canonical statements, keys are raw BLS12-381 G2 keys.
 * Internal to src/suites/bbs-2020.
 */
import { base64 } from '@scure/base'

/**
 * The parts of MATTR's wasm-bindgen module (lib/wasm.js) the 2020 suites call: the same
 * functions the package's wrapper (lib/wasm_module.js, typed in src/types) re-exports.
 */
type BbsPlus = Pick<typeof import('@mattrglobal/bbs-signatures/lib/wasm_module.js'), 'blsSign' | 'blsVerify' | 'blsCreateProof' | 'blsVerifyProof'>

let library: Promise<BbsPlus> | undefined

// Loaded on first use: an application that never meets a 2020 credential never loads the wasm.
// The wasm-bindgen module itself, not the package's entries: its Node entry first looks for an
// optional native addon (the Cartesi machine runs wasm only), and its wrapper (wasm_module.js)
// adds only key generation, seeded by @stablelib/random, whose Node source `require("crypto")`
// no browser bundler can resolve without an alias. medcred never makes keys with it.
function load(): Promise<BbsPlus> {
  library ??= import('@mattrglobal/bbs-signatures/lib/wasm.js').then(async (module) => {
    // A CommonJS module with `__esModule` and `exports.default` (wasm-bindgen's init), which
    // hosts import differently: the namespace's `default` is that init (tsx), or the exports
    // object, with the other exports beside it (esbuild, Rolldown) or only inside it.
    const namespace = module as Record<string, unknown>
    const inner = (namespace.default ?? {}) as Record<string, unknown>
    const exports = (typeof namespace.blsVerify === 'function' ? namespace : inner) as BbsPlus
    const init = [namespace.default, inner.default].find((value): value is () => Promise<unknown> => typeof value === 'function')
    if (init === undefined || typeof exports.blsVerify !== 'function') throw new TypeError('@mattrglobal/bbs-signatures/lib/wasm.js is not the expected wasm-bindgen module')
    await initialize(init)
    return exports
  })
  return library
}

/**
 * Instantiates the wasm. With no argument, wasm-bindgen's init reads it from lib/wasm_bs64.js,
 * `module.exports = Buffer.from(base64, 'base64')`, synchronously before its first await. Where
 * there is no `Buffer` (a browser), a stand-in that only decodes base64 is global for that
 * synchronous step alone: no other code runs before it is removed, and nothing else of Node's
 * is needed.
 */
async function initialize(init: () => Promise<unknown>): Promise<void> {
  const scope = globalThis as { Buffer?: unknown }
  if (scope.Buffer !== undefined) {
    await init()
    return
  }
  scope.Buffer = { from: base64Bytes }
  let started: Promise<unknown>
  try {
    started = init()
  } finally {
    delete scope.Buffer
  }
  await started
}

/** `Buffer.from(text, 'base64')` for the one call lib/wasm_bs64.js makes. */
function base64Bytes(text: string, encoding: string): Uint8Array {
  if (encoding !== 'base64') throw new TypeError(`only base64 is decoded here, not ${encoding}`)
  return base64.decode(text)
}

const utf8 = (statements: readonly string[]) => statements.map((statement) => new TextEncoder().encode(statement))

// The library reports bad input (a point off the curve, a truncated proof) as `verified: false`
// with an error string, and sometimes throws: both mean the same here.
async function verified(result: ReturnType<BbsPlus['blsVerify']>): Promise<boolean> {
  try {
    return (await result).verified === true
  } catch {
    return false
  }
}

// The wasm rejects with a bare string; as the package's own wrapper did, callers get an Error.
async function rejectingWithError<T>(result: Promise<T>, message?: string): Promise<T> {
  try {
    return await result
  } catch (error) {
    throw error instanceof Error ? error : new Error(message ?? String(error), { cause: error })
  }
}

/** Signs statements with a BLS12-381 secret key; the 112-byte BBS+ signature. */
export async function signStatements(keys: { secretKey: Uint8Array; publicKey: Uint8Array }, statements: readonly string[]): Promise<Uint8Array> {
  return rejectingWithError((await load()).blsSign({ keyPair: keys, messages: utf8(statements) }))
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
  return rejectingWithError((await load()).blsCreateProof({ signature, publicKey, messages: utf8(statements), revealed, nonce }), 'Failed to create proof')
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
