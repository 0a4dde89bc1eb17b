/**
 * @module
 * What the dev node remembers: its deployment, the inputs it read, the outputs and reports
 * they produced, and the claims it computed and had accepted. Kept in a JSON file (and the verifier's
 * database beside it) when the node has a data directory, so a restart resumes where it
 * stopped: each write names the verifier snapshot it goes with, so the two never disagree.
 */
import type { RollupOutput } from 'medcred/cartesi'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Address, Hex } from 'viem'
import type { RollupsDeployment } from './deployRollups.js'

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
  status: 'NONE' | 'ACCEPTED' | 'REJECTED'
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
  /** The next block to read InputAdded events from. */
  nextBlock: number
  inputs: StoredInput[]
  outputs: StoredOutput[]
  reports: StoredReport[]
  claims: StoredClaim[]
  /** The verifier snapshot that goes with this state, in the data directory. */
  verifierSnapshot?: string | undefined
}

const stateFile = 'devnode.json'

/** Reads the state of a data directory, if there is one. */
export function readNodeState(dataDir: string): { state: NodeState; verifierDatabase: Uint8Array | undefined } | undefined {
  const file = join(dataDir, stateFile)
  if (!existsSync(file)) return undefined
  const state = JSON.parse(readFileSync(file, 'utf8'), (key, value) => (key === 'value' && typeof value === 'string' && /^\d+n$/.test(value) ? BigInt(value.slice(0, -1)) : value)) as NodeState
  const verifierDatabase = state.verifierSnapshot ? readFileSync(join(dataDir, state.verifierSnapshot)) : undefined
  return { state, verifierDatabase }
}

/**
 * Writes the state, and with `verifierDatabase` the verifier snapshot that goes with it; the
 * previous snapshot is removed only once the state naming the new one is in place.
 */
export function writeNodeState(dataDir: string, state: NodeState, verifierDatabase?: Uint8Array): void {
  mkdirSync(dataDir, { recursive: true })
  const previous = state.verifierSnapshot
  const snapshot = verifierDatabase ? `verifier-${state.inputs.length}.sqlite` : previous
  if (verifierDatabase && snapshot) writeFileSync(join(dataDir, snapshot), verifierDatabase)
  const next = { ...state, verifierSnapshot: snapshot }
  const temporary = join(dataDir, `${stateFile}.tmp`)
  writeFileSync(temporary, JSON.stringify(next, (_, value) => (typeof value === 'bigint' ? `${value}n` : value)))
  renameSync(temporary, join(dataDir, stateFile))
  state.verifierSnapshot = snapshot
  if (previous && previous !== snapshot) rmSync(join(dataDir, previous), { force: true })
}
