/**
 * @module
 * medcred as npm would publish it and a user would install it: `npm run build` and `npm pack`
 * in a staged copy of the repository (the repository's own dist/ is never touched), then
 * `npm install <tarball>` in an empty project of its own, with the TypeScript releases the
 * type checks use. Registry look-ups prefer npm's cache (`--prefer-offline`): after `npm ci`
 * the install needs no network for medcred's own dependencies.
 *
 * The result is kept in .cache/medcred-package/<hash>/, the hash being that of everything the
 * tarball is made from, so the test files that need it (test/package, the bundler pages in
 * examples/patient-wallet/bundlers, the bundle bench) build it once per change of the sources.
 * Concurrent callers wait for the one that is building.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The repository root. */
export const repoRoot = join(import.meta.dirname, '..', '..')

/**
 * The TypeScript releases the published types are checked with, besides the repository's own
 * (node_modules/typescript): the oldest supported, 5.4 (the first with `NoInfer`, which the
 * types of viem and zod use: 5.0-5.3 fail on them), and the newest major, 7 (the native compiler).
 */
export const typescriptReleases = { oldest: '5.4.5', newest: '7.0.2' } as const

/** Top-level files and folders the package is built from (and hashed for the cache key). */
const sources = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'LICENSE', 'src', 'contexts', 'scripts/bundleCli.ts']

/** Bump when what this module makes changes shape: old caches are then rebuilt. */
const layoutVersion = 1

/** The packed and installed package. */
export type PackedMedcred = {
  /** The tarball `npm pack` wrote. */
  tarball: string
  /** Every path in the tarball, relative to the package root (`package/` stripped). */
  files: string[]
  /** A project with the tarball installed: `<project>/node_modules/medcred`, `.bin/medcred`. */
  project: string
  /** Where the project's TypeScript releases are: `{ '5.4.5': '<project>/node_modules/typescript-oldest', ... }`. */
  typescript: Record<string, string>
}

/**
 * Packs and installs medcred (or returns the cached result for the same sources).
 *
 * @throws when the build, `npm pack` or `npm install` fails (their output in the message)
 */
export async function packMedcred(): Promise<PackedMedcred> {
  const cacheRoot = join(repoRoot, '.cache', 'medcred-package')
  await mkdir(cacheRoot, { recursive: true })
  const key = await sourceHash()
  const done = join(cacheRoot, key)
  const lock = `${done}.lock`
  for (;;) {
    const cached = await readResult(done)
    if (cached) return cached
    try {
      await mkdir(lock)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      // Another test file is building it; a lock older than 20 minutes is a dead run's.
      const { mtimeMs } = await stat(lock).catch(() => ({ mtimeMs: Date.now() }))
      if (Date.now() - mtimeMs > 20 * 60_000) await rm(lock, { recursive: true, force: true })
      await new Promise((resolve) => setTimeout(resolve, 1_000))
    }
  }
  try {
    const cached = await readResult(done)
    if (cached) return cached
    const building = await mkdtemp(join(cacheRoot, `${key}-building-`))
    await build(building)
    await rename(building, done)
    await pruneOthers(cacheRoot, key)
    const result = await readResult(done)
    if (!result) throw new Error(`${done} has no result.json`)
    return result
  } finally {
    await rm(lock, { recursive: true, force: true })
  }
}

async function build(into: string): Promise<void> {
  const stage = await mkdtemp(join(tmpdir(), 'medcred-stage-'))
  try {
    for (const name of sources) await cp(join(repoRoot, name), join(stage, name), { recursive: true })
    await symlink(join(repoRoot, 'node_modules'), join(stage, 'node_modules'), 'dir')
    await command('npm', ['run', 'build'], stage)
    await rm(join(stage, 'node_modules'))
    const packed = JSON.parse(await command('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', into], stage)) as [{ filename: string; files: { path: string }[] }]
    const [{ filename, files }] = packed
    const tarball = join(into, filename)
    const project = join(into, 'project')
    await mkdir(project)
    await writeFile(join(project, 'package.json'), `${JSON.stringify({ name: 'medcred-consumer', private: true, type: 'module' }, null, 2)}\n`)
    const typesNode = JSON.parse(await readFile(join(repoRoot, 'node_modules', '@types', 'node', 'package.json'), 'utf8')) as { version: string }
    await command(
      'npm',
      [
        'install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball,
        `typescript-oldest@npm:typescript@${typescriptReleases.oldest}`,
        `typescript-newest@npm:typescript@${typescriptReleases.newest}`,
        `@types/node@${typesNode.version}`,
      ],
      project,
    )
    const result: Omit<PackedMedcred, 'tarball' | 'project' | 'typescript'> & { filename: string } = { filename, files: files.map((file) => file.path).sort() }
    await writeFile(join(into, 'result.json'), `${JSON.stringify(result, null, 2)}\n`)
  } finally {
    await rm(stage, { recursive: true, force: true })
  }
}

async function readResult(dir: string): Promise<PackedMedcred | undefined> {
  let saved: { filename: string; files: string[] }
  try {
    saved = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')) as typeof saved
  } catch {
    return undefined
  }
  const project = join(dir, 'project')
  return {
    tarball: join(dir, saved.filename),
    files: saved.files,
    project,
    typescript: {
      [typescriptReleases.oldest]: join(project, 'node_modules', 'typescript-oldest'),
      [typescriptReleases.newest]: join(project, 'node_modules', 'typescript-newest'),
    },
  }
}

/** Removes the results of older sources, and builds that were abandoned. */
async function pruneOthers(cacheRoot: string, keep: string): Promise<void> {
  for (const entry of await readdir(cacheRoot)) {
    if (entry === keep || entry.endsWith('.lock') || entry.startsWith(`${keep}-building-`)) continue
    await rm(join(cacheRoot, entry), { recursive: true, force: true })
  }
}

/** SHA-256 over the names and contents of every file the package is made from. */
async function sourceHash(): Promise<string> {
  const hash = createHash('sha256').update(`layout ${layoutVersion} ${JSON.stringify(typescriptReleases)}\n`)
  const files: string[] = []
  const walk = async (path: string): Promise<void> => {
    if ((await stat(path)).isDirectory()) {
      for (const entry of (await readdir(path)).sort()) await walk(join(path, entry))
    } else {
      files.push(path)
    }
  }
  for (const name of sources) await walk(join(repoRoot, name))
  for (const file of files) hash.update(`${relative(repoRoot, file)}\n`).update(await readFile(file)).update('\n')
  return hash.digest('hex').slice(0, 16)
}

/** Runs a command in `cwd`; its stdout, or an error carrying both outputs. */
async function command(file: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run(file, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_loglevel: 'error' } })
    return stdout
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(`${file} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`, { cause: error })
  }
}
