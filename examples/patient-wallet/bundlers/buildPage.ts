/**
 * @module
 * Builds a page of ./page (verifyOnly.js, or issueDeriveVerify.js for the bench) for the browser
 * with esbuild, Vite, webpack 5 or Rollup, each set up as its own documentation sets up a
 * browser application and nothing more: no alias, no Node polyfill, no `define`, no setting
 * for medcred. `medcred` is the installed package (test/package/packMedcred.ts), found the usual
 * way, through the node_modules folder above the page.
 *
 * Every build reports its files (bytes, gzip bytes, whether the entry loads them before it runs:
 * the initial set, as opposed to chunks imported on demand), the npm packages in each file, and
 * every Node built-in module the bundler met (none is allowed in a browser bundle: webpack and
 * esbuild fail on one, Rollup leaves it unresolved, Vite swaps in an empty stand-in).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

/** The four bundlers, in the order reports list them. */
export const bundlers = ['esbuild', 'vite', 'webpack', 'rollup'] as const
export type Bundler = (typeof bundlers)[number]

/** The page scripts in ./page. */
export type PageEntry = 'verifyOnly' | 'issueDeriveVerify'

/** The folder of the page sources (index.html and the entry scripts). */
export const pageSources = join(dirname(fileURLToPath(import.meta.url)), 'page')

export type BuiltFile = {
  /** Path relative to the output folder. */
  file: string
  bytes: number
  /** gzip at level 9, as size reports usually give it. */
  gzipBytes: number
  /** Loaded before the entry runs (the entry and its static imports, transitively). */
  initial: boolean
  /** The npm packages with code in this file (`medcred`, `ethers`, `@mattrglobal/bbs-signatures`, ...). */
  packages: string[]
}

export type BuiltPage = {
  bundler: Bundler
  outDir: string
  /** The entry script, relative to `outDir`; index.html loads it. */
  script: string
  files: BuiltFile[]
  /** Node built-in modules that reached the bundle (must be empty). */
  nodeBuiltins: string[]
  /** The bundler's warnings, as text. */
  warnings: string[]
}

export type BuildPageOptions = {
  /** Where the page sources are copied and built from: a folder below the project that has medcred installed. */
  workDir: string
  entry: PageEntry
  /** Minify as a production build would (the bench); the browser tests build faster without. */
  minify: boolean
}

/**
 * Builds the page with `bundler` into `<workDir>/<bundler>-<entry>/out` (index.html, the entry
 * script and its chunks).
 *
 * @throws the bundler's error when the build fails (a module that cannot be resolved, a Node built-in for webpack or esbuild)
 */
export async function buildPage(bundler: Bundler, options: BuildPageOptions): Promise<BuiltPage> {
  const root = join(options.workDir, `${bundler}-${options.entry}`)
  const pageDir = join(root, 'page')
  const outDir = join(root, 'out')
  await rm(root, { recursive: true, force: true })
  await mkdir(pageDir, { recursive: true })
  await mkdir(outDir, { recursive: true })
  const script = `${options.entry}.js`
  await writeFile(join(pageDir, script), await readFile(join(pageSources, script)))
  const built = await builders[bundler]({ pageDir, outDir, entry: options.entry, minify: options.minify })
  const html = await readFile(join(pageSources, 'index.html'), 'utf8')
  if (!html.includes('src="./verifyOnly.js"')) throw new Error('page/index.html no longer loads ./verifyOnly.js')
  await writeFile(join(outDir, 'index.html'), html.replace('src="./verifyOnly.js"', `src="./${built.script}"`))
  const files: BuiltFile[] = []
  for (const [file, modules] of built.modules) {
    const content = await readFile(join(outDir, file))
    files.push({
      file,
      bytes: content.byteLength,
      gzipBytes: gzipSync(content, { level: 9 }).byteLength,
      initial: built.initial.has(file),
      packages: [...new Set(modules.map(packageOf))].sort(),
    })
  }
  files.sort((a, b) => Number(b.initial) - Number(a.initial) || a.file.localeCompare(b.file))
  return { bundler, outDir, script: built.script, files, nodeBuiltins: [...new Set(built.nodeBuiltins)].sort(), warnings: built.warnings }
}

/** The sum of `gzipBytes` (or `bytes`) over the files that match. */
export function totalOf(page: BuiltPage, which: 'initial' | 'all', measure: 'bytes' | 'gzipBytes' = 'gzipBytes'): number {
  return page.files.filter((file) => which === 'all' || file.initial).reduce((sum, file) => sum + file[measure], 0)
}

/** What a builder hands back: the entry, each output JS file's modules, which files are initial. */
type Built = { script: string; modules: Map<string, string[]>; initial: Set<string>; nodeBuiltins: string[]; warnings: string[] }
type Builder = (options: { pageDir: string; outDir: string; entry: PageEntry; minify: boolean }) => Promise<Built>

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]))

/** The npm package a module id belongs to (its last node_modules folder), or `medcred`'s page. */
function packageOf(id: string): string {
  const path = id.replace(/\\/g, '/').replace(/^\0/, '')
  const at = path.lastIndexOf('node_modules/')
  if (at === -1) return path.includes('browser-external') ? '(vite empty stand-in)' : '(page)'
  const [scope, name] = path.slice(at + 'node_modules/'.length).split('/')
  return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? path)
}

/** The files reachable from `entry` through static imports. */
function closure(entry: string, staticImports: (file: string) => readonly string[]): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const next of staticImports(file)) visit(next)
  }
  visit(entry)
  return seen
}

const builders: Record<Bundler, Builder> = {
  async esbuild({ pageDir, outDir, entry, minify }) {
    const esbuild = await import('esbuild')
    const result = await esbuild.build({
      absWorkingDir: pageDir,
      entryPoints: { [entry]: `./${entry}.js` },
      outdir: outDir,
      platform: 'browser',
      format: 'esm',
      bundle: true,
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      target: 'es2022',
      minify,
      metafile: true,
      logLevel: 'silent',
    })
    const outputs = new Map(Object.entries(result.metafile.outputs).map(([file, output]) => [relative(outDir, resolve(pageDir, file)), output]))
    const script = `${entry}.js`
    const modules = new Map([...outputs].filter(([file]) => file.endsWith('.js')).map(([file, output]) => [file, Object.keys(output.inputs)]))
    const initial = closure(script, (file) =>
      (outputs.get(file)?.imports ?? []).filter((item) => item.kind === 'import-statement').map((item) => relative(outDir, resolve(pageDir, item.path))),
    )
    const inputs = Object.keys(result.metafile.inputs)
    return { script, modules, initial, nodeBuiltins: inputs.filter((input) => builtins.has(input)), warnings: result.warnings.map((warning) => warning.text) }
  },

  async vite({ pageDir, outDir, entry, minify }) {
    const { build, createLogger } = await import('vite')
    const warnings: string[] = []
    const logger = createLogger('warn', { allowClearScreen: false })
    logger.warn = (message) => void warnings.push(message)
    logger.warnOnce = (message) => void warnings.push(message)
    const result = await build({
      configFile: false,
      root: pageDir,
      base: './',
      logLevel: 'warn',
      customLogger: logger,
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        minify,
        chunkSizeWarningLimit: 4096,
        rolldownOptions: {
          input: { [entry]: join(pageDir, `${entry}.js`) },
          output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    })
    const outputs = (Array.isArray(result) ? result : [result]).flatMap((item) => ('output' in item ? item.output : []))
    const chunks = new Map(outputs.flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item] as const] : [])))
    const script = `${entry}.js`
    const modules = new Map([...chunks].map(([file, chunk]) => [file, chunk.moduleIds]))
    const initial = closure(script, (file) => chunks.get(file)?.imports ?? [])
    const ids = [...chunks.values()].flatMap((chunk) => chunk.moduleIds)
    // `__vite-browser-external:<name>` stands in for a built-in a module imports. (Without a name, it is
    // the empty module of a package's own `"browser": { "crypto": false }`, which is no built-in.)
    const stubbed = ids.filter((id) => /browser-external:./.test(id)).map((id) => id.replace(/^.*browser-external:/, ''))
    return { script, modules, initial, nodeBuiltins: [...stubbed, ...ids.filter((id) => builtins.has(id))], warnings }
  },

  async webpack({ pageDir, outDir, entry, minify }) {
    const { default: webpack } = await import('webpack')
    const compiler = webpack({
      mode: 'production',
      context: pageDir,
      entry: { [entry]: `./${entry}.js` },
      target: 'web',
      output: { path: outDir, filename: '[name].js', chunkFilename: 'chunks/[name]-[contenthash].js', publicPath: 'auto', module: true, clean: true },
      experiments: { outputModule: true },
      devtool: false,
      performance: { hints: false },
      optimization: { minimize: minify },
    })
    const stats = await new Promise<import('webpack').Stats>((done, fail) => compiler.run((error, result) => (error || !result ? fail(error) : done(result))))
    await new Promise((done) => compiler.close(done))
    const json = stats.toJson({ all: false, errors: true, warnings: true })
    if (stats.hasErrors()) throw new Error(`webpack: ${(json.errors ?? []).map((error) => error.message).join('\n')}`)
    // The compilation itself says which modules each chunk holds (a concatenated module holds many).
    const { compilation } = stats
    type Module = import('webpack').Module & { modules?: Iterable<import('webpack').Module> }
    const idsOf = (module: Module): string[] => (module.modules ? [...module.modules].flatMap((inner) => idsOf(inner)) : [module.nameForCondition() ?? module.identifier()])
    const modules = new Map<string, string[]>()
    for (const chunk of compilation.chunks) {
      const ids = [...compilation.chunkGraph.getChunkModulesIterable(chunk)].flatMap((module) => idsOf(module))
      for (const file of chunk.files) if (file.endsWith('.js')) modules.set(file, [...(modules.get(file) ?? []), ...ids])
    }
    const initial = new Set(compilation.entrypoints.get(entry)?.getFiles() ?? [])
    const ids = [...modules.values()].flat()
    // webpack 5 has no Node polyfills: a built-in fails the build unless it is external.
    const nodeBuiltins = ids.filter((id) => /^(external|node-commonjs) /.test(id)).map((id) => id.replace(/^\S+ "?|"$/g, ''))
    return { script: `${entry}.js`, modules, initial, nodeBuiltins, warnings: (json.warnings ?? []).map((warning) => warning.message) }
  },

  async rollup({ pageDir, outDir, entry, minify }) {
    const { rollup } = await import('rollup')
    const nodeResolve = await pluginFactory(import('@rollup/plugin-node-resolve'))
    const commonjs = await pluginFactory(import('@rollup/plugin-commonjs'))
    const terser = await pluginFactory(import('@rollup/plugin-terser'))
    const warnings: string[] = []
    const nodeBuiltins: string[] = []
    const bundle = await rollup({
      input: { [entry]: join(pageDir, `${entry}.js`) },
      plugins: [nodeResolve({ browser: true, preferBuiltins: false }), commonjs(), ...(minify ? [terser()] : [])],
      onwarn(warning) {
        if (warning.code === 'UNRESOLVED_IMPORT' || warning.code === 'MISSING_NODE_BUILTINS') nodeBuiltins.push(...(warning.ids ?? [warning.exporter ?? warning.message]))
        // Benign and frequent in dependencies: circular imports, `this` at module level, misplaced annotations.
        if (!['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'INVALID_ANNOTATION'].includes(warning.code ?? '')) warnings.push(`${warning.code}: ${warning.message}`)
      },
    })
    try {
      const { output } = await bundle.write({ dir: outDir, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' })
      const chunks = new Map(output.flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item] as const] : [])))
      const script = `${entry}.js`
      const modules = new Map([...chunks].map(([file, chunk]) => [file, chunk.moduleIds]))
      const initial = closure(script, (file) => chunks.get(file)?.imports ?? [])
      return { script, modules, initial, nodeBuiltins, warnings }
    } finally {
      await bundle.close()
    }
  },
}

/**
 * A Rollup plugin's factory. The plugins' types describe CommonJS (so TypeScript sees the factory
 * at `default.default`), while Node's ESM import gives their ES build, whose `default` it is.
 */
async function pluginFactory<Factory>(module: Promise<{ default: { default: Factory } }>): Promise<Factory> {
  return ((await module) as unknown as { default: Factory }).default
}
