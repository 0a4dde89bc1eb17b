/**
 * What makes the CLI safe to depend on (docs/cli.md, "Safety"): `--version`; key files never
 * overwritten without `--force`, the old one kept as `<file>.bak`, written atomically with mode
 * 0600 and encrypted unless `--unencrypted`; `issue` only with the issuer's key; `verify`
 * warning when no challenge was checked; `credential schema`; relative paths from the
 * caller's folder under `npm run medcred`. One row per behaviour: the exit code, stderr line
 * by line (no stack trace, nothing secret), then what the row checks of stdout and the files.
 * The refusals have their rows in errorTable.test.ts too.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleLicenceInput, sampleVaccinationInput } from '#test/credentials.js'
import { runCliCaptured } from '#test/runCliCaptured.js'
import { createMedicalLicenseCredential } from '../../../src/credentials/createMedicalLicenseCredential.js'
import { createVaccinationCertificate } from '../../../src/credentials/createVaccinationCertificate.js'

const repoRoot = join(import.meta.dirname, '../../..')
let dir: string
const at = (name: string) => join(dir, name)

type Result = { code: number; stdout: string; stderr: string }
type Runner = (argv: readonly string[], env: Record<string, string>) => Promise<Result>

/** In process, as the other CLI tests run it. */
const inProcess: Runner = (argv, env) => runCliCaptured(argv, { env, untilStopped: async () => {} })

/** A child process and its result, exit code included; the inherited npm variables left out. */
function spawned(file: string, args: readonly string[], cwd: string, env: Record<string, string>): Promise<Result> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|INIT_CWD$|MEDCRED_)/i.test(name)))
  return new Promise((resolve) => {
    execFile(file, [...args], { cwd, env: { ...inherited, ...env }, timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr })
    })
  })
}

/** `medcred` from src/ through tsx, started in the repository. */
const fromSource: Runner = (argv, env) => spawned(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...argv], repoRoot, env)

/** `npm run medcred -- …` typed in the test's folder: npm runs it from the repository, INIT_CWD set. */
const throughNpmRun: Runner = (argv, env) => spawned('npm', ['--prefix', repoRoot, '--silent', 'run', 'medcred', '--', ...argv], dir, env)

const passphrase = { MEDCRED_PASSPHRASE: 'correct horse' }
/** What `npm run medcred` sets, for the in-process rows. */
const underNpmRun = () => ({ INIT_CWD: dir, npm_lifecycle_event: 'medcred', npm_package_name: 'medcred' })
const version = (JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version

type Row = {
  behaviour: string
  argv: () => string[]
  env?: () => Record<string, string>
  run?: Runner
  exit: 0 | 1
  /** Standard error, one pattern per line. */
  stderr: RegExp[]
  /** What else the row checks: standard output, the files. */
  check?: (stdout: string) => Promise<void> | void
}

const table: Record<string, Row[]> = {
  version: [
    { behaviour: '--version prints the version of package.json', argv: () => ['--version'], exit: 0, stderr: [], check: (stdout) => expect(stdout).toBe(`${version}\n`) },
    { behaviour: '-V too', argv: () => ['-V'], exit: 0, stderr: [], check: (stdout) => expect(stdout).toBe(`${version}\n`) },
    { behaviour: '--version from src/ through tsx', argv: () => ['--version'], run: fromSource, exit: 0, stderr: [], check: (stdout) => expect(stdout).toBe(`${version}\n`) },
  ],
  keys: [
    {
      behaviour: 'generate with MEDCRED_PASSPHRASE set encrypts by default',
      argv: () => ['keys', 'generate', '--type', 'ed25519', '--out', at('default.key')],
      env: () => passphrase,
      exit: 0,
      stderr: [],
      check: async (stdout) => {
        const text = await readFile(at('default.key'), 'utf8')
        expect(text.startsWith('{')).toBe(false)
        expect(text).not.toContain('secretKeyMultibase')
        await expectOwnerOnly(at('default.key'))
        const shown = await inProcess(['keys', 'show', at('default.key')], {})
        expect(JSON.parse(shown.stdout).publicKeyMultibase).toBe(JSON.parse(stdout).publicKeyMultibase)
      },
    },
    {
      behaviour: 'generate --unencrypted writes a plain Multikey, mode 0600',
      argv: () => ['keys', 'generate', '--type', 'bls12381g2', '--unencrypted', '--out', at('plain.key.json')],
      exit: 0,
      stderr: [],
      check: async () => {
        expect(JSON.parse(await readFile(at('plain.key.json'), 'utf8'))).toHaveProperty('secretKeyMultibase')
        await expectOwnerOnly(at('plain.key.json'))
      },
    },
    {
      behaviour: 'generate without a passphrase or --unencrypted writes nothing',
      argv: () => ['keys', 'generate', '--type', 'ed25519', '--out', at('refused.key.json')],
      exit: 1,
      stderr: [/^error: Refusing to write an unencrypted private key: set MEDCRED_PASSPHRASE .* or pass --unencrypted .*\[ERR_CLI_KEY_UNENCRYPTED\]$/],
      check: async () => expect(await exists(at('refused.key.json'))).toBe(false),
    },
    {
      behaviour: 'generate --out an existing file leaves it as it was',
      argv: () => ['keys', 'generate', '--type', 'ed25519', '--unencrypted', '--out', at('in-use.key.json')],
      exit: 1,
      stderr: [/^error: .*in-use\.key\.json exists already: .*--force .*in-use\.key\.json\.bak.*\[ERR_CLI_FILE_EXISTS\]$/],
      check: async () => {
        expect(await readFile(at('in-use.key.json'), 'utf8')).toBe('the key in use')
        expect(await exists(at('in-use.key.json.bak'))).toBe(false)
      },
    },
    {
      behaviour: 'generate --force replaces the file and keeps the old one as <file>.bak',
      argv: () => ['keys', 'generate', '--type', 'ed25519', '--force', '--out', at('rotated.key')],
      env: () => passphrase,
      exit: 0,
      stderr: [/^warning: replaced .*rotated\.key; the previous key file is kept as .*rotated\.key\.bak\.$/],
      check: async () => {
        expect(await readFile(at('rotated.key.bak'), 'utf8')).toBe('the old key')
        expect(await readFile(at('rotated.key'), 'utf8')).toMatch(/^eyJ/)
        await expectOwnerOnly(at('rotated.key'))
        expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
      },
    },
    {
      behaviour: 'generate --force to a new file: nothing to keep, no warning',
      argv: () => ['keys', 'generate', '--type', 'ed25519', '--unencrypted', '--force', '--out', at('fresh.key.json')],
      exit: 0,
      stderr: [],
      check: async () => expect(await exists(at('fresh.key.json.bak'))).toBe(false),
    },
    {
      behaviour: 'generate --force when <file>.bak exists keeps both files',
      argv: () => ['keys', 'generate', '--type', 'ed25519', '--unencrypted', '--force', '--out', at('twice.key.json')],
      exit: 1,
      stderr: [/^error: --force keeps the file it replaces as .*twice\.key\.json\.bak, which exists already: move .*twice\.key\.json\.bak away first.*\[ERR_CLI_BACKUP_EXISTS\]$/],
      check: async () => {
        expect(await readFile(at('twice.key.json'), 'utf8')).toBe('the key in use')
        expect(await readFile(at('twice.key.json.bak'), 'utf8')).toBe('an older key')
      },
    },
  ],
  issue: [
    {
      behaviour: "a credential whose issuer ({ id }) is the key's controller",
      argv: () => ['issue', '--credential', at('object-issuer.json'), '--key', at('school.key.json')],
      exit: 0,
      stderr: [],
      check: (stdout) => expect(JSON.parse(stdout).proof.cryptosuite).toBe('bbs-2023'),
    },
    {
      behaviour: "another issuer's credential: the error names both DIDs",
      argv: () => ['issue', '--credential', at('other-unsigned.json'), '--key', at('school.key.json')],
      exit: 1,
      stderr: [/^error: The credential's issuer is did:web:other-school\.example, but .*school\.key\.json is a key of did:key:z.*\[ERR_CLI_ISSUER_KEY_MISMATCH\]$/],
    },
  ],
  verify: [
    {
      behaviour: 'without --challenge: verified, with a warning that no challenge was checked',
      argv: () => ['verify', '--credential', at('open.json'), '--trust', issuer, '--now', '2025-06-01T12:00:00Z'],
      exit: 0,
      stderr: [/^warning: no challenge was checked \(--challenge\)/],
      check: (stdout) => expect(JSON.parse(stdout).verified).toBe(true),
    },
    {
      behaviour: 'with --challenge: no warning',
      argv: () => ['verify', '--credential', at('derived.json'), '--challenge', 'n-1', '--trust', issuer, '--now', '2025-06-01T12:00:00Z'],
      exit: 0,
      stderr: [],
      check: (stdout) => expect(JSON.parse(stdout).verified).toBe(true),
    },
    {
      behaviour: 'a base credential: derive it first',
      argv: () => ['verify', '--credential', at('signed.json'), '--challenge', 'n-1', '--trust', issuer, '--now', '2025-06-01T12:00:00Z'],
      exit: 1,
      stderr: [/^error: .*signed\.json is a base \(underived\) bbs-2023 credential, .*derive it first.*\[ERR_CLI_CREDENTIAL_NOT_DERIVED\]$/],
    },
  ],
  credential: [
    {
      behaviour: 'schema --type MedicalLicenseCredential: the sample input conforms',
      argv: () => ['credential', 'schema', '--type', 'MedicalLicenseCredential'],
      exit: 0,
      stderr: [],
      check: (stdout) => expectSchemaOfSamples(stdout, [sampleLicenceInput('did:example:school', 'did:example:doctor')], ['issuer', 'holder', 'validFrom', 'degree']),
    },
    {
      behaviour: 'schema --type VaccinationCertificate: the sample input conforms',
      argv: () => ['credential', 'schema', '--type', 'VaccinationCertificate'],
      exit: 0,
      stderr: [],
      check: (stdout) => expectSchemaOfSamples(stdout, [sampleVaccinationInput('did:example:clinic')], ['issuer', 'patient', 'vaccine', 'doseNumber']),
    },
  ],
  'relative paths': [
    {
      behaviour: 'under npm run medcred (INIT_CWD), from the folder it was typed in',
      argv: () => ['credential', 'new', '--type', 'MedicalLicenseCredential', '--input', 'licence-input.json', '--out', 'out/from-caller.json'],
      env: underNpmRun,
      exit: 0,
      stderr: [],
      check: async () => expect(JSON.parse(await readFile(at('out/from-caller.json'), 'utf8')).type).toContain('MedicalLicenseCredential'),
    },
    {
      behaviour: 'keys generate --out under npm run medcred: in the caller folder',
      argv: () => ['keys', 'generate', '--type', 'ed25519', '--unencrypted', '--out', 'out/caller.key.json'],
      env: underNpmRun,
      exit: 0,
      stderr: [],
      check: async () => expect(await exists(at('out/caller.key.json'))).toBe(true),
    },
    {
      behaviour: "INIT_CWD from another package's script: from the working directory",
      argv: () => ['credential', 'new', '--type', 'MedicalLicenseCredential', '--input', 'licence-input.json'],
      env: () => ({ INIT_CWD: dir, npm_lifecycle_event: 'build', npm_package_name: 'someone-else' }),
      exit: 1,
      stderr: [/^error: Cannot read licence-input\.json: no such file\. \[ERR_CLI_FILE_UNREADABLE\]$/],
    },
    {
      behaviour: 'npm run medcred typed in another folder',
      argv: () => ['credential', 'new', '--type', 'MedicalLicenseCredential', '--input', 'licence-input.json', '--out', 'out/through-npm.json'],
      run: throughNpmRun,
      exit: 0,
      stderr: [],
      check: async () => expect(await exists(at('out/through-npm.json'))).toBe(true),
    },
  ],
}

let issuer: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medcred-cli-safety-'))
  // Relative outputs go to out/, which the working directory lacks: a path resolved from the
  // wrong folder fails instead of writing into the repository.
  await mkdir(at('out'))
  const ok = async (argv: string[]) => {
    const result = await inProcess(argv, {})
    if (result.code !== 0) throw new Error(`fixture step ${argv.join(' ')} failed: ${result.stderr}`)
    return result.stdout
  }
  issuer = JSON.parse(await ok(['keys', 'generate', '--type', 'bls12381g2', '--unencrypted', '--out', at('school.key.json')])).controller as string
  await writeFile(at('licence-input.json'), JSON.stringify(sampleLicenceInput(issuer, 'did:example:doctor')))
  await writeFile(at('other-input.json'), JSON.stringify(sampleLicenceInput('did:web:other-school.example', 'did:example:doctor')))
  await ok(['credential', 'new', '--type', 'MedicalLicenseCredential', '--input', at('licence-input.json'), '--out', at('unsigned.json')])
  await ok(['credential', 'new', '--type', 'MedicalLicenseCredential', '--input', at('other-input.json'), '--out', at('other-unsigned.json')])
  const unsigned = JSON.parse(await readFile(at('unsigned.json'), 'utf8'))
  await writeFile(at('object-issuer.json'), JSON.stringify({ ...unsigned, issuer: { id: issuer } }))
  await ok(['issue', '--credential', at('unsigned.json'), '--key', at('school.key.json'), '--out', at('signed.json')])
  await ok(['derive', '--credential', at('signed.json'), '--reveal', 'credentialSubject.speciality', '--challenge', 'n-1', '--out', at('derived.json')])
  await ok(['derive', '--credential', at('signed.json'), '--reveal', 'credentialSubject.speciality', '--out', at('open.json')])
  await writeFile(at('in-use.key.json'), 'the key in use')
  await writeFile(at('rotated.key'), 'the old key')
  await writeFile(at('twice.key.json'), 'the key in use')
  await writeFile(at('twice.key.json.bak'), 'an older key')
}, 60_000)
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe.each(Object.entries(table))('medcred %s', (_, rows) => {
  it.each(rows)('behavior: $behaviour: exit $exit', { timeout: 120_000 }, async ({ argv, env, run = inProcess, exit, stderr: expected, check }) => {
    const environment = env?.() ?? {}
    const { code, stdout, stderr } = await run(argv(), environment)
    expect(code, stderr).toBe(exit)
    expect(stderr).not.toMatch(/^\s+at /m)
    for (const output of [stdout, stderr]) {
      expect(output).not.toContain('secretKeyMultibase')
      for (const secret of Object.values(passphrase)) expect(output).not.toContain(secret)
    }
    const lines = stderr.split('\n').filter((line) => line.length > 0)
    expect(lines).toHaveLength(expected.length)
    expected.forEach((pattern, index) => expect(lines[index]).toMatch(pattern))
    if (exit !== 0) expect(stdout).toBe('')
    await check?.(stdout)
  })
})

describe('docs/cli.md', () => {
  it('behavior: each complete input file it shows is valid for `credential new` and its schema', async () => {
    const docs = await readFile(join(repoRoot, 'docs/cli.md'), 'utf8')
    const builders = { MedicalLicenseCredential: createMedicalLicenseCredential, VaccinationCertificate: createVaccinationCertificate }
    for (const [type, build] of Object.entries(builders)) {
      const block = new RegExp(`<!-- input: ${type} -->\\s*\`\`\`json\\n([\\s\\S]*?)\`\`\``).exec(docs)?.[1]
      expect(block, `docs/cli.md shows a ${type} input`).toBeDefined()
      const input = JSON.parse(block!)
      expect(() => build(input)).not.toThrow()
      expect(violations(JSON.parse((await inProcess(['credential', 'schema', '--type', type], {})).stdout), input)).toEqual([])
    }
  })
})

/** The printed schema is JSON, lists `required`, accepts each sample and refuses it without a required field or with an unknown one. */
function expectSchemaOfSamples(stdout: string, samples: readonly Record<string, unknown>[], required: readonly string[]) {
  const schema = JSON.parse(stdout) as { $schema: string; required: string[] }
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
  expect(schema.required).toEqual(expect.arrayContaining([...required]))
  for (const sample of samples) {
    expect(violations(schema, sample)).toEqual([])
    const { [required[0]!]: _, ...missing } = sample
    expect(violations(schema, missing)).not.toEqual([])
    expect(violations(schema, { ...sample, nickname: 'x' })).not.toEqual([])
  }
}

type Schema = {
  type?: string
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean
  enum?: unknown[]
  const?: unknown
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  anyOf?: Schema[]
}

/**
 * What of `value` breaks `schema`: the keywords `z.toJSONSchema` writes for these models, no
 * more. No JSON Schema validator is installed, and this one is small enough to read.
 */
function violations(schema: Schema, value: unknown, path = '$'): string[] {
  const found: string[] = []
  if (schema.anyOf && schema.anyOf.every((option) => violations(option, value, path).length > 0)) found.push(`${path}: matches no anyOf`)
  if (schema.const !== undefined && value !== schema.const) found.push(`${path}: not ${JSON.stringify(schema.const)}`)
  if (schema.enum && !schema.enum.includes(value)) found.push(`${path}: not one of ${JSON.stringify(schema.enum)}`)
  if (schema.type === 'object') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [...found, `${path}: not an object`]
    const record = value as Record<string, unknown>
    for (const name of schema.required ?? []) if (!(name in record)) found.push(`${path}.${name}: missing`)
    for (const [name, field] of Object.entries(record)) {
      const property = schema.properties?.[name]
      if (property) found.push(...violations(property, field, `${path}.${name}`))
      else if (schema.additionalProperties === false) found.push(`${path}.${name}: not allowed`)
    }
  }
  if (schema.type === 'string') {
    if (typeof value !== 'string') return [...found, `${path}: not a string`]
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) found.push(`${path}: does not match ${schema.pattern}`)
    if (schema.minLength !== undefined && value.length < schema.minLength) found.push(`${path}: too short`)
    if (schema.maxLength !== undefined && value.length > schema.maxLength) found.push(`${path}: too long`)
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    if (typeof value !== 'number') return [...found, `${path}: not a number`]
    if (schema.minimum !== undefined && value < schema.minimum) found.push(`${path}: below ${schema.minimum}`)
    if (schema.maximum !== undefined && value > schema.maximum) found.push(`${path}: above ${schema.maximum}`)
  }
  return found
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

async function expectOwnerOnly(path: string): Promise<void> {
  expect((await stat(path)).mode & 0o777).toBe(0o600)
}
