/**
 * @module
 * Errors of the dev node (`medcred devnode`, `startDevnode`): a data directory it refuses to
 * start from, a local chain or a deployment that fails, and a step of its loop that cannot go on. Each names the file or the chain fact at
 * fault, and what differs, in its message and in `details`.
 */
import { MedcredError } from 'medcred/internal'

/** The dev node's error codes. */
export type DevnodeErrorCode =
  | 'ERR_DEVNODE_FILE_CORRUPT'
  | 'ERR_DEVNODE_CHAIN_MISMATCH'
  | 'ERR_DEVNODE_CHAIN_START_FAILED'
  | 'ERR_DEVNODE_DEPLOYMENT_FAILED'
  | 'ERR_DEVNODE_CLAIM_REVERTED'
  | 'ERR_DEVNODE_BLOCK_UNRECORDABLE'
  | 'ERR_DEVNODE_STOPPED'

/** What every data-directory refusal carries: the file, and what is wrong with it. */
export type DataDirectoryFault = {
  /** The file, as a path. */
  file: string
  /** What differs, or what is wrong: one sentence without a final period. */
  reason: string
}

/**
 * A file of the data directory cannot be trusted on its own: it fails its checksum, is not JSON,
 * lacks a field or holds one of the wrong kind, contradicts itself (an output whose bytes are
 * not its decoded form, a status its report denies), or, for the verifier's SQLite snapshot,
 * fails `PRAGMA quick_check`. Nothing is started from it.
 */
export class DevnodeFileCorruptError extends MedcredError {
  override name = 'DevnodeFileCorruptError'
  declare readonly code: 'ERR_DEVNODE_FILE_CORRUPT'
  readonly file: string
  readonly reason: string

  constructor({ file, reason }: DataDirectoryFault, options: { cause?: unknown } = {}) {
    super('ERR_DEVNODE_FILE_CORRUPT', `The dev node's data file ${file} is corrupt: ${reason}. Restore it, or start with a new data directory.`, { ...options, details: { file, reason } })
    this.file = file
    this.reason = reason
  }
}

/**
 * The data directory's files are intact but do not go with the chain: the chain is another one
 * (its genesis differs), the chain journal does not rebuild the blocks it recorded, a stored
 * input is not the one the InputBox logged, the chain holds an input below `nextBlock` the node
 * never stored, or the Authority accepted a root the node's outputs do not give.
 */
export class DevnodeChainMismatchError extends MedcredError {
  override name = 'DevnodeChainMismatchError'
  declare readonly code: 'ERR_DEVNODE_CHAIN_MISMATCH'
  readonly file: string
  readonly reason: string

  constructor({ file, reason }: DataDirectoryFault, options: { cause?: unknown } = {}) {
    super('ERR_DEVNODE_CHAIN_MISMATCH', `The dev node's data file ${file} does not match the chain: ${reason}. Start with a new data directory.`, { ...options, details: { file, reason } })
    this.file = file
    this.reason = reason
  }
}

/** The local chain (a Hardhat node in a child process) did not start; its standard error is in the message. */
export class DevnodeChainStartError extends MedcredError {
  override name = 'DevnodeChainStartError'
  declare readonly code: 'ERR_DEVNODE_CHAIN_START_FAILED'

  constructor({ reason, stderr }: { reason: string; stderr: string }) {
    super('ERR_DEVNODE_CHAIN_START_FAILED', `The dev node's local chain did not start: ${reason}.${stderr === '' ? '' : `\n${stderr}`}`, { details: { reason } })
  }
}

/**
 * A contract the dev node deploys was not deployed as it must be: the transaction reverted, or
 * left no code or no application where it should, or a deterministic address differs from the
 * one the Rollups contracts fix (the package's bytecode changed).
 */
export class DevnodeDeploymentError extends MedcredError {
  override name = 'DevnodeDeploymentError'
  declare readonly code: 'ERR_DEVNODE_DEPLOYMENT_FAILED'

  constructor({ contract, reason, transactionHash }: { contract: string; reason: string; transactionHash?: string | undefined }) {
    const hash = transactionHash === undefined ? '' : ` (${transactionHash})`
    super('ERR_DEVNODE_DEPLOYMENT_FAILED', `The dev node could not deploy ${contract}: ${reason}${hash}.`, { details: { contract, reason, transactionHash } })
  }
}

/** The Authority reverted the node's claim for an epoch. */
export class DevnodeClaimRevertedError extends MedcredError {
  override name = 'DevnodeClaimRevertedError'
  declare readonly code: 'ERR_DEVNODE_CLAIM_REVERTED'

  constructor({ epochIndex, transactionHash }: { epochIndex: number; transactionHash: string }) {
    super('ERR_DEVNODE_CLAIM_REVERTED', `The claim for epoch ${epochIndex} reverted (${transactionHash}).`, { details: { epochIndex, transactionHash } })
  }
}

/**
 * A block the chain journal cannot keep: a transaction whose bytes do not re-encode to its hash
 * (an impersonated one, say), or a chain that went back (`evm_revert`) under the node.
 */
export class DevnodeBlockUnrecordableError extends MedcredError {
  override name = 'DevnodeBlockUnrecordableError'
  declare readonly code: 'ERR_DEVNODE_BLOCK_UNRECORDABLE'

  constructor({ blockNumber, reason }: { blockNumber: number; reason: string }) {
    super('ERR_DEVNODE_BLOCK_UNRECORDABLE', `The dev node cannot record block ${blockNumber} in its chain journal: ${reason}; a restart could not rebuild the chain.`, {
      details: { blockNumber, reason },
    })
  }
}

/** `settle()` was waiting when the node was stopped. */
export class DevnodeStoppedError extends MedcredError {
  override name = 'DevnodeStoppedError'
  declare readonly code: 'ERR_DEVNODE_STOPPED'

  constructor() {
    super('ERR_DEVNODE_STOPPED', 'The dev node was stopped before it settled.')
  }
}
