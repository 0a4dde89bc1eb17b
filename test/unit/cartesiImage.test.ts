/**
 * Static checks of the Cartesi machine image: verifier/Dockerfile, cartesi.toml and
 * docs/deploy-cartesi.md against what the Cartesi CLI v2 and the machine need. Docker cannot run
 * here, so these read the files; each known-bad combination is one check, and each check is also
 * run on a mutated copy of the files to show it can fail.
 *
 * No TOML parser is among the dependencies, so `parseToml` reads the subset cartesi.toml uses
 * (tables, dotted and quoted keys, strings, integers, booleans, arrays, inline tables, comments)
 * and throws on anything else rather than misreading it.
 */
import { readFileSync } from 'node:fs'
import { posix } from 'node:path'
import { describe, expect, it } from 'vitest'
import { machineNodeFlags } from '../../verifier/build.js'

// ---------------------------------------------------------------------------------------------
// What the checks rely on, each from a source named beside it.

/** cartesi-init runs the entry point; rollup-init puts rollup-http-server in front of it. */
const rollupInit = 'rollup-init'
/** Where rollup-http-server listens inside the machine (guest tools 0.17). */
const rollupHttpUrl = 'http://127.0.0.1:5004'
/** The flags of `cartesi build` in CLI v2 (apps/cli/src/commands/build.ts, 2.0.0-alpha.16 and later). */
const cliBuildFlags = new Set(['-c', '--config', '-d', '--drives-only', '-v', '--verbose', '--debug', '-h', '--help'])
/**
 * Base images seen to have a linux/riscv64 variant: Debian's official image from trixie on
 * (docker-library/official-images, library/debian) and the cartesi/node tags its bake file builds
 * for riscv64 only (cartesi/docker-node, docker-bake.hcl).
 */
const riscv64Bases = [
  /^(docker\.io\/)?(library\/)?debian:trixie(-\d{8})?-slim$/,
  /^(docker\.io\/)?(library\/)?debian:trixie(-\d{8})?$/,
  /^(docker\.io\/)?cartesi\/node:(20\.19\.0|20\.19|20|22\.14\.0|22\.14|22)-(noble|jammy)(-slim)?$/,
]
/** The bundle the CMD starts. */
const bundleFile = 'medcred-verifier.mjs'

// ---------------------------------------------------------------------------------------------
// A reader for the TOML subset cartesi.toml uses.

type TomlValue = string | number | boolean | TomlValue[] | TomlTable
interface TomlTable {
  [key: string]: TomlValue
}

function isTable(value: TomlValue | undefined): value is TomlTable {
  return typeof value === 'object' && !Array.isArray(value)
}

function parseToml(text: string): TomlTable {
  const root: TomlTable = {}
  let at = 0
  let current = root
  const fail = (why: string): never => {
    const line = text.slice(0, at).split('\n').length
    throw new Error(`cartesi.toml line ${line}: ${why} (the test's TOML reader takes only the subset cartesi.toml uses)`)
  }
  const skipSpace = () => {
    while (text[at] === ' ' || text[at] === '\t') at++
  }
  const skipComment = () => {
    if (text[at] === '#') while (at < text.length && text[at] !== '\n') at++
  }
  const skipBlank = () => {
    for (;;) {
      skipSpace()
      skipComment()
      if (text[at] === '\n' || text[at] === '\r') at++
      else return
    }
  }
  const endOfLine = () => {
    skipSpace()
    skipComment()
    if (at < text.length && text[at] !== '\n' && text[at] !== '\r') fail(`unexpected ${JSON.stringify(text[at])}`)
  }
  const basicString = (): string => {
    if (text.startsWith('"""', at)) fail('multi-line strings')
    at++
    let value = ''
    for (;;) {
      const c = text[at++]
      if (c === undefined || c === '\n') fail('unterminated string')
      if (c === '"') return value
      if (c !== '\\') {
        value += c
        continue
      }
      const e = text[at++]
      const simple: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' }
      if (e !== undefined && e in simple) value += simple[e]
      else if (e === 'u' || e === 'U') {
        const size = e === 'u' ? 4 : 8
        const hex = text.slice(at, at + size)
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== size) fail('bad unicode escape')
        value += String.fromCodePoint(Number.parseInt(hex, 16))
        at += size
      } else fail(`bad escape \\${e}`)
    }
  }
  const literalString = (): string => {
    if (text.startsWith("'''", at)) fail('multi-line strings')
    const end = text.indexOf("'", at + 1)
    const newline = text.indexOf('\n', at + 1)
    if (end < 0 || (newline >= 0 && newline < end)) fail('unterminated string')
    const value = text.slice(at + 1, end)
    at = end + 1
    return value
  }
  const key = (): string[] => {
    const parts: string[] = []
    for (;;) {
      skipSpace()
      const c = text[at]
      if (c === '"') parts.push(basicString())
      else if (c === "'") parts.push(literalString())
      else {
        const bare = /^[A-Za-z0-9_-]+/.exec(text.slice(at))?.[0] ?? fail('expected a key')
        parts.push(bare)
        at += bare.length
      }
      skipSpace()
      if (text[at] !== '.') return parts
      at++
    }
  }
  const value = (): TomlValue => {
    skipSpace()
    const c = text[at]
    if (c === '"') return basicString()
    if (c === "'") return literalString()
    if (c === '[') {
      at++
      const items: TomlValue[] = []
      for (;;) {
        skipBlank()
        if (text[at] === ']') {
          at++
          return items
        }
        items.push(value())
        skipBlank()
        if (text[at] === ',') at++
        else if (text[at] !== ']') fail('expected , or ] in an array')
      }
    }
    if (c === '{') {
      at++
      const table: TomlTable = {}
      skipSpace()
      if (text[at] === '}') {
        at++
        return table
      }
      for (;;) {
        const path = key()
        if (text[at] !== '=') fail('expected =')
        at++
        assign(table, path, value())
        skipSpace()
        if (text[at] === '}') {
          at++
          return table
        }
        if (text[at] !== ',') fail('expected , or } in an inline table')
        at++
      }
    }
    const word = /^[^\s,\]}#]+/.exec(text.slice(at))?.[0] ?? fail('expected a value')
    at += word.length
    if (word === 'true') return true
    if (word === 'false') return false
    if (/^[+-]?(0|[1-9](_?\d)*)$/.test(word)) return Number(word.replaceAll('_', ''))
    return fail(`unsupported value ${word}`)
  }
  const assign = (table: TomlTable, path: string[], v: TomlValue) => {
    let target = table
    for (const part of path.slice(0, -1)) {
      const next = target[part] ?? (target[part] = {})
      if (!isTable(next)) fail(`${part} is not a table`)
      target = next as TomlTable
    }
    const last = path.at(-1) as string
    if (last in target) fail(`duplicate key ${path.join('.')}`)
    target[last] = v
  }
  for (;;) {
    skipBlank()
    if (at >= text.length) return root
    if (text[at] === '[') {
      if (text[at + 1] === '[') fail('arrays of tables')
      at++
      const path = key()
      if (text[at] !== ']') fail('expected ]')
      at++
      endOfLine()
      current = root
      for (const part of path) {
        const next = current[part] ?? (current[part] = {})
        if (!isTable(next)) fail(`${part} is not a table`)
        current = next as TomlTable
      }
      continue
    }
    const path = key()
    if (text[at] !== '=') fail('expected =')
    at++
    assign(current, path, value())
    endOfLine()
  }
}

// ---------------------------------------------------------------------------------------------
// A reader for Dockerfiles: instructions with their continuation lines and here-documents.

interface Instruction {
  keyword: string
  /** The instruction's text after the keyword, continuation lines joined. */
  args: string
  /** Bodies of its here-documents. */
  heredocs: string[]
}
interface Stage {
  index: number
  name: string | undefined
  image: string
  platform: string | undefined
  instructions: Instruction[]
}
interface Dockerfile {
  /** ARGs before the first FROM, with their defaults (undefined: none). */
  globalArgs: Map<string, string | undefined>
  labels: string[]
  stages: Stage[]
}

function parseDockerfile(text: string): Dockerfile {
  const lines = text.split('\n')
  const globalArgs = new Map<string, string | undefined>()
  const labels: string[] = []
  const stages: Stage[] = []
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string
    if (/^\s*(#.*)?$/.test(line)) continue
    // A continued line goes on past comment lines, which are dropped.
    while (/\\\s*$/.test(line) && i + 1 < lines.length) {
      line = line.replace(/\\\s*$/, ' ')
      do i++
      while (i + 1 < lines.length && /^\s*#/.test(lines[i] as string))
      line += lines[i] as string
    }
    const match = /^\s*(\w+)\s*(.*)$/.exec(line)
    if (!match) continue
    const keyword = (match[1] as string).toUpperCase()
    const args = (match[2] as string).trim()
    const heredocs: string[] = []
    if (['RUN', 'COPY', 'ADD'].includes(keyword)) {
      for (const doc of args.matchAll(/<<(-?)(["']?)([A-Za-z_][\w]*)\2/g)) {
        const body: string[] = []
        while (++i < lines.length) {
          const bodyLine = lines[i] as string
          if ((doc[1] ? bodyLine.trim() : bodyLine) === doc[3]) break
          body.push(bodyLine)
        }
        heredocs.push(body.join('\n'))
      }
    }
    const instruction = { keyword, args, heredocs }
    if (keyword === 'FROM') {
      const words = args.split(/\s+/)
      const platform = words.find((w) => w.startsWith('--platform='))?.slice('--platform='.length)
      const rest = words.filter((w) => !w.startsWith('--'))
      const asAt = rest.findIndex((w) => w.toUpperCase() === 'AS')
      stages.push({ index: stages.length, image: rest[0] ?? '', name: asAt >= 0 ? rest[asAt + 1] : undefined, platform, instructions: [] })
    } else if (stages.length === 0) {
      if (keyword === 'ARG') for (const [name, value] of argDeclarations(args)) globalArgs.set(name, value)
    } else {
      const stage = stages.at(-1) as Stage
      stage.instructions.push(instruction)
      if (keyword === 'LABEL') labels.push(args)
    }
  }
  return { globalArgs, labels, stages }
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value
}

/** `ARG A=1 B` → [[A, '1'], [B, undefined]]. */
function argDeclarations(args: string): [string, string | undefined][] {
  return args.split(/\s+/).filter(Boolean).map((word) => {
    const eq = word.indexOf('=')
    return eq < 0 ? [word, undefined] : [word.slice(0, eq), unquote(word.slice(eq + 1))]
  })
}

/** `ENV A=1 B="2 3"` or the legacy `ENV A 1`. */
function envDeclarations(args: string): [string, string][] {
  if (!/^\w+=/.test(args)) {
    const [name, ...value] = args.split(/\s+/)
    return [[name ?? '', value.join(' ')]]
  }
  return [...args.matchAll(/(\w+)=("[^"]*"|'[^']*'|\S*)/g)].map((m) => [m[1] as string, unquote(m[2] as string)])
}

/** `${X}`, `$X`, `${X:-default}` and `${X:+alternative}`. */
function expand(text: string, vars: Map<string, string>): string {
  return text.replace(/\$\{(\w+)(?::([-+])([^}]*))?\}|\$(\w+)/g, (_, braced?: string, op?: string, word?: string, bare?: string) => {
    const value = vars.get((braced ?? bare) as string) ?? ''
    if (op === '-') return value || (word ?? '')
    if (op === '+') return value ? (word ?? '') : ''
    return value
  })
}

// ---------------------------------------------------------------------------------------------
// The image the CLI builds, as the files describe it.

interface Image {
  dockerfile: Dockerfile
  toml: TomlTable
  /** [drives.root] of cartesi.toml. */
  drive: TomlTable
  buildArgs: Map<string, string>
  /** The stage that becomes the root drive: `target`, or the last one. */
  machine: Stage
  /** The machine stage and the stages it is built FROM, base first. */
  chain: Stage[]
  /** Every stage the machine stage needs (its chain, COPY --from and RUN --mount from). */
  used: Stage[]
  env: Map<string, string>
  command: string[]
}

function stageByRef(dockerfile: Dockerfile, ref: string): Stage | undefined {
  return dockerfile.stages.find((s) => s.name === ref) ?? (/^\d+$/.test(ref) ? dockerfile.stages[Number(ref)] : undefined)
}

function stageChain(dockerfile: Dockerfile, stage: Stage): Stage[] {
  const base = stageByRef(dockerfile, stage.image)
  return base && base.index < stage.index ? [...stageChain(dockerfile, base), stage] : [stage]
}

/** The ARG and ENV values a stage's instructions see, up to (not including) instruction `upTo`. */
function stageVars(image: Pick<Image, 'dockerfile' | 'buildArgs'>, stage: Stage, upTo = Infinity): Map<string, string> {
  const vars = new Map<string, string>()
  const chain = stageChain(image.dockerfile, stage)
  for (const s of chain) {
    s.instructions.forEach((instruction, n) => {
      if (s === stage && n >= upTo) return
      if (instruction.keyword === 'ARG') {
        for (const [name, value] of argDeclarations(instruction.args)) {
          const given = image.buildArgs.get(name) ?? value ?? image.dockerfile.globalArgs.get(name)
          if (given !== undefined) vars.set(name, expand(given, vars))
        }
      }
      if (instruction.keyword === 'ENV') for (const [name, value] of envDeclarations(instruction.args)) vars.set(name, expand(value, vars))
    })
  }
  return vars
}

function readImage(files: Files): Image {
  const dockerfile = parseDockerfile(files.dockerfile)
  const toml = parseToml(files.toml)
  const drives = toml.drives
  const drive = isTable(drives) && isTable(drives.root) ? drives.root : {}
  const buildArgs = new Map<string, string>()
  const declared = drive.build_args
  for (const arg of Array.isArray(declared) ? declared : typeof declared === 'string' ? [declared] : []) {
    if (typeof arg !== 'string') continue
    const eq = arg.indexOf('=')
    buildArgs.set(eq < 0 ? arg : arg.slice(0, eq), eq < 0 ? '' : arg.slice(eq + 1))
  }
  const target = typeof drive.target === 'string' ? stageByRef(dockerfile, drive.target) : dockerfile.stages.at(-1)
  if (!target) throw new Error('the Dockerfile has no stage to build the root drive from')
  const chain = stageChain(dockerfile, target)
  const used = new Set<Stage>()
  const visit = (stage: Stage) => {
    if (used.has(stage)) return
    for (const s of stageChain(dockerfile, stage)) {
      used.add(s)
      for (const instruction of s.instructions) {
        for (const m of instruction.args.matchAll(/--(?:from|mount=[^\s]*\bfrom)=([\w.-]+)/g)) {
          const dependency = stageByRef(dockerfile, m[1] as string)
          if (dependency) visit(dependency)
        }
      }
    }
  }
  visit(target)

  const partial = { dockerfile, buildArgs }
  const machineSection = isTable(toml.machine) ? toml.machine : {}
  // The image's ENV reaches the machine unless use_docker_env = false; [machine] env comes on top.
  const env = new Map<string, string>()
  if (machineSection.use_docker_env !== false) {
    for (const s of chain)
      for (const instruction of s.instructions)
        if (instruction.keyword === 'ENV') {
          const vars = stageVars(partial, s, s.instructions.indexOf(instruction))
          for (const [name, value] of envDeclarations(instruction.args)) env.set(name, expand(value, vars))
        }
  }
  if (isTable(machineSection.env)) for (const [name, value] of Object.entries(machineSection.env)) env.set(name, String(value))

  let entrypoint: string[] = []
  let cmd: string[] = []
  const form = (args: string) => (args.startsWith('[') ? (JSON.parse(args) as string[]) : ['/bin/sh', '-c', args])
  for (const s of chain)
    for (const instruction of s.instructions) {
      if (instruction.keyword === 'ENTRYPOINT') {
        entrypoint = form(instruction.args)
        cmd = []
      }
      if (instruction.keyword === 'CMD') cmd = form(instruction.args)
    }
  const command = typeof machineSection.entrypoint === 'string' ? machineSection.entrypoint.split(/\s+/).filter(Boolean) : [...entrypoint, ...cmd]
  return { dockerfile, toml, drive, buildArgs, machine: target, chain, used: [...used].sort((a, b) => a.index - b.index), env, command }
}

/** All the text of a set of stages' instructions, here-documents included. */
function stagesText(stages: Stage[], keywords?: string[]): string {
  return stages
    .flatMap((s) => s.instructions)
    .filter((i) => !keywords || keywords.includes(i.keyword))
    .map((i) => [i.args, ...i.heredocs].join('\n'))
    .join('\n')
}

const isRollupInit = (word: string | undefined) => word !== undefined && posix.basename(word) === rollupInit
const transportOf = (image: Image) => (image.env.get('ROLLUP_HTTP_SERVER_URL') ? 'http' : 'libcmt')

/** Whether the machine's root drive gets the @cartesi/rollup binding, and the instructions that put it there. */
function bindingSources(image: Image): Instruction[] {
  const found: Instruction[] = []
  for (const s of image.chain)
    for (const instruction of s.instructions) {
      const text = [instruction.args, ...instruction.heredocs].join('\n')
      if (text.includes('@cartesi/rollup')) found.push(instruction)
      const copy = /--from=([\w.-]+)\s+(.*)$/.exec(instruction.args)
      if (instruction.keyword !== 'COPY' || !copy) continue
      const from = stageByRef(image.dockerfile, copy[1] as string)
      const sources = (copy[2] as string).split(/\s+/).slice(0, -1).map((p) => p.replace(/\/+$/, ''))
      if (!from) continue
      for (const provider of stageChain(image.dockerfile, from).flatMap((st) => st.instructions)) {
        const providerText = [provider.args, ...provider.heredocs].join('\n')
        if (providerText.includes('@cartesi/rollup') && sources.some((src) => src && providerText.includes(src))) found.push(provider)
      }
    }
  return found
}

// ---------------------------------------------------------------------------------------------
// The checks. Each returns what is wrong, in words; none: the files pass.

interface Files {
  dockerfile: string
  toml: string
  docs: string
}

const checks = {
  'rollup-init runs only with ROLLUP_HTTP_SERVER_URL set to the rollup HTTP server': (image: Image): string[] => {
    if (!isRollupInit(image.command[0])) return []
    const url = image.env.get('ROLLUP_HTTP_SERVER_URL')
    if (!url)
      return [
        `the machine starts ${image.command.join(' ')} with no ROLLUP_HTTP_SERVER_URL: main.ts then picks libcmt, but rollup-http-server has already opened the single-user cmio device, and the verifier dies at start`,
      ]
    return url === rollupHttpUrl ? [] : [`ROLLUP_HTTP_SERVER_URL is ${url}; rollup-http-server listens on ${rollupHttpUrl}`]
  },

  'one transport: the libcmt binding ships exactly when libcmt is chosen, and never under rollup-init': (image: Image): string[] => {
    const problems: string[] = []
    const transport = transportOf(image)
    const sources = bindingSources(image)
    if (transport === 'libcmt' && isRollupInit(image.command[0]))
      problems.push('libcmt is chosen (no ROLLUP_HTTP_SERVER_URL) while rollup-init is the entry point: its rollup-http-server holds the cmio device libcmt needs')
    if (transport === 'http' && sources.length > 0)
      problems.push('ROLLUP_HTTP_SERVER_URL chooses the HTTP transport, yet the image installs the libcmt binding (@cartesi/rollup): it would never be used')
    if (transport === 'libcmt' && sources.length === 0) problems.push('libcmt is chosen (no ROLLUP_HTTP_SERVER_URL) but the image does not install @cartesi/rollup')
    if (transport === 'libcmt' && sources.length > 0 && !sources.some((s) => [s.args, ...s.heredocs].join('\n').includes('1.0.0-alpha.2')))
      problems.push('the libcmt binding is not pinned to @cartesi/rollup 1.0.0-alpha.2')
    return problems
  },

  'the guest tools are installed together with busybox-static': (image: Image): string[] => {
    const runs = image.chain.flatMap((s) => s.instructions).filter((i) => i.keyword === 'RUN')
    const text = (i: Instruction) => [i.args, ...i.heredocs].join('\n')
    const installsTools = runs.findIndex((i) => /machine-guest-tools[^\s]*\.deb/.test(text(i)))
    if (installsTools < 0) return ['the machine stage never installs the machine guest tools .deb (cartesi-init, the machine init)']
    const busybox = runs.findIndex((i, n) => {
      if (n > installsTools) return false
      const body = text(i).replace(/\\\n/g, ' ')
      for (const m of body.matchAll(/\bapt(?:-get)?\s+install\b[^\n]*/g)) {
        if (!/(^|\s)busybox-static(=\S+)?(\s|$)/.test(m[0])) continue
        // In the RUN that installs the tools, busybox-static must come first or in the same apt command.
        if (n < installsTools) return true
        const dpkg = body.search(/\bdpkg\s+-i\b/)
        if (dpkg < 0 || (m.index ?? 0) < dpkg) return true
      }
      return false
    })
    return busybox >= 0
      ? []
      : ['the guest tools .deb depends on busybox-static, which `dpkg -i` alone does not install: install busybox-static with apt-get before it, or in the same apt-get install']
  },

  'the guest tools .deb is pinned by its SHA-256': (image: Image): string[] => {
    for (const s of image.chain)
      for (const [n, instruction] of s.instructions.entries()) {
        const vars = stageVars(image, s, n)
        const all = expand([instruction.args, ...instruction.heredocs].join('\n'), vars)
        if (!/machine-guest-tools[^\s]*\.deb/.test(all) || !/https?:\/\//.test(all)) continue
        if (instruction.keyword === 'ADD') {
          const checksum = /--checksum=(\S*)/.exec(all)?.[1]
          if (checksum && /^sha256:[0-9a-f]{64}$/.test(checksum)) return []
          return [`the guest tools .deb is downloaded with ${checksum ? `--checksum=${checksum}, not sha256:<64 hex digits>` : 'no --checksum'}: an altered download would go into the machine`]
        }
        if (/sha256sum\s+(-c|--check)/.test(all) && /[0-9a-f]{64}/.test(all)) return []
        return ['the guest tools .deb is downloaded without checking its SHA-256']
      }
    return ['no download of the guest tools .deb found in the machine stage']
  },

  'the bundle stage runs on the build platform': (image: Image): string[] => {
    const bundles = image.used.filter((s) => /verifier\/build\.ts/.test(stagesText([s], ['RUN'])))
    if (bundles.length === 0) return ['no stage runs verifier/build.ts']
    return bundles
      .filter((s) => !['$BUILDPLATFORM', '${BUILDPLATFORM}'].includes(s.platform ?? ''))
      .map(
        (s) =>
          `stage ${s.name ?? s.index} runs verifier/build.ts without FROM --platform=$BUILDPLATFORM: \`cartesi build\` builds every stage for linux/riscv64, so it would run under emulation${s === image.machine ? ', and inside the machine image' : ''}`,
      )
  },

  'the bundle stage builds with npx tsx verifier/build.ts and keeps the MEDCRED_CONTEXTS build-context mount': (image: Image): string[] => {
    const run = image.used.flatMap((s) => s.instructions).find((i) => i.keyword === 'RUN' && /npx tsx verifier\/build\.ts/.test(i.args))
    if (!run) return ['no RUN builds the bundle with `npx tsx verifier/build.ts`']
    const problems: string[] = []
    if (!/--mount=type=bind,target=\/build-context\b/.test(run.args)) problems.push('the bundle RUN no longer bind-mounts the build context at /build-context')
    if (!run.args.includes('MEDCRED_CONTEXTS="${MEDCRED_CONTEXTS:+/build-context/${MEDCRED_CONTEXTS}}"'))
      problems.push('the bundle RUN no longer points MEDCRED_CONTEXTS into /build-context')
    return problems
  },

  'the machine stage is linux/riscv64, on a base image that has a riscv64 variant': (image: Image): string[] => {
    const base = image.chain[0] as Stage
    const problems: string[] = []
    if (image.chain.every((s) => s.platform !== 'linux/riscv64'))
      problems.push(`the machine stage (FROM ${base.image}) does not say --platform=linux/riscv64: the Cartesi machine is riscv64`)
    const resolved = expand(base.image, new Map([...image.dockerfile.globalArgs].map(([k, v]) => [k, image.buildArgs.get(k) ?? v ?? ''])))
    if (!riscv64Bases.some((pattern) => pattern.test(resolved)))
      problems.push(`the machine base image ${resolved} is not one seen with a riscv64 variant (add its evidence to riscv64Bases if it has one)`)
    return problems
  },

  "the machine's command is node with exactly machineNodeFlags": (image: Image): string[] => {
    const command = isRollupInit(image.command[0]) ? image.command.slice(1) : image.command
    const expected = ['node', ...machineNodeFlags, bundleFile]
    return JSON.stringify(command) === JSON.stringify(expected)
      ? []
      : [`the machine runs ${JSON.stringify(command)}; verifier/build.ts's machineNodeFlags (what the tests and the bench run) make it ${JSON.stringify(expected)}`]
  },

  'cartesi.toml sets the RAM in [machine] ram_length, not in an image label': (image: Image): string[] => {
    const problems: string[] = []
    const machine = isTable(image.toml.machine) ? image.toml.machine : {}
    const ram = machine.ram_length
    if (typeof ram !== 'string' || !/^\d+(Ki|Mi|Gi)$/.test(ram)) problems.push(`[machine] ram_length is ${JSON.stringify(ram)}; set it, e.g. "256Mi" (CLI v2 defaults to 128Mi)`)
    for (const label of image.dockerfile.labels)
      if (/io\.cartesi\.rollups\.ram_size/.test(label)) problems.push(`the Dockerfile sets LABEL ${label}, which CLI v2 ignores: the RAM comes from cartesi.toml`)
    return problems
  },

  'cartesi.toml passes every build argument the Dockerfile requires': (image: Image): string[] => {
    const problems: string[] = []
    for (const s of image.used)
      for (const instruction of s.instructions)
        if (instruction.keyword === 'ARG')
          for (const [name, value] of argDeclarations(instruction.args)) {
            const hasDefault = value !== undefined || image.dockerfile.globalArgs.get(name) !== undefined
            if (hasDefault) continue
            const given = image.buildArgs.get(name)
            if (given === undefined) problems.push(`ARG ${name} has no default and cartesi.toml's [drives.root] build_args does not pass it`)
            else if (given.trim() === '') problems.push(`cartesi.toml passes ${name} empty; it has no default and must have a value`)
          }
    return problems
  },

  'every build argument in cartesi.toml names an ARG of the Dockerfile': (image: Image): string[] => {
    const declared = new Set([...image.dockerfile.globalArgs.keys()])
    for (const s of image.used) for (const i of s.instructions) if (i.keyword === 'ARG') for (const [name] of argDeclarations(i.args)) declared.add(name)
    return [...image.buildArgs.keys()].filter((name) => !declared.has(name)).map((name) => `build_args passes ${name}, which no stage declares: docker ignores it silently`)
  },

  "cartesi.toml's root drive is verifier/Dockerfile built from the repository root": (image: Image): string[] => {
    const problems: string[] = []
    if ((image.drive.builder ?? 'docker') !== 'docker') problems.push(`[drives.root] builder is ${String(image.drive.builder)}, not docker`)
    if (image.drive.dockerfile !== 'verifier/Dockerfile') problems.push(`[drives.root] dockerfile is ${JSON.stringify(image.drive.dockerfile)}; the CLI builds verifier/Dockerfile only if it says so`)
    if ((image.drive.context ?? '.') !== '.') problems.push(`[drives.root] context is ${JSON.stringify(image.drive.context)}; the Dockerfile copies package.json, src/ and verifier/ from the repository root`)
    return problems
  },
}

const docsChecks = {
  'docs/deploy-cartesi.md uses only flags `cartesi build` has in CLI v2': (docs: string): string[] => {
    const problems: string[] = []
    const text = docs.replace(/\\\n/g, ' ')
    for (const m of text.matchAll(/cartesi build\b([^\n`#;|&)]*)/g)) {
      for (const word of (m[1] as string).split(/\s+/)) {
        if (!word.startsWith('-')) continue
        const flag = word.split('=')[0] as string
        if (!cliBuildFlags.has(flag)) problems.push(`\`cartesi build ${(m[1] as string).trim()}\`: ${flag} is not a flag of cartesi build in CLI v2 (build arguments, the Dockerfile and the RAM go in cartesi.toml)`)
      }
    }
    return problems
  },

  'docs/deploy-cartesi.md names the CLI version it was written against': (docs: string): string[] =>
    /@cartesi\/cli@2\.\d+\.\d+(-[\w.]+)?/.test(docs) ? [] : ['the page does not name the Cartesi CLI version (npm install -g @cartesi/cli@<version>)'],
}

// ---------------------------------------------------------------------------------------------

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
const files: Files = { dockerfile: read('verifier/Dockerfile'), toml: read('cartesi.toml'), docs: read('docs/deploy-cartesi.md') }

type CheckName = keyof typeof checks
type DocsCheckName = keyof typeof docsChecks
const run = (name: CheckName, f: Files = files) => checks[name](readImage(f))
const runDocs = (name: DocsCheckName, f: Files = files) => docsChecks[name](f.docs)

/** A copy of the files with `from` replaced by `to` in one of them; `from` must be there. */
function mutate(file: keyof Files, from: string | RegExp, to: string, base: Files = files): Files {
  const text = base[file]
  const found = typeof from === 'string' ? text.includes(from) : from.test(text)
  if (!found) throw new Error(`mutation: ${String(from)} is not in ${file} any more; update the mutation`)
  return { ...base, [file]: text.replace(from, to) }
}

describe('the Cartesi image (verifier/Dockerfile, cartesi.toml, docs/deploy-cartesi.md)', () => {
  for (const name of Object.keys(checks) as CheckName[]) {
    it(name, () => {
      expect(run(name), `${name}:\n`).toEqual([])
    })
  }
  for (const name of Object.keys(docsChecks) as DocsCheckName[]) {
    it(name, () => {
      expect(runDocs(name), `${name}:\n`).toEqual([])
    })
  }
})

describe('each check fails on a known-bad combination', () => {
  const rollupInitEntry = mutate('dockerfile', /^ENTRYPOINT \[\]$/m, `ENTRYPOINT ["${rollupInit}"]`)
  const machineEnv = (line: string, f: Files) => mutate('dockerfile', /^WORKDIR \/opt\/cartesi\/app$/m, `${line}\nWORKDIR /opt/cartesi/app`, f)
  const cases: [CheckName, string, Files, RegExp][] = [
    ['rollup-init runs only with ROLLUP_HTTP_SERVER_URL set to the rollup HTTP server', 'rollup-init without ROLLUP_HTTP_SERVER_URL', rollupInitEntry, /with no ROLLUP_HTTP_SERVER_URL/],
    [
      'rollup-init runs only with ROLLUP_HTTP_SERVER_URL set to the rollup HTTP server',
      'rollup-init with the wrong URL',
      machineEnv('ENV ROLLUP_HTTP_SERVER_URL=http://localhost:8080', rollupInitEntry),
      /is http:\/\/localhost:8080; rollup-http-server listens on/,
    ],
    ['one transport: the libcmt binding ships exactly when libcmt is chosen, and never under rollup-init', 'libcmt chosen while rollup-init is the entry point', rollupInitEntry, /libcmt is chosen .* while rollup-init/],
    ['one transport: the libcmt binding ships exactly when libcmt is chosen, and never under rollup-init', 'the HTTP transport with the binding still installed', machineEnv(`ENV ROLLUP_HTTP_SERVER_URL=${rollupHttpUrl}`, rollupInitEntry), /HTTP transport, yet the image installs the libcmt binding/],
    [
      'one transport: the libcmt binding ships exactly when libcmt is chosen, and never under rollup-init',
      'libcmt without the binding',
      mutate('dockerfile', /^COPY --from=bundle \/machine\/ \.\/$/m, 'COPY --from=bundle /src/verifier/dist/medcred-verifier.mjs ./'),
      /does not install @cartesi\/rollup/,
    ],
    ['the guest tools are installed together with busybox-static', 'guest tools without busybox-static', mutate('dockerfile', /^ {2}busybox-static \\\n/m, ''), /depends on busybox-static/],
    [
      'the guest tools are installed together with busybox-static',
      'busybox-static installed after dpkg -i of the tools',
      mutate('dockerfile', /apt-get install -y --no-install-recommends \\\n {2}busybox-static \\\n {2}nodejs \\\n {2}\/tmp\/machine-guest-tools_riscv64\.deb/, 'dpkg -i /tmp/machine-guest-tools_riscv64.deb\napt-get install -y busybox-static nodejs'),
      /depends on busybox-static/,
    ],
    ['the guest tools .deb is pinned by its SHA-256', 'a download without --checksum', mutate('dockerfile', 'ADD --checksum=sha256:${MACHINE_GUEST_TOOLS_SHA256SUM} \\', 'ADD \\'), /with no --checksum/],
    ['the guest tools .deb is pinned by its SHA-256', 'an empty checksum argument', mutate('dockerfile', /^ARG MACHINE_GUEST_TOOLS_SHA256SUM=\w+$/m, 'ARG MACHINE_GUEST_TOOLS_SHA256SUM='), /--checksum=sha256:, not sha256:<64 hex digits>/],
    ['the bundle stage runs on the build platform', 'a bundle stage without --platform=$BUILDPLATFORM', mutate('dockerfile', 'FROM --platform=$BUILDPLATFORM node', 'FROM node'), /stage bundle runs verifier\/build\.ts without FROM --platform=\$BUILDPLATFORM/],
    [
      'the bundle stage builds with npx tsx verifier/build.ts and keeps the MEDCRED_CONTEXTS build-context mount',
      'the build-context mount dropped',
      mutate('dockerfile', 'RUN --mount=type=bind,target=/build-context \\', 'RUN \\'),
      /no longer bind-mounts the build context/,
    ],
    ['the machine stage is linux/riscv64, on a base image that has a riscv64 variant', 'a machine stage without --platform=linux/riscv64', mutate('dockerfile', 'FROM --platform=linux/riscv64 ', 'FROM '), /does not say --platform=linux\/riscv64/],
    [
      'the machine stage is linux/riscv64, on a base image that has a riscv64 variant',
      'the unverified cartesi/node:20.16.0-noble-slim',
      mutate('dockerfile', /debian:trixie-\d{8}-slim AS machine/, 'cartesi/node:20.16.0-noble-slim AS machine'),
      /cartesi\/node:20\.16\.0-noble-slim is not one seen with a riscv64 variant/,
    ],
    ["the machine's command is node with exactly machineNodeFlags", 'a CMD missing --liftoff-only', mutate('dockerfile', '"--liftoff-only", ', ''), /machineNodeFlags/],
    ["the machine's command is node with exactly machineNodeFlags", 'an extra flag', mutate('dockerfile', '"--expose-gc", ', '"--expose-gc", "--max-old-space-size=64", '), /max-old-space-size.*machineNodeFlags/],
    ['cartesi.toml sets the RAM in [machine] ram_length, not in an image label', 'no ram_length', mutate('toml', /^ram_length = .*\n/m, ''), /ram_length is undefined/],
    ['cartesi.toml sets the RAM in [machine] ram_length, not in an image label', 'the v1 RAM label', machineEnv('LABEL io.cartesi.rollups.ram_size=128Mi', files), /LABEL io\.cartesi\.rollups\.ram_size=128Mi, which CLI v2 ignores/],
    ['cartesi.toml passes every build argument the Dockerfile requires', 'MEDCRED_ROOT_AUTHORITIES not passed', mutate('toml', /^ {2}"MEDCRED_ROOT_AUTHORITIES=.*",\n/m, ''), /ARG MEDCRED_ROOT_AUTHORITIES has no default/],
    ['cartesi.toml passes every build argument the Dockerfile requires', 'MEDCRED_ROOT_AUTHORITIES passed empty', mutate('toml', /"MEDCRED_ROOT_AUTHORITIES=[^"]*"/, '"MEDCRED_ROOT_AUTHORITIES="'), /passes MEDCRED_ROOT_AUTHORITIES empty/],
    ['every build argument in cartesi.toml names an ARG of the Dockerfile', 'a misspelt build argument', mutate('toml', '"MEDCRED_CONTEXTS=",', '"MEDCRED_CONTEXT=",'), /passes MEDCRED_CONTEXT, which no stage declares/],
    ["cartesi.toml's root drive is verifier/Dockerfile built from the repository root", 'the default Dockerfile', mutate('toml', /^dockerfile = .*\n/m, ''), /dockerfile is undefined/],
  ]
  for (const [name, what, mutated, reason] of cases) {
    it(`${name}: fails on ${what}`, () => {
      const problems = run(name, mutated)
      expect(problems.length, `${what} passed "${name}"`).toBeGreaterThan(0)
      expect(problems.join('\n'), `${what} failed "${name}" for another reason`).toMatch(reason)
    })
  }

  const docsCases: [DocsCheckName, string, Files, RegExp][] = [
    [
      'docs/deploy-cartesi.md uses only flags `cartesi build` has in CLI v2',
      '`cartesi build --dockerfile … --build-arg …` (CLI v1)',
      mutate('docs', /$/, '\n```sh\ncartesi build --dockerfile verifier/Dockerfile \\\n  --build-arg MEDCRED_ROOT_AUTHORITIES=0x1\n```\n'),
      /--dockerfile is not a flag[^]*--build-arg is not a flag/,
    ],
    ['docs/deploy-cartesi.md names the CLI version it was written against', 'no CLI version', mutate('docs', /@cartesi\/cli@2\.[\w.-]+/g, '@cartesi/cli'), /does not name the Cartesi CLI version/],
  ]
  for (const [name, what, mutated, reason] of docsCases) {
    it(`${name}: fails on ${what}`, () => {
      const problems = runDocs(name, mutated)
      expect(problems.length, `${what} passed "${name}"`).toBeGreaterThan(0)
      expect(problems.join('\n'), `${what} failed "${name}" for another reason`).toMatch(reason)
    })
  }

  it('the HTTP transport, when whole (rollup-init, the URL, no binding), passes the transport checks', () => {
    const http = mutate(
      'dockerfile',
      /^COPY --from=bundle \/machine\/ \.\/$/m,
      `ENV ROLLUP_HTTP_SERVER_URL=${rollupHttpUrl}\nCOPY --from=bundle /src/verifier/dist/medcred-verifier.mjs ./`,
      rollupInitEntry,
    )
    expect(run('rollup-init runs only with ROLLUP_HTTP_SERVER_URL set to the rollup HTTP server', http)).toEqual([])
    expect(run('one transport: the libcmt binding ships exactly when libcmt is chosen, and never under rollup-init', http)).toEqual([])
    expect(run("the machine's command is node with exactly machineNodeFlags", http)).toEqual([])
  })

  it('every check has a case that makes it fail', () => {
    const covered = new Set<string>([...cases.map(([name]) => name), ...docsCases.map(([name]) => name)])
    expect([...Object.keys(checks), ...Object.keys(docsChecks)].filter((name) => !covered.has(name))).toEqual([])
  })

  it("the TOML reader refuses what it does not read instead of misreading it", () => {
    expect(() => parseToml('a = """x"""')).toThrow(/multi-line/)
    expect(() => parseToml('[[drives]]')).toThrow(/arrays of tables/)
    expect(() => parseToml('a = 1\na = 2')).toThrow(/duplicate/)
    expect(() => parseToml('a = 1979-05-27')).toThrow(/unsupported value/)
    expect(parseToml('[x.y]\n"k" = [ "a", # c\n  \'b\', ]\nz = { p = true, q = -3 }')).toEqual({ x: { y: { k: ['a', 'b'], z: { p: true, q: -3 } } } })
  })
})
