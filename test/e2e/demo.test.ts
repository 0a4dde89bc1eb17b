/**
 * The README's main job as a test, on the real local chain and contracts: every step of the
 * story, the L1 validation of a verdict notice, a notice with a wrong proof refused on L1, and
 * the dev node's claimed outputs root equal to the one libcmt's mock computes for the same
 * inputs through the machine bundle.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bytesToHex, type Hex, hexToBytes, keccak256 } from 'viem'
import { type DemoRun, runDemo } from '../../examples/demo/runDemo.js'
import { buildVerifier, machineNodeFlags } from '../../verifier/build.js'

let run: DemoRun

beforeAll(async () => {
  run = await runDemo(() => {}, { keepNode: true })
}, 180_000)
afterAll(() => run?.node.stop())

describe('the demo story on the dev node', () => {
  it('every step does what it should', () => {
    expect(run.steps.map(({ step, ok }) => [step, ok])).toEqual([
      ['dev node', true],
      ['accredit school', true],
      ['issue licence', true],
      ['present licence', true],
      ['validate on L1', true],
      ['revoke licence', true],
      ['present again', true],
      ['present vaccination', true],
      ['inspect', true],
    ])
    const statuses = run.node.state().inputs.map((input) => input.status)
    expect(statuses).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'REJECTED', 'ACCEPTED'])
  })

  it('a notice validates on L1 only with its own proof and bytes', async () => {
    const verdict = run.licenceVerdict?.verdicts[0]
    expect(verdict).toBeDefined()
    const { rawData, proof } = await run.hospital.waitForProof(verdict?.outputIndex ?? 0n)
    expect(await run.hospital.validateOutput(rawData, proof)).toBe(true)
    const wrongSibling = proof.outputHashesSiblings.map((sibling, level) => (level === 0 ? keccak256(sibling) : sibling))
    expect(await run.hospital.validateOutput(rawData, { ...proof, outputHashesSiblings: wrongSibling })).toBe(false)
    expect(await run.hospital.validateOutput(rawData, { ...proof, outputIndex: proof.outputIndex + 1n })).toBe(false)
    const tampered = `${rawData.slice(0, -2)}${rawData.endsWith('00') ? '01' : '00'}` as Hex
    expect(await run.hospital.validateOutput(tampered, proof)).toBe(false)
  })

  it("the dev node's claimed root is the one libcmt's mock computes for the same inputs", async () => {
    await run.node.settle()
    const state = run.node.state()
    const dir = mkdtempSync(join(tmpdir(), 'medcred-devnode-mock-'))
    try {
      const { outfile } = await buildVerifier()
      // Rejected inputs change nothing, and the mock cannot revert them: feed the accepted ones.
      const accepted = state.inputs.filter((input) => input.status === 'ACCEPTED')
      accepted.forEach((input, i) => writeFileSync(join(dir, `in${i}.bin`), hexToBytes(input.rawData)))
      await promisify(execFile)(process.execPath, [...machineNodeFlags, outfile], {
        cwd: dir,
        env: { ...process.env, CMT_INPUTS: accepted.map((_, i) => `0:in${i}.bin`).join(','), MEDCRED_ROOT_AUTHORITIES: run.node.rootAuthorities.join(','), ROLLUP_HTTP_SERVER_URL: '' },
      })
      const mockRoot = bytesToHex(readFileSync(join(dir, `in${accepted.length - 1}.outputs_merkle_root.bin`)))
      const lastClaim = state.claims.at(-1)
      expect(lastClaim?.outputCount).toBe(state.outputs.length)
      expect(mockRoot).toBe(lastClaim?.outputsMerkleRoot)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
