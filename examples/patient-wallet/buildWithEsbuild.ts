/**
 * @module
 * Builds the verify page (verify.html and its script) with esbuild as any browser application
 * would: platform browser, ESM, bundled, and nothing else. No alias, no Node polyfill, no
 * injected `Buffer`: what the library needs in a browser it must bring itself. The legacy
 * BBS+ suite and the key code stay in chunks of their own, loaded only when a credential needs
 * them.
 *
 * `npx tsx examples/patient-wallet/buildWithEsbuild.ts <out-dir>`, then serve `<out-dir>`.
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { basename, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'

const here = fileURLToPath(new URL('.', import.meta.url))
const pageScript = './src/verifyPage.ts'

/** What a build wrote: the page, and every file of its script (entry first). */
export type EsbuildVerifyPage = { page: string; scripts: string[]; warnings: esbuild.Message[] }

/**
 * Builds verify.html into `outDir` (emptied first): the page, style.css, verify.js and its chunks.
 *
 * @throws the esbuild failure (its messages name each module that cannot be bundled)
 */
export async function buildVerifyPageWithEsbuild(outDir: string): Promise<EsbuildVerifyPage> {
  const out = resolve(outDir)
  await rm(out, { recursive: true, force: true })
  await mkdir(out, { recursive: true })
  const html = await readFile(join(here, 'verify.html'), 'utf8')
  if (!html.includes(`src="${pageScript}"`)) throw new Error(`verify.html no longer loads ${pageScript}`)
  const result = await esbuild.build({
    entryPoints: { verify: join(here, pageScript) },
    outdir: out,
    platform: 'browser',
    format: 'esm',
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    target: 'es2022',
    minify: true,
    metafile: true,
    logLevel: 'silent',
  })
  const scripts = Object.keys(result.metafile.outputs)
    .filter((file) => file.endsWith('.js'))
    .map((file) => relative(out, resolve(file)))
    .sort((a, b) => Number(b === 'verify.js') - Number(a === 'verify.js') || a.localeCompare(b))
  await Promise.all([
    writeFile(join(out, 'verify.html'), html.replace(`src="${pageScript}"`, 'src="./verify.js"')),
    copyFile(join(here, 'style.css'), join(out, 'style.css')),
  ])
  return { page: join(out, 'verify.html'), scripts, warnings: result.warnings }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2]
  if (!outDir) {
    console.error(`usage: tsx examples/patient-wallet/${basename(fileURLToPath(import.meta.url))} <out-dir>`)
    process.exitCode = 2
  } else {
    try {
      const { page, scripts, warnings } = await buildVerifyPageWithEsbuild(outDir)
      for (const warning of warnings) console.warn(`warning: ${warning.text}`)
      console.log(`wrote ${page} and ${scripts.length} script file(s): ${scripts.join(', ')}`)
    } catch (error) {
      const messages = (error as { errors?: esbuild.Message[] }).errors
      console.error(messages?.length ? messages.map((m) => `${m.location?.file ?? ''}:${m.location?.line ?? ''}: ${m.text}`).join('\n') : String(error))
      process.exitCode = 1
    }
  }
}
