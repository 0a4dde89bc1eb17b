/**
 * A dev node's data directory with one thing changed is refused on start, with a typed error
 * that names the file and says what differs, before any claim can be made from it. Each change
 * is tried twice where it can be: as a changed byte (the file's checksum catches it) and with
 * the checksum written again to match (the node's own checks catch it: the inputs against the
 * chain's InputAdded logs, the claims against the outputs, the statuses against the reports,
 * `PRAGMA quick_check` on the verifier's SQLite). An untouched copy resumes, its chain rebuilt
 * (a transaction from an impersonated account included).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import initSqlJs, { type Database } from 'sql.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bytesToHex, decodeFunctionData, encodeFunctionData, type Hex, parseEther, zeroAddress } from 'viem'
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { encodeOutput } from '../../src/cartesi/encodeOutput.js'
import { etherPortalAbi, inputBoxAbi, inputsAbi } from '../../src/cartesi/rollupsAbi.js'
import type { NodeState } from '../../verifier/src/devnode/nodeState.js'
import { sealJson, sha256Hex } from '../../verifier/src/devnode/sealedJson.js'
import { type Devnode, startDevnode } from '../../verifier/src/devnode/startDevnode.js'

let dir: string
let base: string
let original: NodeState
let application: string
let impersonatedTransfer: Hex

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'medcred-corruption-'))
  base = join(dir, 'base')
  const node = await startDevnode({ dataDir: base, epochLength: 2 })
  try {
    const { chain, deployment } = node
    const [, root, , payer] = chain.accounts
    const mined = async (hash: Hex) => expect((await chain.publicClient.waitForTransactionReceipt({ hash })).status).toBe('success')
    const addInput = async (account: typeof root, payload: Hex) =>
      mined(await chain.walletClient(account).writeContract({ address: deployment.inputBox, abi: inputBoxAbi, functionName: 'addInput', args: [deployment.application, payload] }))
    // Accepted, rejected, a deposit, and a withdrawal that emits a voucher (an output).
    await addInput(
      root,
      encodeInput({
        action: 'accreditIssuer',
        did: 'did:web:school-1.example',
        controller: chain.accounts[2].address,
        credentialTypes: ['MedicalLicenseCredential'],
        keys: [{ id: 'did:web:school-1.example#key-1', publicKey: bytesToHex(bls12_381.G2.Point.BASE.multiply(19n).toBytes(true)) }],
        statusLists: [],
      }),
    )
    await addInput(root, '0xdeadbeef')
    await mined(await chain.walletClient(payer).writeContract({ address: deployment.etherPortal, abi: etherPortalAbi, functionName: 'depositEther', args: [deployment.application, '0x'], value: parseEther('1') }))
    await addInput(payer, encodeInput({ action: 'withdraw', asset: zeroAddress, amount: parseEther('0.25') }))
    // A transfer from an impersonated account (no real signature): the journal keeps it too.
    const impersonated = chain.accounts[4].address
    await chain.publicClient.request({ method: 'hardhat_impersonateAccount' as never, params: [impersonated] as never })
    impersonatedTransfer = await chain.walletClient({ address: impersonated, type: 'json-rpc' }).sendTransaction({ to: payer.address, value: 1n })
    await mined(impersonatedTransfer)
    await node.settle()
    original = structuredClone(node.state())
    application = deployment.application
  } finally {
    await node.stop()
  }
  expect(original.inputs.map((input) => input.status)).toEqual(['ACCEPTED', 'REJECTED', 'ACCEPTED', 'ACCEPTED'])
  expect(original.outputs).toHaveLength(1)
  expect(original.claims.every((claim) => claim.transactionHash)).toBe(true)
  // Each claim covers exactly the outputs of its epoch and those before (the node read every input up to the epoch's end first).
  expect(original.claims.map((claim) => claim.outputCount)).toEqual(original.claims.map((claim) => original.outputs.filter((output) => output.epochIndex <= claim.epochIndex).length))
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let copies = 0
/** A copy of the base data directory, changed by `change`. */
async function changedCopy(change: (copy: string) => void | Promise<void>): Promise<string> {
  const copy = join(dir, `copy-${++copies}`)
  cpSync(base, copy, { recursive: true })
  await change(copy)
  return copy
}

const stateFile = (copy: string) => join(copy, 'devnode.json')
const snapshotFile = (copy: string) => join(copy, `verifier-${original.inputs.length}.sqlite`)

type Envelope = { sha256: string; state: Record<string, unknown> & { inputs: Record<string, unknown>[]; outputs: Record<string, unknown>[] } }
const readEnvelope = (copy: string) => JSON.parse(readFileSync(stateFile(copy), 'utf8')) as Envelope
/** Changes the state, leaving its recorded checksum as it was. */
function editState(copy: string, edit: (state: Envelope['state']) => void): void {
  const envelope = readEnvelope(copy)
  edit(envelope.state)
  writeFileSync(stateFile(copy), JSON.stringify(envelope))
}
/** Changes the state and writes the checksum that matches it. */
function resealState(copy: string, edit: (state: Envelope['state']) => void): void {
  const { state } = readEnvelope(copy)
  edit(state)
  writeFileSync(stateFile(copy), sealJson('state', state))
}

/** The start is refused, with `code`, naming `file`, saying `what`. */
async function expectRefused(copy: string, code: string, file: string, what: RegExp): Promise<void> {
  let started: Devnode | undefined
  try {
    started = await startDevnode({ dataDir: copy })
  } catch (error) {
    expect(error).toMatchObject({ code, file, message: expect.stringContaining(file) })
    expect((error as Error).message).toMatch(what)
    return
  } finally {
    await started?.stop()
  }
  throw new Error(`the dev node started from ${copy}`)
}

const changeHexDigit = (hex: string, at: number) => `${hex.slice(0, at)}${hex[at] === '0' ? '1' : '0'}${hex.slice(at + 1)}`

describe('dev node data directory: refused on start', () => {
  it('default: an untouched copy resumes, same application, same state', async () => {
    const copy = await changedCopy(() => {})
    const node = await startDevnode({ dataDir: copy })
    try {
      expect(node.resumed).toBe(true)
      expect(node.deployment.application).toBe(application)
      expect(node.state().inputs).toEqual(original.inputs)
      expect(node.state().claims).toEqual(original.claims)
      expect((await node.chain.publicClient.getTransactionReceipt({ hash: impersonatedTransfer })).status).toBe('success')
    } finally {
      await node.stop()
    }
  }, 60_000)

  describe('a changed byte: the checksum', () => {
    it('error: an edited nextBlock', async () => {
      const copy = await changedCopy((copy) => editState(copy, (state) => void (state.nextBlock = original.nextBlock + 3)))
      await expectRefused(copy, 'ERR_DEVNODE_FILE_CORRUPT', stateFile(copy), /its checksum does not match its content/)
    })

    it('error: an edited output', async () => {
      const copy = await changedCopy((copy) => editState(copy, (state) => void ((state.outputs[0] as { rawData: string }).rawData = changeHexDigit(original.outputs[0]?.rawData as string, 100))))
      await expectRefused(copy, 'ERR_DEVNODE_FILE_CORRUPT', stateFile(copy), /its checksum does not match its content/)
    })

    it('error: an edited status string', async () => {
      const copy = await changedCopy((copy) => editState(copy, (state) => void ((state.inputs[1] as { status: string }).status = 'ACCEPTED')))
      await expectRefused(copy, 'ERR_DEVNODE_FILE_CORRUPT', stateFile(copy), /its checksum does not match its content/)
    })

    it('error: an edited stored input', async () => {
      const copy = await changedCopy((copy) => editState(copy, (state) => void ((state.inputs[0] as { payload: string }).payload = changeHexDigit(original.inputs[0]?.payload as string, 80))))
      await expectRefused(copy, 'ERR_DEVNODE_FILE_CORRUPT', stateFile(copy), /its checksum does not match its content/)
    })

    it('error: a corrupted SQLite row', async () => {
      const copy = await changedCopy((copy) => {
        const bytes = readFileSync(snapshotFile(copy))
        const at = bytes.indexOf('did:web:school-1.example')
        expect(at).toBeGreaterThan(0)
        bytes[at + 8] = 'S'.charCodeAt(0)
        writeFileSync(snapshotFile(copy), bytes)
      })
      await expectRefused(copy, 'ERR_DEVNODE_FILE_CORRUPT', snapshotFile(copy), /its checksum does not match the one .*devnode\.json records/)
    })

    it('error: a JSON syntax error', async () => {
      const copy = await changedCopy((copy) => writeFileSync(stateFile(copy), readFileSync(stateFile(copy), 'utf8').replace('"nextBlock":', '"nextBlock":,')))
      await expectRefused(copy, 'ERR_DEVNODE_FILE_CORRUPT', stateFile(copy), /it is not JSON \(.+\)/)
    })

    it('error: an edited block in the chain journal', async () => {
      const journal = (copy: string) => join(copy, 'chain.jsonl')
      const copy = await changedCopy((copy) => {
        const lines = readFileSync(journal(copy), 'utf8').split('\n')
        lines[3] = (lines[3] as string).replace(/"timestamp":(\d+)/, (_, seconds: string) => `"timestamp":${Number(seconds) + 1}`)
        writeFileSync(journal(copy), lines.join('\n'))
      })
      await expectRefused(copy, 'ERR_DEVNODE_FILE_CORRUPT', journal(copy), /line 4: its checksum does not match its content/)
    })
  })

  describe('a change with a matching checksum: the node’s own checks', () => {
    it('error: nextBlock past the chain', async () => {
      const copy = await changedCopy((copy) => resealState(copy, (state) => void (state.nextBlock = original.nextBlock + 100)))
      await expectRefused(copy, 'ERR_DEVNODE_CHAIN_MISMATCH', stateFile(copy), new RegExp(`nextBlock is ${original.nextBlock + 100}, but the chain's last block is \\d+`))
    }, 60_000)

    it('error: an output whose value was changed, bytes and all', async () => {
      const copy = await changedCopy((copy) =>
        resealState(copy, (state) => {
          const output = state.outputs[0] as { rawData: Hex; decoded: { type: 'voucher'; destination: Hex; value: string; payload: Hex } }
          output.decoded.value = `${parseEther('0.75')}n`
          output.rawData = encodeOutput({ ...output.decoded, value: parseEther('0.75') })
        }),
      )
      await expectRefused(copy, 'ERR_DEVNODE_FILE_CORRUPT', stateFile(copy), /claims\[\d+\]\.outputsMerkleRoot is 0x[0-9a-f]{64}, but the outputs up to its epoch give 0x[0-9a-f]{64}/)
    })

    it('error: a status its report denies', async () => {
      const copy = await changedCopy((copy) => resealState(copy, (state) => void ((state.inputs[1] as { status: string }).status = 'ACCEPTED')))
      await expectRefused(copy, 'ERR_DEVNODE_FILE_CORRUPT', stateFile(copy), /inputs\[1\]\.status is ACCEPTED, but its report says rejected/)
    })

    it('error: a stored input that is not the chain’s', async () => {
      const copy = await changedCopy((copy) =>
        resealState(copy, (state) => {
          const input = state.inputs[1] as { rawData: Hex; payload: Hex }
          const { args } = decodeFunctionData({ abi: inputsAbi, data: input.rawData })
          input.payload = '0xdeadbeee'
          input.rawData = encodeFunctionData({ abi: inputsAbi, functionName: 'EvmAdvance', args: [...args.slice(0, 7), input.payload] as never })
        }),
      )
      await expectRefused(copy, 'ERR_DEVNODE_CHAIN_MISMATCH', stateFile(copy), /inputs\[1\]\.rawData is 0x[0-9a-f]+.*, but the chain's InputAdded log has 0x[0-9a-f]+/)
    }, 60_000)

    it('error: a SQLite row that breaks its table’s NOT NULL', async () => {
      const copy = await changedCopy(async (copy) => {
        const bytes = await withNullController(readFileSync(snapshotFile(copy)))
        writeFileSync(snapshotFile(copy), bytes)
        resealState(copy, (state) => void (state.verifierSnapshotSha256 = sha256Hex(bytes)))
      })
      await expectRefused(copy, 'ERR_DEVNODE_FILE_CORRUPT', snapshotFile(copy), /PRAGMA quick_check finds NULL value in issuers\.controller/)
    })
  })

  it('a new data directory gets a new application: an old client is never sent to an empty verifier', async () => {
    const node = await startDevnode({ dataDir: join(dir, 'fresh') })
    try {
      expect(node.resumed).toBe(false)
      expect(node.deployment.application).not.toBe(application)
      expect(node.deployment.inputBox).toBe(original.deployment.inputBox)
    } finally {
      await node.stop()
    }
  }, 60_000)
})

/** The verifier database with issuer 1's controller set to NULL behind its NOT NULL constraint. */
async function withNullController(bytes: Uint8Array): Promise<Uint8Array> {
  const SQL = await initSqlJs()
  const reopen = (database: Database) => {
    const exported = database.export()
    database.close()
    return new SQL.Database(exported)
  }
  const setSchema = (database: Database, sql: string) => {
    const version = Number(database.exec('PRAGMA schema_version')[0]?.values[0]?.[0])
    database.exec('PRAGMA writable_schema = ON')
    database.run("UPDATE sqlite_schema SET sql = ? WHERE name = 'issuers'", [sql])
    database.exec(`PRAGMA schema_version = ${version + 1}; PRAGMA writable_schema = OFF`)
    return reopen(database)
  }
  let database = new SQL.Database(bytes)
  const schema = String(database.exec("SELECT sql FROM sqlite_schema WHERE name = 'issuers'")[0]?.values[0]?.[0])
  database = setSchema(database, schema.replace('controller BLOB NOT NULL', 'controller BLOB'))
  database.exec('UPDATE issuers SET controller = NULL WHERE id = 1')
  database = setSchema(database, schema)
  const corrupted = database.export()
  database.close()
  return corrupted
}
