/**
 * What the Cartesi verifier's bounds leave an input able to cost: the most expensive input it
 * still accepts and the most expensive it rejects, in exact riscv64 instructions (the machine
 * bundle on Debian's riscv64 Node under qemu-user, counted by the qemu plugin, as in
 * riscv64Instructions.ts), plus every hostile shape of test/verifier/hostileCredentials.ts.
 *
 * - Each case runs in a machine of its own, resumed from a state where the school is
 *   accredited, after one ordinary licence presentation: a rejected input reverts the whole
 *   Cartesi machine, caches included, so no case may profit from another's work (BBS
 *   generators are computed once per process and kept).
 * - The largest accepted input is a real licence within every bound of
 *   verifySubmittedCredential's machineInputLimits (statements, BBS messages), signed by the
 *   accredited school; the most expensive rejected ones pass every count and fail only at the
 *   proof (a tampered proof, as costly as a good one) or at canonicalisation's work bound.
 *
 * `countHostileInputInstructions()` returns one record per case (JSON lines for the bench) and
 * the two extremes; `measureHostileInputsOnHost()` runs the same cases in-process on the host
 * and reports CPU time, for a quick look without qemu.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Hex, size } from 'viem'
import { documentLoader } from '#test/credentials.js'
import { readMattrFixture } from '#test/mattr-bbs-2020/fixtures.js'
import { exited, readInstructionCount, spawnRiscv64Node } from '#test/riscv64.js'
import { accreditAction, addresses, createScenario, licenceReveal, metadataAt, nonce, presentFor, type Scenario, submit } from '#test/verifierScenario.js'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { maxInputBytes } from '../../src/cartesi/protocol.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import { issueCredential } from '../../src/suites/bbs-2023/issueCredential.js'
import { countStatements, expandDocument } from '../../src/suites/inputBounds/statementCounts.js'
import { proofSuiteOf } from '../../src/suites/registry.js'
import { buildHostile, growHostile, type HostileBase, type HostileShape, hostileShapes, rewriteProofValue } from '../../test/verifier/hostileCredentials.js'
import { buildVerifier, machineNodeFlags } from '../../verifier/build.js'
import { createVerifier } from '../../verifier/src/createVerifier.js'
import { createRollupHttpServer } from '../../verifier/src/host/createRollupHttpServer.js'
import { machineInputLimits } from '../../verifier/src/verification/verifySubmittedCredential.js'

/** One input the bench sends, after one ordinary presentation, to a fresh machine. */
export type HostileInputCase = { name: string; expected: 'accept' | 'reject'; payload: Hex }

/** What one case cost and how the verifier answered. */
export type HostileInputReading = { case: string; status: 'accept' | 'reject'; code: string | undefined; instructions: number }

/** The nonce of the ordinary presentation each machine gets first; cases use the next. */
const warmNonce = 1
const caseNonce = 2

/** A licence that reveals `revealed` IRIs (BBS messages) and carries `mandatory` more (statements, not messages). */
function largeLicence(scenario: Scenario, mandatory: number, revealed: number): Record<string, unknown> {
  const licence = structuredClone(scenario.licence) as unknown as Record<string, unknown>
  const { proof: _proof, ...unsigned } = licence
  return {
    ...unsigned,
    [mandatoryProperty]: Array.from({ length: mandatory }, (_, i) => `m${i}`),
    [revealedProperty]: Array.from({ length: revealed }, (_, i) => `r${i}`),
  }
}

/** Properties of the largest licence, as full IRIs (no context needed), and as JSON pointers. */
const mandatoryProperty = 'https://medcred.example/bench#mandatory'
const revealedProperty = 'https://medcred.example/bench#revealed'
const pointerTo = (property: string) => `/${property.replaceAll('~', '~0').replaceAll('/', '~1')}`

/**
 * The largest licence the machine accepts: as many statements and BBS messages as
 * machineInputLimits allow (checked here, so the case stays the largest as the limits move).
 */
async function largestAcceptedLicence(scenario: Scenario): Promise<string> {
  const { maxStatements, maxMessages } = machineInputLimits
  // The licence itself has ~30 statements, ~20 of them BBS messages (its non-mandatory ones).
  let revealed = maxMessages - 24
  let mandatory = maxStatements - revealed - 36
  for (;;) {
    const signed = await issueCredential({ credential: largeLicence(scenario, mandatory, revealed), issuerKey: scenario.parties.school, documentLoader, mandatory: [pointerTo(mandatoryProperty)] })
    const text = await presentFor(signed, [...licenceReveal, pointerTo(revealedProperty)], { sender: addresses.doctor, nonce: nonce(caseNonce) })
    const derived = JSON.parse(text) as Record<string, unknown>
    const { statements } = countStatements(await expandDocument(derived, documentLoader))
    const messages = proofSuiteOf(derived.proof as Record<string, unknown>)!.countMessages(derived.proof as Record<string, unknown>, statements)
    if (statements <= maxStatements && messages <= maxMessages && size(submit(text, caseNonce)) <= maxInputBytes) return text
    if (messages > maxMessages) revealed -= messages - maxMessages
    if (statements > maxStatements) mandatory -= statements - maxStatements
  }
}

/** The same credential with its BBS challenge changed: every check runs, the last one fails. */
function tamperProof(text: string): string {
  const credential = JSON.parse(text) as Record<string, unknown>
  return JSON.stringify({ ...credential, proof: { ...(credential.proof as Record<string, unknown>), proofValue: rewriteProofValue(credential, { tamper: true }) } })
}

/** The school's state, the ordinary presentation every machine gets first, and the cases. */
export async function createHostileInputCases(): Promise<{ database: Uint8Array; warm: Hex; cases: HostileInputCase[] }> {
  const scenario = await createScenario()
  const state = await createVerifier({ rootAuthorities: [addresses.rootAuthority] })
  const accredited = await state.advance({ metadata: metadataAt(0, addresses.rootAuthority), payload: encodeInput(accreditAction(scenario.parties.school, addresses.schoolController)) })
  if (accredited.status !== 'accept') throw new Error('the school could not be accredited')
  const database = state.exportDatabase()
  state.close()
  const present = async (n: number) => presentFor(scenario.licence, licenceReveal, { sender: addresses.doctor, nonce: nonce(n) })
  const warm = submit(await present(warmNonce), warmNonce)
  const derived = JSON.parse(await present(caseNonce)) as Record<string, unknown>
  const legacy = readMattrFixture('signed-licence').credential as unknown as Record<string, unknown>
  const base: HostileBase = { derived, legacy }
  const fits = (text: string) => size(submit(text, caseNonce)) <= maxInputBytes
  const largest = await largestAcceptedLicence(scenario)
  const cases: HostileInputCase[] = [
    { name: 'an ordinary licence', expected: 'accept', payload: submit(JSON.stringify(derived), caseNonce) },
    { name: 'the largest accepted licence', expected: 'accept', payload: submit(largest, caseNonce) },
    { name: 'the largest licence, its proof tampered', expected: 'reject', payload: submit(tamperProof(largest), caseNonce) },
    {
      name: 'blank nodes at the canonicalisation work bound',
      expected: 'reject',
      payload: submit(JSON.stringify({ ...derived, evidence: [0, 1].map(() => ({ 'https://hostile.example/p': Array.from({ length: 60 }, () => ({})) })) }), caseNonce),
    },
    ...hostileShapes.map((shape): HostileInputCase => ({ name: `${shape}, largest input`, expected: 'reject', payload: submit(growHostile(shape, base, fits).text, caseNonce) })),
    ...(
      [
        ['blankNodes', 120],
        ['statements', 480],
        ['messages', machineInputLimits.maxMessages - 24],
        ['deepReferences', 30],
        ['scopedContexts', 28],
      ] as [HostileShape, number][]
    ).map(([shape, units]): HostileInputCase => ({ name: `${shape} x${units}`, expected: 'reject', payload: submit(buildHostile(shape, base, units), caseNonce) })),
  ]
  return { database, warm, cases }
}

/**
 * Every case's riscv64 instructions, each in its own machine after one ordinary presentation;
 * and the most expensive accepted and rejected ones.
 */
export async function countHostileInputInstructions(options: { only?: (name: string) => boolean } = {}): Promise<{
  readings: HostileInputReading[]
  mostExpensiveAccepted: HostileInputReading
  mostExpensiveRejected: HostileInputReading
}> {
  const dir = mkdtempSync(join(tmpdir(), 'medcred-riscv64-hostile-'))
  try {
    const { database, warm, cases } = await createHostileInputCases()
    const state = join(dir, 'state.sqlite')
    writeFileSync(state, database)
    const { outfile } = await buildVerifier({ outfile: join(dir, 'medcred-verifier.mjs') })
    const readings: HostileInputReading[] = []
    for (const hostile of cases.filter((c) => options.only?.(c.name) ?? true)) {
      const counter = join(dir, 'instructions')
      const reads: number[] = []
      const server = await createRollupHttpServer({ idleMilliseconds: 3_600_000, onFinish: () => reads.push(readInstructionCount(counter)) })
      const machine = spawnRiscv64Node([...machineNodeFlags, outfile], {
        env: { ...process.env, ROLLUP_HTTP_SERVER_URL: server.url, MEDCRED_ROOT_AUTHORITIES: addresses.rootAuthority, MEDCRED_DATABASE: state },
        countInstructionsInto: counter,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      const done = exited(machine)
      const stopped = done.then(({ stderr }) => Promise.reject(new Error(`the riscv64 machine stopped: ${stderr}`)))
      try {
        const first = await Promise.race([server.advance(metadataAt(1, addresses.doctor), warm), stopped])
        if (first.status !== 'accept') throw new Error(`the ordinary presentation was rejected: ${first.reports.map((r) => JSON.stringify(decodeReport(r)))}`)
        const result = await Promise.race([server.advance(metadataAt(2, addresses.doctor), hostile.payload), stopped])
        const report = decodeReport(result.reports[0] as Hex) as { code?: string }
        if (result.status !== hostile.expected) throw new Error(`${hostile.name}: ${result.status}, not ${hostile.expected} (${JSON.stringify(report)})`)
        // reads: the first yield, after the ordinary presentation, after the case.
        readings.push({ case: hostile.name, status: result.status, code: report.code, instructions: (reads.at(-1) as number) - (reads.at(-2) as number) })
      } finally {
        machine.kill()
        await server.close()
        await done
      }
    }
    const most = (status: 'accept' | 'reject') =>
      readings.filter((reading) => reading.status === status).reduce((a, b) => (b.instructions > a.instructions ? b : a))
    return { readings, mostExpensiveAccepted: most('accept'), mostExpensiveRejected: most('reject') }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The same cases in-process on this host, each on a fresh verifier after one ordinary
 * presentation: CPU milliseconds. One process keeps its BBS generators across cases: run one
 * case per process (`only`) for a figure a fresh machine would see.
 */
export async function measureHostileInputsOnHost(options: { only?: (name: string) => boolean } = {}): Promise<{ case: string; status: string; code: string | undefined; cpuMilliseconds: number }[]> {
  const { database, warm, cases } = await createHostileInputCases()
  const readings = []
  for (const hostile of cases.filter((c) => options.only?.(c.name) ?? true)) {
    const verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority], database })
    await verifier.advance({ metadata: metadataAt(1, addresses.doctor), payload: warm })
    const before = process.cpuUsage()
    const result = await verifier.advance({ metadata: metadataAt(2, addresses.doctor), payload: hostile.payload })
    const used = process.cpuUsage(before)
    verifier.close()
    readings.push({ case: hostile.name, status: result.status, code: (decodeReport(result.reports[0] as Hex) as { code?: string }).code, cpuMilliseconds: Math.round((used.user + used.system) / 1000) })
  }
  return readings
}
