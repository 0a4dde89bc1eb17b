/** The module's bytes, assembled from `bbsModuleText` by wabt (a development dependency). */
import wabtInit from 'wabt'
import { bbsModuleText } from './module.js'

export async function assembleBbsModule(): Promise<Uint8Array> {
  const wabt = await wabtInit()
  const module = wabt.parseWat('bbs.wat', bbsModuleText(), { bulk_memory: true })
  try {
    module.validate()
    return new Uint8Array(module.toBinary({}).buffer)
  } finally {
    module.destroy()
  }
}
