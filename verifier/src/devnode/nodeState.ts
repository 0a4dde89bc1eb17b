/**
 * @module
 * What the dev node remembers: its deployment, the inputs it read, the outputs and reports
 * they produced, and the claims it computed and had accepted. Kept in `devnode.json` (and the
 * verifier's database beside it) when the node has a data directory, so a restart resumes where
 * it stopped. The file carries the SHA-256 of its content, and names the verifier snapshot it
 * goes with and that snapshot's SHA-256, so the two never disagree and a changed byte in either
 * is refused on open. Both are replaced by rename: a process killed mid-write leaves the
 * previous pair.
 */
import type { RollupOutput } from 'medcred/cartesi'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Address, Hex } from 'viem'
import type { RollupsDeployment } from './deployRollups.js'
import { DevnodeFileCorruptError } from './errors.js'
import { sealJson, sha256Hex, unsealJson } from './sealedJson.js'
import { validateNodeState } from './validateNodeState.js'

/** The statuses an input goes through, as the node's JSON-RPC names them. */
export const inputStatuses = ['NONE', 'ACCEPTED', 'REJECTED'] as const

export type StoredInput = {
  index: number
  epochIndex: number
  blockNumber: number
  blockTimestamp: number
  transactionHash: Hex
  logIndex: number
  sender: Address
  /** The `EvmAdvance` bytes the InputBox logged. */
  rawData: Hex
  payload: Hex
  status: (typeof inputStatuses)[number]
}

export type StoredOutput = { index: number; inputIndex: number; epochIndex: number; rawData: Hex; decoded: RollupOutput }
export type StoredReport = { index: number; inputIndex: number; epochIndex: number; rawData: Hex }
/**
 * An epoch's claim: computed (its outputs Merkle root, so proofs can be served) as soon as the
 * epoch closes, and accepted on L1 later; `transactionHash` is the accepting transaction, absent
 * until then.
 */
export type StoredClaim = { epochIndex: number; lastBlock: number; outputCount: number; outputsMerkleRoot: Hex; transactionHash?: Hex | undefined }

export type NodeState = {
  chainId: number
  /** The chain's first block hash: a restart against another chain is refused. */
  genesisHash: Hex
  deployment: RollupsDeployment
  /** Who may accredit issuers: fixed with the verifier's state (absent from older data directories). */
  rootAuthorities?: Address[] | undefined
  /** The next block to read InputAdded events from. */
  nextBlock: number
  inputs: StoredInput[]
  outputs: StoredOutput[]
  reports: StoredReport[]
  claims: StoredClaim[]
  /** The verifier snapshot that goes with this state, in the data directory. */
  verifierSnapshot?: string | undefined
  /** The SHA-256 (hex) of that snapshot's bytes. */
  verifierSnapshotSha256?: string | undefined
}

/** The node state file's name in a data directory. */
export const stateFileName = 'devnode.json'

/** The verifier snapshot that goes with `inputCount` processed inputs. */
export const verifierSnapshotName = (inputCount: number) => `verifier-${inputCount}.sqlite`

// Voucher values are bigints, written as "<digits>n".
const bigintKeys = new Set(['value'])

/**
 * Reads the state of a data directory, if there is one, and the verifier snapshot it names.
 *
 * @throws {DevnodeFileCorruptError} `ERR_DEVNODE_FILE_CORRUPT` when the state file is not JSON,
 *   fails its checksum or does not hold a node state, or the snapshot is missing or fails its
 *   checksum (the message names the file and what differs)
 */
export function readNodeState(dataDir: string): { state: NodeState; verifierDatabase: Uint8Array | undefined } | undefined {
  const file = join(dataDir, stateFileName)
  if (!existsSync(file)) return undefined
  const opened = unsealJson(readFileSync(file, 'utf8'), 'state', bigintKeys)
  if (!opened.ok) throw new DevnodeFileCorruptError({ file, reason: opened.reason })
  const state = validateNodeState(opened.value, file)
  if (!state.verifierSnapshot) return { state, verifierDatabase: undefined }
  const snapshot = join(dataDir, state.verifierSnapshot)
  if (!existsSync(snapshot)) throw new DevnodeFileCorruptError({ file: snapshot, reason: `it is missing, and ${file} names it` })
  const verifierDatabase = new Uint8Array(readFileSync(snapshot))
  const actual = sha256Hex(verifierDatabase)
  if (actual !== state.verifierSnapshotSha256) {
    throw new DevnodeFileCorruptError({ file: snapshot, reason: `its checksum does not match the one ${file} records (sha256 ${actual}, recorded ${state.verifierSnapshotSha256})` })
  }
  return { state, verifierDatabase }
}

/**
 * Writes the state, and with `verifierDatabase` the verifier snapshot that goes with it; the
 * previous snapshot is removed only once the state naming the new one is in place.
 */
export function writeNodeState(dataDir: string, state: NodeState, verifierDatabase?: Uint8Array): void {
  mkdirSync(dataDir, { recursive: true })
  const previous = state.verifierSnapshot
  let snapshot = previous
  let snapshotSha256 = state.verifierSnapshotSha256
  if (verifierDatabase) {
    snapshot = verifierSnapshotName(state.inputs.length)
    snapshotSha256 = sha256Hex(verifierDatabase)
    replaceFile(join(dataDir, snapshot), verifierDatabase)
  }
  replaceFile(join(dataDir, stateFileName), sealJson('state', { ...state, verifierSnapshot: snapshot, verifierSnapshotSha256: snapshotSha256 }))
  state.verifierSnapshot = snapshot
  state.verifierSnapshotSha256 = snapshotSha256
  if (previous && previous !== snapshot) rmSync(join(dataDir, previous), { force: true })
}

/** Writes beside the file, then renames over it: a reader sees the old file or the new one. */
function replaceFile(file: string, content: string | Uint8Array): void {
  const temporary = `${file}.tmp`
  writeFileSync(temporary, content)
  renameSync(temporary, file)
}
