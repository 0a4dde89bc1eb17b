/**
 * The machine build: the single-file bundle runs under libcmt's host mock (@cartesi/rollup,
 * CMT_INPUTS), its outputs and outputs Merkle root match ours, the bundle holds no use of
 * wall-clock time, randomness or network APIs, and the Dockerfile's defaults are right.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bytesToHex, concat, encodeAbiParameters, encodeFunctionData, getContractAddress, type Hex, hexToBytes, zeroHash } from 'viem'
import { accreditAction, addresses, createScenario, licenceReveal, metadataAt, nonce, presentFor, submit, vaccinationReveal } from '#test/verifierScenario.js'
import { canonicalInputBox } from '../../src/cartesi/client/createVerifierClient.js'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { encodeInspectQuery } from '../../src/cartesi/inspectQuery.js'
import { encodeOutput } from '../../src/cartesi/encodeOutput.js'
import { computeOutputsMerkleRoot } from '../../src/cartesi/outputsMerkle.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import { inputsAbi } from '../../src/cartesi/rollupsAbi.js'
import { createVerifier } from '../../verifier/src/createVerifier.js'
import { rollupsArtifact } from '../../verifier/src/devnode/rollupsArtifacts.js'
import type { AdvanceMetadata } from '../../verifier/src/types.js'
import { buildVerifier, machineNodeFlags } from '../../verifier/build.js'

const run = promisify(execFile)
let dir: string
let bundle: { outfile: string; text: string }

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'medcred-machine-'))
  // Built where the repository's node_modules can serve the one external, @cartesi/rollup.
  const { outfile } = await buildVerifier()
  bundle = { outfile, text: readFileSync(outfile, 'utf8') }
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const evmAdvance = ({ metadata, payload }: { metadata: AdvanceMetadata; payload: Hex }): Hex =>
  encodeFunctionData({
    abi: inputsAbi,
    functionName: 'EvmAdvance',
    args: [metadata.chainId, metadata.appContract, metadata.msgSender, metadata.blockNumber, metadata.blockTimestamp, metadata.prevRandao, metadata.inputIndex, payload],
  })

describe('libcmt host mock', () => {
  it('runs the bundle; outputs and the outputs Merkle root match our own', async () => {
    const scenario = await createScenario()
    // libcmt's mock cannot revert: after a rejected input it misreads the next one (the real
    // machine rolls back to its snapshot instead). So the one rejected input comes last.
    const payloads: [Hex, `0x${string}`][] = [
      [encodeInput(accreditAction(scenario.parties.school, addresses.schoolController)), addresses.rootAuthority],
      [submit(await presentFor(scenario.licence, licenceReveal, { sender: addresses.doctor, nonce: nonce(1) }), 1), addresses.doctor],
      [submit(await presentFor(scenario.vaccination, vaccinationReveal, { sender: addresses.patient, nonce: nonce(2) }), 2), addresses.patient],
      [submit(await presentFor(scenario.licence, licenceReveal, { sender: addresses.doctor, nonce: nonce(3) }), 3), addresses.doctor],
      [encodeInput({ action: 'withdrawIssuer', did: scenario.parties.school.controller }), addresses.stranger],
    ]
    const inputs = payloads.map(([payload, sender], i) => ({ metadata: metadataAt(i, sender), payload }))
    inputs.forEach((input, i) => writeFileSync(join(dir, `in${i}.bin`), hexToBytes(evmAdvance(input))))
    writeFileSync(join(dir, 'query.bin'), hexToBytes(encodeInspectQuery({ query: 'counts' })))
    const list = [...inputs.slice(0, 4).map((_, i) => `0:in${i}.bin`), '1:query.bin', '0:in4.bin'].join(',')
    await run(process.execPath, [...machineNodeFlags, bundle.outfile], {
      cwd: dir,
      env: { ...process.env, CMT_INPUTS: list, MEDCRED_ROOT_AUTHORITIES: addresses.rootAuthority, ROLLUP_HTTP_SERVER_URL: '' },
    })

    // The same inputs in-process give the outputs the machine wrote, in the same order.
    const verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority] })
    const expected: Hex[] = []
    for (const [i, input] of inputs.entries()) {
      const result = await verifier.advance(input)
      const written = result.outputs.map((_, k) => bytesToHex(readFileSync(join(dir, `in${i}.output-${k}.bin`))))
      expect(written).toEqual(result.outputs.map(encodeOutput))
      expect(decodeReport(bytesToHex(readFileSync(join(dir, `in${i}.report-0.bin`))))).toEqual(decodeReport(result.reports[0] as Hex))
      expected.push(...written)
    }
    expect(expected).toHaveLength(3)
    const lastAccepted = 3
    const root = bytesToHex(readFileSync(join(dir, `in${lastAccepted}.outputs_merkle_root.bin`)))
    expect(root).toBe(computeOutputsMerkleRoot(expected))
    expect(decodeReport(bytesToHex(readFileSync(join(dir, 'query.report-0.bin'))))).toMatchObject({ ok: true, result: { counts: { verdicts: 3 } } })
  }, 120_000)
})

describe('Dockerfile', () => {
  const dockerfile = () => readFileSync(new URL('../../verifier/Dockerfile', import.meta.url), 'utf8')

  it('starts node with the flags the tests and the bench run the bundle with', () => {
    const command = /^CMD (\[.*\])$/m.exec(dockerfile())?.[1]
    expect(JSON.parse(command ?? '[]')).toEqual(['node', ...machineNodeFlags, 'medcred-verifier.mjs'])
  })

  it("defaults the portals to the Rollups 2.2 deterministic deployments: CREATE2 of the package's bytecode", () => {
    // Arachnid's deterministic deployment proxy, salt 0, as Cartesi deploys the 2.x contracts.
    const create2 = (bytecode: Hex) => getContractAddress({ opcode: 'CREATE2', from: '0x4e59b44847b379578588920cA78FbF26c0B4956C', salt: zeroHash, bytecode })
    const portal = (name: 'EtherPortal' | 'ERC20Portal') => create2(concat([rollupsArtifact(name).bytecode, encodeAbiParameters([{ type: 'address' }], [canonicalInputBox])]))
    const argDefault = (name: string) => new RegExp(`^ARG ${name}=(0x[0-9a-fA-F]{40})$`, 'm').exec(dockerfile())?.[1]
    expect(create2(rollupsArtifact('InputBox').bytecode)).toBe(canonicalInputBox)
    expect(argDefault('MEDCRED_ETHER_PORTAL')).toBe(portal('EtherPortal'))
    expect(argDefault('MEDCRED_ERC20_PORTAL')).toBe(portal('ERC20Portal'))
  })
})

describe('determinism scan of the bundle', () => {
  /** Splits the bundle into the modules esbuild put in it, by its `// path` markers. */
  const modules = () => {
    const parts = bundle.text.split(/\n\/\/ ((?:node_modules|src|verifier)\/[^\n]+)\n/)
    const named: { path: string; code: string }[] = [{ path: '(bundle prelude)', code: parts[0] ?? '' }]
    for (let i = 1; i < parts.length; i += 2) named.push({ path: parts[i] as string, code: parts[i + 1] ?? '' })
    return named
  }
  const forbidden: Record<string, RegExp> = {
    'wall clock (Date.now)': /\bDate\.now\b/,
    'wall clock (new Date())': /\bnew Date\(\s*\)/,
    'wall clock (performance.now)': /\bperformance\.now\b/,
    'wall clock (process.hrtime)': /\bprocess\.hrtime\b/,
    'randomness (Math.random)': /\bMath\.random\b/,
    'randomness (global crypto)': /(?<![\w$."'])crypto\.(getRandomValues|randomUUID)\b|\b(globalThis|self|window)\.crypto\b/,
    'randomness or network (node modules)': /(?:from |require\()"(?:node:)?(crypto|net|tls|dns|dgram|http2|https|child_process|worker_threads|cluster)"/,
    'network (fetch)': /(?<![\w$.])fetch\(/,
    'network (XMLHttpRequest, WebSocket, EventSource)': /\b(XMLHttpRequest|WebSocket|EventSource)\b/,
    'network (node:http)': /(?:from |require\()"(?:node:)?http"/,
  }
  /** Where the host is reached on purpose: the stand-ins themselves, and the rollup HTTP transport. */
  const sanctioned: Record<string, string[]> = {
    'verifier/src/determinism/deterministicGlobals.ts': ['randomness (global crypto)', 'network (fetch)', 'network (XMLHttpRequest, WebSocket, EventSource)'],
    'verifier/src/determinism/platformCrypto.ts': ['randomness or network (node modules)'],
    'verifier/src/transports/runHttpTransport.ts': ['network (node:http)'],
  }

  it('finds no clock, randomness or network use outside the sanctioned modules', () => {
    const found = modules().flatMap(({ path, code }) =>
      Object.entries(forbidden)
        .filter(([name, pattern]) => pattern.test(code) && !sanctioned[path]?.includes(name))
        .map(([name]) => `${path}: ${name}`),
    )
    expect(found).toEqual([])
  })

  it('the scan would catch a use (it is not vacuous)', () => {
    const probe = 'const t = Date.now(); const r = Math.random(); fetch("https://x"); new XMLHttpRequest()'
    expect(Object.values(forbidden).filter((pattern) => pattern.test(probe))).toHaveLength(4)
    expect(modules().length).toBeGreaterThan(100)
  })
})
