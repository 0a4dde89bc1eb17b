import { describe, expect, it } from 'vitest'
import { assembleBbsModule } from '../../../../scripts/bbsWasm/assemble.js'
import { bbsModuleBase64 } from '../../../../src/bbs/wasm/moduleBytes.js'

describe('the BLS12-381 WebAssembly module', () => {
  it('default: the committed bytes are what scripts/bbsWasm assembles (run scripts/buildBbsWasm.ts after changing it)', async () => {
    const assembled = Buffer.from(await assembleBbsModule()).toString('base64')
    expect(assembled).toBe(bbsModuleBase64)
  })

  it('behavior: it compiles and imports nothing (no clock, no randomness, no host calls)', () => {
    const module = new WebAssembly.Module(Buffer.from(bbsModuleBase64, 'base64'))
    expect(WebAssembly.Module.imports(module)).toEqual([])
  })
})
