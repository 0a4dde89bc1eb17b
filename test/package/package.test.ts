/**
 * medcred as a user gets it: the tarball `npm pack` makes from a build of the sources, installed
 * with `npm install <tarball>` in an empty project (packMedcred.ts). Checked there:
 * - what the tarball holds (every `exports` and `bin` target, the declarations the types need,
 *   LICENSE; no source map, no TypeScript source);
 * - its types under `tsc --strict` without skipLibCheck, for `module` nodenext and bundler, with
 *   the repository's TypeScript, the oldest supported (5.4) and the newest major (7), and the
 *   browser entry points without Node's types;
 * - ESM import of every entry point in Node (and that ethers and the legacy wasm stay unloaded);
 * - the CLI from node_modules/.bin: the bundle (scripts/bundleCli.ts) that `bin` names, its
 *   commands and its VC-API worker.
 */
import { execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDidResolver, createDocumentLoader, deriveCredential } from '../../src/index.js'
import { issueSampleCertificate } from '../../examples/patient-wallet/sample/issueSampleCertificate.js'
import { packagesOf, runRecordingModules } from '#test/loadedModules.js'
import { type PackedMedcred, packMedcred, repoRoot, typescriptReleases } from './packMedcred.js'
import { readQuickStart } from './readmeQuickStart.js'

const run = promisify(execFile)

const entryPoints = ['medcred', 'medcred/node', 'medcred/cartesi'] as const
/** The entry points a browser application may import (no Node types needed). */
const browserEntryPoints = ['medcred', 'medcred/cartesi'] as const

let packed: PackedMedcred
/** A folder inside the consumer project, for this file's sources (node_modules is found above it). */
let work: string
const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {
  version: string
  bin: Record<string, string>
  exports: Record<string, string | Record<string, string>>
}

beforeAll(async () => {
  packed = await packMedcred()
  work = await mkdtemp(join(packed.project, 'package-test-'))
}, 900_000)

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

/** Runs `node args` in `cwd`; stdout, or an error with both outputs. */
async function node(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  try {
    return (await run(process.execPath, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 })).stdout
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(`node ${args.join(' ')} failed:\n${stdout}\n${stderr}`, { cause: error })
  }
}

describe('the tarball', () => {
  const inTarball = (path: string) => packed.files.includes(path.replace(/^\.\//, ''))

  it('default: holds every exports and bin target, LICENSE, README and the pinned contexts', () => {
    const targets = Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
    for (const target of [...targets, ...Object.values(manifest.bin)]) expect(inTarball(target), target).toBe(true)
    for (const file of ['LICENSE', 'README.md', 'package.json', 'contexts/manifest.json']) expect(inTarball(file), file).toBe(true)
  })

  it('default: ships the module declarations its .d.ts files need, no source map and no TypeScript source', () => {
    expect(packed.files).toContain('src/types/multikey.d.ts')
    expect(packed.files.filter((file) => file.endsWith('.map'))).toEqual([])
    expect(packed.files.filter((file) => /\.[cm]?ts$/.test(file) && !/\.d\.[cm]?ts$/.test(file))).toEqual([])
  })
})

describe('types: tsc --strict without skipLibCheck, in a project that installed the tarball', () => {
  const releases = [
    ['the repository’s', join(repoRoot, 'node_modules', 'typescript')],
    [`oldest supported ${typescriptReleases.oldest}`, () => packed.typescript[typescriptReleases.oldest]!],
    [`newest major ${typescriptReleases.newest}`, () => packed.typescript[typescriptReleases.newest]!],
  ] as const
  const modes = {
    nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
    bundler: { module: 'esnext', moduleResolution: 'bundler' },
  } as const

  /** Writes the program (`entries` imported, and the README's quick start unless `alone`) and runs tsc on it. */
  async function typecheck(typescript: string, compilerOptions: Record<string, unknown>, entries: readonly string[], alone = false): Promise<string> {
    const dir = await mkdtemp(join(work, 'tsc-'))
    const { files } = await readQuickStart(repoRoot)
    if (!alone) await writeFile(join(dir, 'quickstart.ts'), files.get('quickstart.ts') ?? '')
    await writeFile(
      join(dir, 'entries.ts'),
      `${entries.map((entry, index) => `import * as entry${index} from '${entry}'`).join('\n')}\nexport const entries = [${entries.map((_, index) => `entry${index}`).join(', ')}]\n`,
    )
    const tsconfig = {
      compilerOptions: { target: 'es2022', lib: ['es2022', 'dom'], strict: true, skipLibCheck: false, noEmit: true, ...compilerOptions },
      files: alone ? ['entries.ts'] : ['entries.ts', 'quickstart.ts'],
    }
    await writeFile(join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`)
    const version = JSON.parse(await readFile(join(typescript, 'package.json'), 'utf8')) as { version: string }
    try {
      await run(process.execPath, [join(typescript, 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 })
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
      throw new Error(`TypeScript ${version.version} (${JSON.stringify(compilerOptions)}) failed:\n${stdout}\n${stderr}`, { cause: error })
    }
    return version.version
  }

  describe.each(releases)('TypeScript: %s', (_, typescriptDir) => {
    it.each(Object.keys(modes) as (keyof typeof modes)[])('default: module %s, every entry point and the README quick start compile', async (mode) => {
      const typescript = typeof typescriptDir === 'string' ? typescriptDir : typescriptDir()
      await typecheck(typescript, { ...modes[mode], types: ['node'] }, entryPoints)
    }, 300_000)
  })

  // A program that imports one entry point sees only the declarations that entry reaches.
  it.each(['medcred', 'medcred/node'])(`default: %s alone compiles (nodenext, TypeScript ${typescriptReleases.newest})`, async (entry) => {
    await typecheck(packed.typescript[typescriptReleases.newest]!, { ...modes.nodenext, types: ['node'] }, [entry], true)
  }, 300_000)

  // medcred/cartesi reaches keys/types.d.ts (through cartesi/issuerKeyOf.d.ts), which imports the
  // untyped Multikey packages: src/keys/types.ts references their declarations itself.
  it(`default: medcred/cartesi alone compiles (nodenext, TypeScript ${typescriptReleases.newest})`, async () => {
    await typecheck(packed.typescript[typescriptReleases.newest]!, { ...modes.nodenext, types: ['node'] }, ['medcred/cartesi'], true)
  }, 300_000)

  it(`browser: medcred and medcred/cartesi compile without Node types (bundler, lib dom, TypeScript ${typescriptReleases.newest})`, async () => {
    const version = await typecheck(packed.typescript[typescriptReleases.newest]!, { ...modes.bundler, types: [] }, browserEntryPoints, true)
    expect(version).toBe(typescriptReleases.newest)
  }, 300_000)
})

describe('Node: ESM import of the installed package', () => {
  it('default: every entry point imports, exporting what the sources export', async () => {
    const script = `const names = {}
for (const entry of ${JSON.stringify(entryPoints)}) names[entry] = Object.keys(await import(entry)).sort()
console.log(JSON.stringify(names))`
    const names = JSON.parse(await node(['--input-type=module', '-e', script], work)) as Record<string, string[]>
    const sources = {
      medcred: await import('../../src/index.js'),
      'medcred/node': await import('../../src/node.js'),
      'medcred/cartesi': await import('../../src/cartesi/index.js'),
    }
    for (const entry of entryPoints) expect(names[entry], entry).toEqual(Object.keys(sources[entry]).sort())
  })

  it('behavior: importing medcred and medcred/node loads neither ethers nor the legacy BBS+ wasm', async () => {
    // A module hook (run off-thread by Node) reports every module loaded, through a MessagePort.
    const hooks = `let port
export function initialize(data) { port = data.port }
export async function load(url, context, next) { port.postMessage(url); return next(url, context) }`
    const script = `import { register } from 'node:module'
import { MessageChannel } from 'node:worker_threads'
const { port1, port2 } = new MessageChannel()
const loaded = []
port1.on('message', (url) => loaded.push(url))
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}), { data: { port: port2 }, transferList: [port2] })
await import('medcred')
await import('medcred/node')
await new Promise((resolve) => setTimeout(resolve, 200))
port1.close()
console.log(JSON.stringify(loaded))`
    const loaded = JSON.parse(await node(['--input-type=module', '-e', script], work)) as string[]
    expect(loaded.some((url) => url.includes('/node_modules/medcred/dist/src/index.js'))).toBe(true)
    expect(loaded.filter((url) => /\/node_modules\/(ethers|ethr-did-resolver|@mattrglobal)\//.test(url))).toEqual([])
  })

  it('error: a path the package does not export is refused', async () => {
    const script = `try { await import('medcred/dist/src/internal.js'); console.log('imported') } catch (error) { console.log(error.code) }`
    expect((await node(['--input-type=module', '-e', script], work)).trim()).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED')
  })
})

describe('CLI: node_modules/.bin/medcred', () => {
  const medcred = (args: string[], env: NodeJS.ProcessEnv = process.env) => run(join(packed.project, 'node_modules', '.bin', 'medcred'), args, { cwd: work, env })

  it('default: --version prints the package version', async () => {
    const { stdout } = await medcred(['--version'])
    expect(stdout.trim()).toBe(manifest.version)
  })

  it('default: --help lists the commands', async () => {
    const { stdout } = await medcred(['--help'])
    for (const command of ['keys', 'credential', 'issue', 'derive', 'present', 'verify', 'status', 'serve']) expect(stdout).toMatch(new RegExp(`^ {2}${command}\\b`, 'm'))
  })

  it('default: verify checks a presentation in the caller’s folder (exit 0, verified)', async () => {
    const sample = await issueSampleCertificate()
    const documentLoader = createDocumentLoader({ didResolver: createDidResolver() })
    const shown = await deriveCredential({ credential: sample.certificate, reveal: ['/credentialSubject/doseNumber'], presentationHeader: 'n-7', documentLoader })
    await writeFile(join(work, 'shown.json'), JSON.stringify(shown))
    const { stdout } = await medcred(['verify', '--credential', 'shown.json', '--challenge', 'n-7', '--trust', `${sample.issuer}=VaccinationCertificate`])
    expect(JSON.parse(stdout)).toMatchObject({ verified: true, disclosed: { doseNumber: 2 } })
  })

  it('behavior: --help and verify load the bundle alone, no package of node_modules', async () => {
    const bin = join(packed.project, 'node_modules', 'medcred', manifest.bin.medcred!)
    const sample = await issueSampleCertificate()
    const documentLoader = createDocumentLoader({ didResolver: createDidResolver() })
    const shown = await deriveCredential({ credential: sample.certificate, reveal: ['/credentialSubject/doseNumber'], presentationHeader: 'n-8', documentLoader })
    await writeFile(join(work, 'shown-bundle.json'), JSON.stringify(shown))
    const help = await runRecordingModules([], [bin, '--help'], work)
    expect(packagesOf(help.loaded)).toEqual(['medcred'])
    const verify = await runRecordingModules([], [bin, 'verify', '--credential', 'shown-bundle.json', '--challenge', 'n-8', '--trust', sample.issuer], work)
    expect(JSON.parse(verify.stdout)).toMatchObject({ verified: true })
    expect(packagesOf(verify.loaded)).toEqual(['medcred'])
  })

  it('behavior: serve answers from its worker thread (the bundle’s vcApiWorker.js)', async () => {
    const sample = await issueSampleCertificate()
    const documentLoader = createDocumentLoader({ didResolver: createDidResolver() })
    const shown = await deriveCredential({ credential: sample.certificate, reveal: ['/credentialSubject/doseNumber'], presentationHeader: 'n-9', documentLoader })
    const child = spawn(join(packed.project, 'node_modules', '.bin', 'medcred'), ['serve', '--workers', '1', '--trust', sample.issuer], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] })
    try {
      let printed = ''
      child.stdout.setEncoding('utf8')
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          printed += chunk
          const ready = /service on (http:\/\/\S+)/.exec(printed)
          if (ready) resolve(ready[1]!)
        })
        child.once('exit', (code) => reject(new Error(`medcred serve exited (${code}) before it listened:\n${printed}`)))
      })
      const answer = await fetch(`${url}/credentials/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ verifiableCredential: shown, options: { challenge: 'n-9' } }),
      })
      expect(answer.status).toBe(200)
      expect(await answer.json()).toMatchObject({ verified: true })
    } finally {
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      await exited
    }
  })
})
