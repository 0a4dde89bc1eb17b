/**
 * Exact riscv64 instruction counts of the machine: the verifier bundle on Debian's riscv64 Node
 * under qemu-user, with the counting plugin (scripts/riscv64/countInstructions.c).
 *
 * - Inputs: the bundle runs as in the machine (the Dockerfile's Node flags, the HTTP transport,
 *   resumed from a state where the school is accredited). The rollup HTTP server reads the
 *   counter each time the machine asks for its next request, while the machine waits on it, so
 *   the difference between two reads is one input's whole cost. The first read is the first
 *   yield, where Cartesi takes its snapshot: the first input is counted from there.
 * - Verification alone: bench/machine/verifyInMachine.ts, built the same way, counts each
 *   verifyCredential call of a derived licence from inside, plain or with a pseudonym.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createParties, documentLoader, now, sampleLicence } from '#test/credentials.js'
import { exited, readInstructionCount, spawnRiscv64Node } from '#test/riscv64.js'
import { accreditAction, addresses, createScenario, licenceReveal, metadataAt, nonce, presentFor, submit } from '#test/verifierScenario.js'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import { createHolderCommitment } from '../../src/holderBinding/createHolderCommitment.js'
import { generateHolderSecret } from '../../src/holderBinding/generateHolderSecret.js'
import { deriveCredential } from '../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../src/suites/bbs-2023/issueCredential.js'
import { buildVerifier, machineNodeFlags } from '../../verifier/build.js'
import { createVerifier } from '../../verifier/src/createVerifier.js'
import { createRollupHttpServer } from '../../verifier/src/host/createRollupHttpServer.js'

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

/** Instructions of the first licence presentation after start and the median of the next ones. */
export async function countInputInstructions(options: { presentations?: number } = {}): Promise<{ first: number; warm: number; all: number[] }> {
  const presentations = options.presentations ?? 8
  const dir = mkdtempSync(join(tmpdir(), 'medcred-riscv64-inputs-'))
  try {
    const scenario = await createScenario()
    const state = await createVerifier({ rootAuthorities: [addresses.rootAuthority] })
    await state.advance({ metadata: metadataAt(0, addresses.rootAuthority), payload: encodeInput(accreditAction(scenario.parties.school, addresses.schoolController)) })
    const database = join(dir, 'state.sqlite')
    writeFileSync(database, state.exportDatabase())
    state.close()
    const inputs = await Promise.all(
      Array.from({ length: presentations }, async (_, i) => submit(await presentFor(scenario.licence, licenceReveal, { sender: addresses.doctor, nonce: nonce(i + 1) }), i + 1)),
    )

    const { outfile } = await buildVerifier({ outfile: join(dir, 'medcred-verifier.mjs') })
    const counter = join(dir, 'instructions')
    const reads: number[] = []
    // The machine only waits on the server: no idle answers (202) that would cost it instructions.
    const server = await createRollupHttpServer({ idleMilliseconds: 3_600_000, onFinish: () => reads.push(readInstructionCount(counter)) })
    const machine = spawnRiscv64Node([...machineNodeFlags, outfile], {
      env: { ...process.env, ROLLUP_HTTP_SERVER_URL: server.url, MEDCRED_ROOT_AUTHORITIES: addresses.rootAuthority, MEDCRED_DATABASE: database },
      countInstructionsInto: counter,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const done = exited(machine)
    try {
      for (const [i, payload] of inputs.entries()) {
        const result = await Promise.race([server.advance(metadataAt(i + 1, addresses.doctor), payload), done.then(({ stderr }) => Promise.reject(new Error(`the riscv64 machine stopped: ${stderr}`)))])
        if (result.status !== 'accept') throw new Error(`input ${i + 1} was rejected: ${result.reports.map((r) => JSON.stringify(decodeReport(r)))}`)
      }
    } finally {
      machine.kill()
      await server.close()
      await done
    }
    const perInput = reads.slice(1).map((read, i) => read - (reads[i] as number))
    return { first: perInput[0] as number, warm: median(perInput.slice(1)), all: perInput }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Instructions of one in-process verifyCredential of a derived licence, warm (median of the later runs). */
export async function countVerifyInstructions(options: { runs?: number; pseudonym?: boolean } = {}): Promise<{ warm: number; all: number[] }> {
  const runs = options.runs ?? 8
  // With `pseudonym`: the licence issued over a holder's commitment and derived with a pseudonym for one context.
  const pseudonymContext = options.pseudonym ? 'medcred:v1:deal-pseudonym:31337:0x0000000000000000000000000000000000000001:1' : undefined
  const dir = mkdtempSync(join(tmpdir(), 'medcred-riscv64-verify-'))
  try {
    const { school, doctor } = await createParties()
    const presentationHeader = 'hospital-challenge-7d3e'
    const secret = generateHolderSecret()
    const { commitment, secretProverBlind } = createHolderCommitment({ secret, featureOption: 'pseudonym' })
    const credential = await deriveCredential({
      credential: await issueCredential({ credential: sampleLicence(school.controller, doctor.controller), issuerKey: school, documentLoader, ...(pseudonymContext ? { holderCommitment: commitment } : {}) }),
      reveal: licenceReveal,
      presentationHeader,
      documentLoader,
      ...(pseudonymContext ? { holder: { secret, secretProverBlind }, pseudonymContext } : {}),
    })
    const benchCase = join(dir, 'case.json')
    writeFileSync(benchCase, JSON.stringify({ credential, trustedIssuer: school.controller, now: now.toISOString(), presentationHeader, runs, pseudonymContext }))
    const { outfile } = await buildVerifier({ outfile: join(dir, 'verify.mjs'), entry: fileURLToPath(new URL('verifyInMachine.ts', import.meta.url)) })
    const counter = join(dir, 'instructions')
    const { code, stdout, stderr } = await exited(
      spawnRiscv64Node([...machineNodeFlags, outfile], { env: { ...process.env, MEDCRED_BENCH_CASE: benchCase, MEDCRED_BENCH_COUNTER: counter }, countInstructionsInto: counter, stdio: ['ignore', 'pipe', 'pipe'] }),
    )
    if (code !== 0) throw new Error(`the riscv64 verification failed (${code}): ${stderr}`)
    const all = (JSON.parse(stdout.trim().split('\n').at(-1) as string) as { counts: string[] }).counts.map(Number)
    // The first runs compile; the figure is what a long-running verifier pays.
    return { warm: median(all.slice(Math.floor(runs / 2))), all }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
