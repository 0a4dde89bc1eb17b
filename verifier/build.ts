/**
 * Builds the verifier into one file for the Cartesi machine: verifier/dist/medcred-verifier.mjs.
 * sql.js comes in its wasm-inlined build so no file sits beside the bundle; only the libcmt
 * binding (@cartesi/rollup, a native addon) is installed next to it in the image.
 *
 *   npm run verifier:build
 *   MEDCRED_CONTEXTS=my-contexts/manifest.json npm run verifier:build
 *
 * MEDCRED_CONTEXTS (optional) names a context manifest in the format of contexts/manifest.json
 * (`{ "<url>": { "file", "sha256" } }`, files beside it): its contexts are checked against
 * their SHA-256 now and embedded in the bundle, so the machine serves them without reading a
 * file. They are part of the machine: changing them changes the template hash.
 */
import { build, type Plugin } from 'esbuild'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PinnedContext } from 'medcred'
import { buildContextsGlobal } from './src/buildContexts.js'

const here = dirname(fileURLToPath(import.meta.url))

/**
 * How the machine starts node (the Dockerfile's CMD). One thread: the machine has one core,
 * and V8's worker threads cost ~35 MiB. V8's smaller-heap mode. Baseline (Liftoff) code for
 * sql.js's wasm: optimising it with TurboFan briefly takes ~25 MiB, a quarter of the budget,
 * for SQL that is a small part of any input's cost.
 */
export const machineNodeFlags = ['--single-threaded', '--optimize-for-size', '--liftoff-only', '--expose-gc'] as const
const determinism = join(here, 'src', 'determinism')

/** Global clock and entropy references, pointed at the deterministic replacements. */
const define = {
  'Date.now': 'medcredDeterministic.now',
  'performance.now': 'medcredDeterministic.now',
  'Math.random': 'medcredDeterministic.random',
  'crypto.getRandomValues': 'medcredDeterministic.getRandomValues',
  'globalThis.crypto': 'medcredDeterministic.crypto',
  'self.crypto': 'medcredDeterministic.crypto',
  fetch: 'medcredDeterministic.NoNetwork',
  XMLHttpRequest: 'medcredDeterministic.NoNetwork',
  WebSocket: 'medcredDeterministic.NoNetwork',
}

/** Swaps HTTP clients and platform crypto for modules that cannot reach the host. */
const sealPlatform: Plugin = {
  name: 'medcred-seal-platform',
  setup(build) {
    build.onResolve({ filter: /^(undici|ky|@digitalbazaar\/http-client)$/ }, () => ({ path: join(determinism, 'networkDisabled.ts') }))
    build.onResolve({ filter: /documentLoaders\/(node|xhr)(\.js)?$/ }, () => ({ path: join(determinism, 'disabledDocumentLoader.cjs') }))
    // Every view of the platform's crypto, except the one module that wraps the host's.
    const platformCrypto = join(determinism, 'platformCrypto.ts')
    build.onResolve({ filter: /^(node:)?crypto$|^@noble\/hashes\/crypto(Node)?(\.js)?$/ }, (args) =>
      args.importer === platformCrypto ? undefined : { path: platformCrypto },
    )
    build.onResolve({ filter: /\/crypto\.js$/ }, (args) =>
      args.importer.includes('@digitalbazaar/bbs-signatures') ? { path: platformCrypto } : undefined,
    )
  },
}

/**
 * The pinned contexts of a manifest, checked against their SHA-256 by medcred's document loader
 * (a mismatch fails the build, not the machine). None without a manifest.
 */
export async function readBuildContexts(manifest: string | undefined): Promise<PinnedContext[]> {
  if (manifest === undefined || manifest === '') return []
  // Loaded only when needed: medcred/node brings the whole CLI.
  const [{ readPinnedContexts }, { createDocumentLoader }] = await Promise.all([import('medcred/node'), import('medcred/internal')])
  const contexts = await readPinnedContexts(manifest)
  createDocumentLoader({ contexts })
  return contexts
}

/**
 * Builds the bundle and returns its path, esbuild's metafile (which input made which bytes) and
 * the URLs of the pinned contexts embedded. `entry` builds another program the same way (a
 * measurement harness, an embedding app); `contexts` is a context manifest to embed (default:
 * the MEDCRED_CONTEXTS environment variable; none when unset or empty).
 */
export async function buildVerifier(options: { outfile?: string; entry?: string; contexts?: string | undefined } = {}) {
  const outfile = options.outfile ?? join(here, 'dist', 'medcred-verifier.mjs')
  const contexts = await readBuildContexts('contexts' in options ? options.contexts : process.env.MEDCRED_CONTEXTS)
  const result = await build({
    entryPoints: [options.entry ?? join(here, 'src', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['@cartesi/rollup'],
    // Its `paths` point `medcred`, `medcred/cartesi` and `medcred/internal` at the source entry files.
    tsconfig: join(here, '..', 'tsconfig.json'),
    alias: { 'sql.js': 'sql.js/dist/sql-wasm-inline.js' },
    // The pinned contexts as one JSON string: the only way they reach the machine.
    define: { ...define, [buildContextsGlobal]: JSON.stringify(JSON.stringify(contexts)) },
    inject: [join(determinism, 'deterministicGlobals.ts')],
    plugins: [sealPlatform],
    // CommonJS dependencies call require(); an ES module bundle has to provide it.
    banner: { js: "import { createRequire as medcredCreateRequire } from 'node:module'; const require = medcredCreateRequire(import.meta.url);" },
    metafile: true,
    logLevel: 'warning',
  })
  return { outfile, metafile: result.metafile, contexts: contexts.map((context) => context.url) }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { outfile, metafile, contexts } = await buildVerifier()
  const bytes = Object.values(metafile.outputs)[0]?.bytes ?? 0
  console.log(`${outfile}: ${(bytes / 1024 / 1024).toFixed(2)} MiB${contexts.length ? `, pinned contexts: ${contexts.join(', ')}` : ''}`)
}
