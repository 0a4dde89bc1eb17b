/**
 * The Cartesi verifier at scale. Three steps, so the last one's peak RSS is the verifier's own:
 *
 *   prepare <file>  (child process) builds the state through real inputs: 10,000 issuers
 *                   accredited, 1,000,000 status entries set 1,000 per input; adds 10,000
 *                   verdict rows directly (10,000 real BBS verifications would take most of an
 *                   hour; a row is the same however it got there); writes the database.
 *   measure         the machine bundle (verifier/dist) runs as it would in the machine, in HTTP
 *                   mode, resumed from that database; this process feeds it real presentations
 *                   and status updates through a rollup HTTP server and reads its peak RSS
 *                   (VmHWM) before stopping it.
 *
 *   npx tsx bench/verifier/verifierAtScale.ts   prints one JSON object
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { bytesToHex, getAddress, type Hex, hexToBytes, keccak256, numberToHex, padHex } from 'viem'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import type { StatusEntry } from '../../src/cartesi/types.js'
import { encodeInspectQuery } from '../../src/cartesi/inspectQuery.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import { spawnRiscv64Node } from '#test/riscv64.js'
import { buildVerifier, machineNodeFlags } from '../../verifier/build.js'
import { createVerifier, type Verifier } from '../../verifier/src/createVerifier.js'
import { createRollupHttpServer } from '../../verifier/src/host/createRollupHttpServer.js'
import { openDatabase } from '../../verifier/src/database/openDatabase.js'
import { executeMany } from '../../verifier/src/database/query.js'
import { accreditAction, addresses, createScenario, licenceReveal, metadataAt, nonce, presentFor, revocationList, submit } from '../../test/fixtures/verifierScenario.js'

export const scale = {
  issuers: Number(process.env.BENCH_ISSUERS ?? 10_000),
  statusEntries: Number(process.env.BENCH_STATUS_ENTRIES ?? 1_000_000),
  verdicts: Number(process.env.BENCH_VERDICTS ?? 10_000),
}
const entriesPerInput = 1_000
const [mode, file] = process.argv.slice(2)

function statusInput(school: string, first: number, statusList = revocationList): Hex {
  const entries: StatusEntry[] = Array.from({ length: entriesPerInput }, (_, k) => ({ index: first + k, status: k % 3 === 0 ? 'suspended' : 'revoked' }))
  return encodeInput({ action: 'setCredentialStatus', did: school, statusList, entries })
}

/** Feeds inputs in-process; returns the seconds it took. */
async function feed(verifier: Verifier, start: number, inputs: { payload: Hex; sender: `0x${string}` }[]): Promise<number> {
  const began = performance.now()
  for (const [i, { payload, sender }] of inputs.entries()) {
    const result = await verifier.advance({ metadata: metadataAt(start + i, sender), payload })
    if (result.status !== 'accept') throw new Error(`input ${start + i} was rejected: ${result.reports.map(decodeReport).map((r) => JSON.stringify(r))}`)
  }
  return (performance.now() - began) / 1000
}

if (mode === 'prepare' && file) {
  const school = JSON.parse(process.env.BENCH_SCHOOL as string)
  const verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority] })
  const key = bytesToHex(bls12_381.G2.Point.BASE.multiply(7n).toBytes(true))
  const inputs = [{ payload: encodeInput(accreditAction(school, addresses.schoolController)), sender: addresses.rootAuthority }]
  for (let i = 0; i < scale.issuers; i++) {
    const did = `did:web:issuer-${i}.example`
    inputs.push({
      sender: addresses.rootAuthority,
      payload: encodeInput({
        action: 'accreditIssuer',
        did,
        controller: getAddress(padHex(numberToHex(i + 1), { size: 20 })),
        credentialTypes: ['MedicalLicenseCredential', 'VaccinationCertificate'],
        keys: [{ id: `${did}#bbs-1`, publicKey: key }],
        statusLists: [`https://issuer-${i}.example/status/1`],
      }),
    })
  }
  await feed(verifier, 0, inputs)
  const statusInputs = Array.from({ length: scale.statusEntries / entriesPerInput }, (_, n) => ({ payload: statusInput(school.controller, 1_000 + n * entriesPerInput), sender: addresses.schoolController }))
  const statusSeconds = await feed(verifier, inputs.length, statusInputs)
  const database = await openDatabase(verifier.exportDatabase())
  verifier.close()
  executeMany(
    database,
    `INSERT INTO verdicts (presentation_hash, input_index, sender, issuer_id, credential_type, verdict, block_timestamp, disclosed_claims_hash)
     VALUES (?, ?, ?, 1, 'MedicalLicenseCredential', 1, ?, ?)`,
    Array.from({ length: scale.verdicts }, (_, i) => [
      hexToBytes(keccak256(numberToHex(i))),
      1_000_000 + i,
      hexToBytes(addresses.doctor),
      1_748_779_200 + i,
      hexToBytes(keccak256(numberToHex(scale.verdicts + i))),
    ]),
  )
  writeFileSync(file, database.export())
  console.log(JSON.stringify({ statusInputsPerSecond: statusInputs.length / statusSeconds }))
} else if (mode === undefined) {
  // Driver: makes the credentials, runs both steps, prints the figures.
  const scenario = await createScenario()
  const presentations = await Promise.all(
    Array.from({ length: 12 }, async (_, i) => ({ n: i + 1, presentation: await presentFor(scenario.licence, licenceReveal, { sender: addresses.doctor, nonce: nonce(i + 1) }) })),
  )
  const dir = mkdtempSync(join(tmpdir(), 'medcred-scale-'))
  const state = join(dir, 'state.sqlite')
  const prepared = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'prepare', state], {
      env: { ...process.env, BENCH_SCHOOL: JSON.stringify(scenario.parties.school) },
      encoding: 'utf8',
    }).trim().split('\n').at(-1) as string,
  )
  const { outfile } = await buildVerifier()
  // As the machine runs it: the Dockerfile's node flags.
  const server = await createRollupHttpServer({ idleMilliseconds: 100 })
  const flags = process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? machineNodeFlags
  const machineOptions = {
    env: { ...process.env, ROLLUP_HTTP_SERVER_URL: server.url, MEDCRED_ROOT_AUTHORITIES: addresses.rootAuthority, MEDCRED_DATABASE: state },
    stdio: 'ignore' as const,
  }
  // BENCH_MACHINE_ARCH=riscv64: on Debian's riscv64 Node under qemu-user (test/fixtures/riscv64.ts).
  const machine = process.env.BENCH_MACHINE_ARCH === 'riscv64' ? spawnRiscv64Node([...flags, outfile], machineOptions) : spawn(process.execPath, [...flags, outfile], machineOptions)
  // Under qemu-user this is the emulator's process: the guest's memory and the translator's
  // (its code cache, about a third at this scale), an upper bound on the machine's own.
  const peakMiB = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${machine.pid}/status`, 'utf8'))?.[1]) / 1024
  try {
    // The machine is up and has loaded its state once it answers a query.
    await server.inspect(encodeInspectQuery({ query: 'counts' }))
    const peakAfterStartMiB = peakMiB()
    let index = 2_000_000
    const timed = async (inputs: { payload: Hex; sender: `0x${string}` }[]) => {
      const began = performance.now()
      for (const { payload, sender } of inputs) {
        const result = await server.advance(metadataAt(index++, sender), payload)
        if (result.status !== 'accept') throw new Error(`rejected: ${result.reports.map(decodeReport).map((r) => JSON.stringify(r))}`)
      }
      return inputs.length / ((performance.now() - began) / 1000)
    }
    const verifyInputsPerSecond = await timed(presentations.map(({ presentation, n }) => ({ payload: submit(presentation, n), sender: addresses.doctor })))
    const peakAfterVerifyMiB = peakMiB()
    const statusInputsPerSecond = await timed(
      Array.from({ length: 50 }, (_, n) => ({ payload: statusInput(scenario.parties.school.controller, 5_000_000 + n * entriesPerInput, 'https://school.example/status/second'), sender: addresses.schoolController })),
    )
    console.log(
      JSON.stringify({
        ...scale,
        databaseMiB: statSync(state).size / 1024 / 1024,
        peakRssMiB: peakMiB(),
        peakAfterStartMiB,
        peakAfterVerifyMiB,
        verifyInputsPerSecond,
        statusInputsPerSecond,
        preparedStatusInputsPerSecond: prepared.statusInputsPerSecond,
      }),
    )
  } finally {
    machine.kill()
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
