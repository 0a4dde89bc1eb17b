/**
 * The machine bundle (verifier/dist, the Dockerfile's Node flags) starts on Debian's riscv64
 * Node under qemu-user with each transport: the rollup HTTP API, fed by a rollup HTTP server on
 * the host, gives the outputs and reports of the same inputs on x86; libcmt's riscv64 prebuild
 * loads and then finds no cmio device, as outside any Cartesi machine.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hex } from 'viem'
import { exited, prepareRiscv64, spawnRiscv64Node } from '#test/riscv64.js'
import { accreditAction, addresses, createScenario, licenceReveal, metadataAt, nonce, presentFor, submit, vaccinationReveal } from '#test/verifierScenario.js'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { encodeInspectQuery } from '../../src/cartesi/inspectQuery.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import { buildVerifier, machineNodeFlags } from '../../verifier/build.js'
import { createVerifier } from '../../verifier/src/createVerifier.js'
import { createRollupHttpServer } from '../../verifier/src/host/createRollupHttpServer.js'

const unavailable = prepareRiscv64()
let dir: string
let bundle: string

beforeAll(async () => {
  if (unavailable) return
  dir = mkdtempSync(join(tmpdir(), 'medcred-riscv64-transports-'))
  // Next to the repository's node_modules, where the one external, @cartesi/rollup, resolves.
  bundle = (await buildVerifier()).outfile
}, 600_000)
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe.skipIf(unavailable !== undefined)(`riscv64 transports${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('HTTP: the rollup HTTP API drives the riscv64 machine to the outputs and reports x86 gives', async () => {
    const scenario = await createScenario()
    const presentation = await presentFor(scenario.licence, licenceReveal, { sender: addresses.doctor, nonce: nonce(1) })
    const inputs: [Hex, `0x${string}`][] = [
      [encodeInput(accreditAction(scenario.parties.school, addresses.schoolController)), addresses.rootAuthority],
      [submit(presentation, 1), addresses.doctor],
      [submit(await presentFor(scenario.vaccination, vaccinationReveal, { sender: addresses.patient, nonce: nonce(2) }), 2), addresses.patient],
      [submit(presentation, 1), addresses.doctor],
      ['0x1234', addresses.stranger],
    ]
    const x86 = await createVerifier({ rootAuthorities: [addresses.rootAuthority] })
    const expected = []
    for (const [i, [payload, sender]] of inputs.entries()) expected.push(await x86.advance({ metadata: metadataAt(i, sender), payload }))
    const expectedCounts = (await x86.inspect(encodeInspectQuery({ query: 'counts' }))).reports

    const server = await createRollupHttpServer({ idleMilliseconds: 3_600_000 })
    const machine = spawnRiscv64Node([...machineNodeFlags, bundle], {
      env: { ...process.env, ROLLUP_HTTP_SERVER_URL: server.url, MEDCRED_ROOT_AUTHORITIES: addresses.rootAuthority },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const done = exited(machine)
    const stopped = done.then(({ code, stderr }) => Promise.reject(new Error(`the riscv64 machine stopped (${code}): ${stderr}`)))
    try {
      for (const [i, [payload, sender]] of inputs.entries()) {
        const got = await Promise.race([server.advance(metadataAt(i, sender), payload), stopped])
        expect(got).toEqual(expected[i])
      }
      const counts = await Promise.race([server.inspect(encodeInspectQuery({ query: 'counts' })), stopped])
      expect(counts.reports).toEqual(expectedCounts)
      expect(counts.reports.map(decodeReport)).toEqual([{ ok: true, result: { counts: expect.objectContaining({ accreditedIssuers: 1, verdicts: 2 }) } }])
    } finally {
      machine.kill()
      await server.close()
    }
    const { stdout } = await done
    expect(stdout).toContain(`transport HTTP ${server.url}`)
    expect(expected.map((r) => r.status)).toEqual(['accept', 'accept', 'accept', 'reject', 'reject'])
  })

  it('libcmt: the riscv64 prebuild of @cartesi/rollup loads, then finds no cmio device outside a machine', async () => {
    const run = await exited(
      spawnRiscv64Node([...machineNodeFlags, bundle], {
        cwd: dir,
        env: { ...process.env, ROLLUP_HTTP_SERVER_URL: '', MEDCRED_ROOT_AUTHORITIES: addresses.rootAuthority },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    )
    expect(run.stdout).toContain('transport libcmt')
    // The message comes from inside the native addon (cmt_rollup_init): the binding loaded and
    // ran on riscv64; only the device, which exists inside a Cartesi machine, is missing.
    expect(run.stderr).toContain('cmt_rollup_init failed: No such file or directory')
    expect(run.code).toBe(1)
  })
})
