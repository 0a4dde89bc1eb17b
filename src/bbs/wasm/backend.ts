/**
 * @module
 * Which arithmetic BBS verification runs on: the WebAssembly module where the engine runs it
 * (Node, browsers' workers, the Cartesi machine's Node), bigints elsewhere. Both give the same
 * verdicts (test/unit/bbs/differential.test.ts runs on each).
 */
import { WasmG1 } from './g1.js'
import { WasmHeap } from './heap.js'
import { bbsWasm } from './instance.js'
import { WasmPairing } from './pairing.js'

export type WasmBackend = { readonly heap: WasmHeap; readonly g1: WasmG1; readonly pairing: WasmPairing }

let backend: WasmBackend | undefined | null = null
let disabled = false

/** The WebAssembly backend, or `undefined` when verification runs on bigints. */
export function wasmBackend(): WasmBackend | undefined {
  if (disabled) return undefined
  if (backend === null) {
    const wasm = bbsWasm()
    if (wasm) {
      const heap = new WasmHeap(wasm)
      backend = { heap, g1: new WasmG1(heap), pairing: new WasmPairing(heap) }
    } else {
      backend = undefined
    }
  }
  return backend
}

/**
 * The arithmetic BBS verification runs on in this process: `'webassembly'` (medcred's own
 * BLS12-381 module), or `'bigint'` where WebAssembly is unavailable (a `--jitless` Node, a page
 * whose Content Security Policy lacks `'wasm-unsafe-eval'`). Both give the same verdicts; the
 * WebAssembly one is several times faster.
 *
 * @example
 * ```ts
 * import { bbs } from 'medcred'
 * if (bbs.arithmetic() === 'bigint') console.warn('BBS verification runs on the slower bigint arithmetic')
 * ```
 */
export function arithmetic(): 'webassembly' | 'bigint' {
  return wasmBackend() ? 'webassembly' : 'bigint'
}

/**
 * Turns the WebAssembly backend off (or on again) for this process, for tests that compare the
 * two. Tables built under one backend are not used by the other: call it before any BBS work.
 */
export function useBigintArithmetic(on: boolean): void {
  disabled = on
}
