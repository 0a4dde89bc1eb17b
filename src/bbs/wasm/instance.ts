/**
 * @module
 * The BLS12-381 WebAssembly module (generated from scripts/bbsWasm, bytes in moduleBytes.ts),
 * instantiated once, synchronously, where the engine allows it. `undefined` where there is no
 * WebAssembly (a `--jitless` Node) or where synchronous compilation is refused (a browser's main
 * thread limits it to small modules): verification then runs on bigints, with the same results.
 */
import { bbsModuleBase64 } from './moduleBytes.js'

/** The module's exports: pointers in, results in memory. */
export type BbsWasmExports = {
  readonly memory: WebAssembly.Memory
  readonly heap_base: WebAssembly.Global
  readonly [name: string]: unknown
} & Record<'fp_mul' | 'fp_add' | 'fp_sub' | 'fp2_mul' | 'fp2_add' | 'fp2_sub', (out: number, x: number, y: number) => void> &
  Record<'fp6_mul' | 'fp6_sub' | 'fp12_mul', (out: number, x: number, y: number) => void> &
  Record<'fp12_mul_line', (out: number, x: number, line: number, point: number) => void> &
  Record<'fp_sqr' | 'fp2_sqr' | 'fp2_neg' | 'fp2_mul_nr' | 'fp6_mul_v' | 'fp6_neg' | 'fp12_sqr' | 'fp12_conj' | 'fp12_cyc_sqr' | 'fp12_csqr', (out: number, x: number) => void> &
  Record<'fp_is_zero', (x: number) => number>

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  if (typeof Buffer === 'function') return new Uint8Array(Buffer.from(text, 'base64'))
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

function instantiate(): BbsWasmExports | undefined {
  if (typeof WebAssembly !== 'object') return undefined
  try {
    const module = new WebAssembly.Module(decodeBase64(bbsModuleBase64) as Uint8Array<ArrayBuffer>)
    return new WebAssembly.Instance(module).exports as unknown as BbsWasmExports
  } catch {
    return undefined
  }
}

let instance: BbsWasmExports | undefined | null = null

/** The module's exports, or `undefined` where WebAssembly cannot run it. */
export function bbsWasm(): BbsWasmExports | undefined {
  if (instance === null) instance = instantiate()
  return instance
}
