/**
 * Replaying the same inputs gives the same state and outputs, byte for byte: what Cartesi's
 * fraud proofs rely on. 200 mixed inputs (#test/determinismInputs) go through two fresh
 * verifiers; test/riscv64/determinism.test.ts compares riscv64 with x86 on the same inputs.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { buildInputs, type Input } from '#test/determinismInputs.js'
import { addresses, createScenario } from '#test/verifierScenario.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import { createVerifier } from '../../verifier/src/createVerifier.js'

async function replay(inputs: Input[]) {
  const verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority] })
  const results = []
  for (const input of inputs) results.push(await verifier.advance(input))
  return { results, database: verifier.exportDatabase() }
}

let inputs: Input[]

beforeAll(async () => {
  inputs = await buildInputs(await createScenario(), 200)
}, 300_000)

describe('determinism', () => {
  it('two fresh verifiers fed the same 200 inputs end byte-identical', async () => {
    const first = await replay(inputs)
    const second = await replay(inputs)
    expect(Buffer.from(first.database).equals(Buffer.from(second.database))).toBe(true)
    expect(second.results).toEqual(first.results)
    // The mix really is mixed: accepted and rejected, notices and reports of several kinds.
    const statuses = first.results.map((r) => r.status)
    expect(statuses.filter((s) => s === 'accept').length).toBeGreaterThan(60)
    expect(statuses.filter((s) => s === 'reject').length).toBeGreaterThan(60)
    // 20 licences and 20 vaccinations verify; the revocable licence does whenever index 7 is active.
    expect(first.results.flatMap((r) => r.outputs).length).toBeGreaterThanOrEqual(40)
    const codes = new Set(first.results.flatMap((r) => r.reports.map(decodeReport)).map((r) => (r.ok ? 'ok' : r.code)))
    expect(codes).toEqual(
      new Set(['ok', 'ERR_CARTESI_INPUT_MALFORMED', 'ERR_VERIFIER_NOT_ROOT_AUTHORITY', 'ERR_VERIFIER_NONCE_USED', 'ERR_VERIFY_PROOF_INVALID', 'ERR_VERIFIER_NOT_CONTROLLER', 'ERR_VERIFY_REVOKED']),
    )
  }, 300_000)
})
