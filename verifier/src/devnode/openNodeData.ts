/**
 * @module
 * The dev node's start, up to a chain and a state it can run on: restore or deploy.
 *
 * - A data directory with a state: every file is checked first (checksums, shape, the SQLite
 *   snapshot's `quick_check`), before anything starts. The node's own chain is then rebuilt from
 *   the chain journal (a chain given by the caller is used as it is), and the state is checked
 *   against that chain (checkNodeStateOnChain.ts). Any difference refuses the start with a typed
 *   error naming the file.
 * - Otherwise: a fresh deployment, on a chain the node starts (and journals, given a data
 *   directory) or the one given.
 */
import { join } from 'node:path'
import { type ChainJournal, chainJournalFileName, createChainJournal, readChainJournal } from './chainJournal.js'
import { checkNodeStateOnChain } from './checkNodeStateOnChain.js'
import { checkVerifierSnapshot } from './checkVerifierSnapshot.js'
import { deployRollups } from './deployRollups.js'
import { installDeterministicDeploymentProxy } from './deterministicDeployment.js'
import { DevnodeChainMismatchError } from './errors.js'
import { type LocalChain, startLocalChain } from './localChain/startLocalChain.js'
import { type NodeState, readNodeState, stateFileName } from './nodeState.js'
import { replayChainJournal } from './replayChainJournal.js'

/** Parameters of {@link openNodeData}. */
export type OpenNodeDataParameters = {
  dataDir?: string | undefined
  /** A chain to use instead of one the node starts. */
  chain?: LocalChain | undefined
  /** The port of the chain the node starts. Default: any free port. */
  chainPort?: number | undefined
  /** Blocks per epoch of a fresh deployment. */
  epochLength: number
}

/** What the node runs on. */
export type NodeData = {
  chain: LocalChain
  /** Whether the node started the chain (and so stops it). */
  ownsChain: boolean
  state: NodeState
  /** The verifier's database to resume from. */
  verifierDatabase: Uint8Array | undefined
  /** The journal of the node's own chain, in its data directory. */
  journal: ChainJournal | undefined
  /** Whether the state was restored from the data directory (else deployed now, and not yet saved). */
  restored: boolean
}

/**
 * @throws {DevnodeFileCorruptError} `ERR_DEVNODE_FILE_CORRUPT` for a data file that fails its
 *   own checks
 * @throws {DevnodeChainMismatchError} `ERR_DEVNODE_CHAIN_MISMATCH` for data that does not go
 *   with the chain
 */
export async function openNodeData(parameters: OpenNodeDataParameters): Promise<NodeData> {
  const { dataDir } = parameters
  const ownsChain = parameters.chain === undefined
  const restored = dataDir ? readNodeState(dataDir) : undefined
  const stateFile = dataDir ? join(dataDir, stateFileName) : stateFileName
  if (restored?.state.verifierSnapshot && restored.verifierDatabase) await checkVerifierSnapshot(join(dataDir as string, restored.state.verifierSnapshot), restored.verifierDatabase)
  // The node's own chain comes back from its journal; a chain given by the caller is its own.
  const recorded = restored && ownsChain && dataDir ? readChainJournal(dataDir) : undefined
  if (restored && ownsChain && !recorded) {
    throw new DevnodeChainMismatchError({
      file: join(dataDir as string, chainJournalFileName),
      reason: `it is missing, so the chain ${stateFile} goes with cannot be rebuilt (the state was made on a chain the node did not start; only that chain can resume it)`,
    })
  }
  if (recorded && restored && recorded.journal.genesis.hash !== restored.state.genesisHash) {
    throw new DevnodeChainMismatchError({ file: recorded.journal.file, reason: `it starts from genesis block ${recorded.journal.genesis.hash}, but ${stateFile} belongs to the chain of ${restored.state.genesisHash}` })
  }

  const chain = parameters.chain ?? (await startLocalChain({ genesisTimestamp: recorded?.journal.genesis.timestamp, port: parameters.chainPort }))
  try {
    if (recorded) await replayChainJournal(chain, recorded.journal, recorded.entries)
    const genesis = await chain.publicClient.getBlock({ blockNumber: 0n })
    if (restored) {
      const { state } = restored
      if (state.genesisHash !== genesis.hash || state.chainId !== chain.chain.id) {
        throw new DevnodeChainMismatchError({ file: stateFile, reason: `it belongs to another chain (genesis ${state.genesisHash}, chain ${state.chainId}; this chain: ${genesis.hash}, ${chain.chain.id}); use a new directory or the chain it was made with` })
      }
      await checkNodeStateOnChain(chain, state, stateFile)
      return { chain, ownsChain, state, verifierDatabase: restored.verifierDatabase, journal: recorded?.journal, restored: true }
    }

    const journal = dataDir && ownsChain ? createChainJournal(dataDir, { chainId: chain.chain.id, hash: genesis.hash, timestamp: Number(genesis.timestamp) }) : undefined
    const proxy = await installDeterministicDeploymentProxy(chain)
    if (proxy) await journal?.recordEdit(chain, { method: 'hardhat_setCode', params: proxy })
    const deployment = await deployRollups({ chain, epochLength: parameters.epochLength })
    const state: NodeState = { chainId: chain.chain.id, genesisHash: genesis.hash, deployment, nextBlock: deployment.deploymentBlock, inputs: [], outputs: [], reports: [], claims: [] }
    return { chain, ownsChain, state, verifierDatabase: undefined, journal, restored: false }
  } catch (error) {
    if (ownsChain) await chain.stop()
    throw error
  }
}
