/**
 * riscv64 and x86 agree byte for byte: the 200 mixed inputs of the determinism run
 * (#test/determinismInputs) replayed by the machine build (replayInMachine.ts, built like the
 * verifier, run with the Dockerfile's Node flags) on Debian's riscv64 Node under qemu-user and
 * on this machine's x86 Node give the same state, outputs and reports.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildInputs } from '#test/determinismInputs.js'
import { exited, prepareRiscv64, spawnRiscv64Node } from '#test/riscv64.js'
import { addresses, createScenario } from '#test/verifierScenario.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import { buildVerifier, machineNodeFlags } from '../../verifier/build.js'

const unavailable = prepareRiscv64()
let dir: string
let harness: string
let inputsFile: string

beforeAll(async () => {
  if (unavailable) return
  dir = mkdtempSync(join(tmpdir(), 'medcred-riscv64-determinism-'))
  inputsFile = join(dir, 'inputs.json')
  const inputs = await buildInputs(await createScenario(), 200)
  writeFileSync(inputsFile, JSON.stringify(inputs, (_, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)))
  harness = (await buildVerifier({ outfile: join(dir, 'replay.mjs'), entry: fileURLToPath(new URL('replayInMachine.ts', import.meta.url)) })).outfile
}, 600_000)
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

function environment(out: string) {
  mkdirSync(out)
  return { ...process.env, MEDCRED_REPLAY_INPUTS: inputsFile, MEDCRED_REPLAY_OUT: out, MEDCRED_ROOT_AUTHORITIES: addresses.rootAuthority }
}

const read = (out: string) => ({ results: readFileSync(join(out, 'results.json')), state: readFileSync(join(out, 'state.sqlite')) })

describe.skipIf(unavailable !== undefined)(`riscv64 determinism${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('200 inputs give byte-identical state, outputs and reports on riscv64 and on x86', async () => {
    const x86 = join(dir, 'x86')
    const riscv64 = join(dir, 'riscv64')
    await promisify(execFile)(process.execPath, [...machineNodeFlags, harness], { env: environment(x86) })
    const run = await exited(spawnRiscv64Node([...machineNodeFlags, harness], { env: environment(riscv64), stdio: ['ignore', 'pipe', 'pipe'] }))
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)

    const onX86 = read(x86)
    const onRiscv64 = read(riscv64)
    expect(onRiscv64.state.equals(onX86.state)).toBe(true)
    expect(onRiscv64.results.toString('utf8')).toBe(onX86.results.toString('utf8'))

    // The run is the mixed one: verdicts and rejections of several kinds, not 200 refusals.
    const results = JSON.parse(onRiscv64.results.toString('utf8')) as { status: string; outputs: unknown[]; reports: `0x${string}`[] }[]
    expect(results).toHaveLength(200)
    expect(results.flatMap((r) => r.outputs).length).toBeGreaterThanOrEqual(40)
    const codes = new Set(results.flatMap((r) => r.reports.map(decodeReport)).map((r) => (r.ok ? 'ok' : r.code)))
    expect(codes).toEqual(
      new Set(['ok', 'ERR_CARTESI_INPUT_MALFORMED', 'ERR_VERIFIER_NOT_ROOT_AUTHORITY', 'ERR_VERIFIER_NONCE_USED', 'ERR_VERIFY_PROOF_INVALID', 'ERR_VERIFIER_NOT_CONTROLLER', 'ERR_VERIFY_REVOKED']),
    )
  }, 1_800_000)
})
