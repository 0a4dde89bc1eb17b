/**
 * Bundles the `medcred` command into dist/cli/ (the package's `bin`), after tsc has built
 * dist/src/ (the library, whose `runCli` medcred/node also exports). Node then reads a few dozen
 * files to start the CLI instead of several hundred: on this machine `medcred verify` spent
 * about a third of its CPU time resolving, reading and compiling modules (bench/README.md, CLI
 * start-up).
 *
 *   npm run build      tsc, then this script
 *
 * - Code splitting keeps every command's `await import(...)` lazy: `--help` loads the
 *   registrations, `verify` the verify path (chunks sit beside medcred.js).
 * - The VC-API worker is a second entry, vcApiWorker.js, where src/serve/spawnVcApiWorker.ts
 *   looks for it (`new URL('./vcApiWorker.js', import.meta.url)`); the build fails when a
 *   bundled `new URL('./…', import.meta.url)` names a file the bundle lacks.
 * - Packages in {@link external} stay in node_modules: the chain clients and zod are large and
 *   used by few commands, the legacy BBS+ wasm loads itself.
 * - jsonld's Node document loader (which medcred never uses: every call passes medcred's
 *   loader, which never fetches) gets a stand-in for @digitalbazaar/http-client, so the bundle
 *   carries no HTTP client (undici: some 90 modules).
 */
import { readdir, readFile, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outdir = join(root, 'dist', 'cli')

/** Left to node_modules (all are dependencies, installed with medcred). */
const external = [
  // did:ethr, `deal`, `devnode`: loaded only by those, and 3 MB of the bundle.
  'ethers',
  'ethr-did-resolver',
  'viem',
  'viem/*',
  'ws',
  // `credential new|schema` and `issue` validate with it; 0.8 MB.
  'zod',
  'zod/*',
  // The legacy 2020 suite: its wasm, loaded when a 2020 proof is seen.
  '@mattrglobal/bbs-signatures',
  '@mattrglobal/bbs-signatures/*',
]

/** Resolves @digitalbazaar/http-client (required by jsonld's Node loader only) to a client that refuses. */
const noHttpClient: Plugin = {
  name: 'no-http-client',
  setup(bundle) {
    bundle.onResolve({ filter: /^@digitalbazaar\/http-client$/ }, () => ({ path: 'http-client', namespace: 'medcred-no-http-client' }))
    bundle.onLoad({ filter: /.*/, namespace: 'medcred-no-http-client' }, () => ({
      contents: 'export const httpClient = { async get(url) { throw new Error(`medcred does not fetch documents: ${url}`) } }',
      loader: 'js',
    }))
  },
}

await rm(outdir, { recursive: true, force: true })
await build({
  entryPoints: { medcred: join(root, 'src/cli/main.ts'), vcApiWorker: join(root, 'src/serve/vcApiWorker.ts') },
  outdir,
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  plugins: [noHttpClient],
  // The CommonJS packages in the bundle (jsonld) call require() for Node's built-ins.
  banner: { js: "import { createRequire as __medcredRequire } from 'node:module'; const require = __medcredRequire(import.meta.url);" },
  logLevel: 'warning',
})

const files = new Set(await readdir(outdir))
for (const file of files) {
  const text = await readFile(join(outdir, file), 'utf8')
  for (const [, name] of text.matchAll(/new URL\(\s*[`'"]\.\/([\w.-]+?)\.(?:js|\$\{[^}]*\})[`'"],\s*import\.meta\.url\)/g)) {
    if (!files.has(`${name}.js`)) throw new Error(`dist/cli/${file} loads ./${name}.js, which the bundle lacks: add it to the entry points`)
  }
}
