/**
 * @module
 * Starts a VC-API worker thread. From the built package the worker is plain JavaScript; run
 * from the TypeScript sources (tsx, vitest), the worker first registers tsx's loader so it
 * can import them too.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { VcApiSetup } from './vcApiJobContext.js'

const fromSources = import.meta.url.endsWith('.ts')

/** Starts one worker with the service's setup as its `workerData`. */
export function spawnVcApiWorker(setup: VcApiSetup): Worker {
  const entry = new URL(`./vcApiWorker.${fromSources ? 'ts' : 'js'}`, import.meta.url)
  if (!fromSources) return new Worker(entry, { workerData: setup })
  const bootstrap = `import(${JSON.stringify(tsxApiUrl())}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}) })`
  return new Worker(bootstrap, { eval: true, workerData: setup })
}

let tsxApi: string | undefined

/** The URL of tsx's ESM API (`tsx/esm/api`, its `import` entry), as its package.json maps it. */
function tsxApiUrl(): string {
  if (tsxApi) return tsxApi
  const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json')
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> }
  tsxApi = pathToFileURL(join(dirname(manifestPath), manifest.exports['./esm/api']!.import.default)).href
  return tsxApi
}
