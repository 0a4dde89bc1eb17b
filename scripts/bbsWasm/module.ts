/**
 * @module
 * The BLS12-381 arithmetic module of src/bbs/wasm, as WebAssembly text. Its source is these
 * generators (fp.ts, tower.ts): the field code is unrolled, which a program writes more
 * reliably than a hand. scripts/buildBbsWasm.ts assembles it into src/bbs/wasm/moduleBytes.ts.
 *
 * Memory: the functions' scratch from address 0; the caller's elements from `heap_base` on.
 */
import { fieldFunctions } from './fp.js'
import { g1Functions } from './g1.js'
import { Scratch, towerFunctions } from './tower.js'

export function bbsModuleText(): string {
  const scratch = new Scratch(0)
  const functions = [...fieldFunctions(), ...towerFunctions(scratch), ...g1Functions(scratch)]
  const heapBase = Math.ceil(scratch.end / 1024) * 1024
  return `(module
(memory (export "memory") 1)
(global (export "heap_base") i32 (i32.const ${heapBase}))
${functions.join('\n')}
)`
}
