/**
 * @module
 * Where a running dev node saves itself: the node state (and, after an input, the verifier's
 * snapshot, exported in the verifier's own queue) in the data directory, after the chain
 * journal has recorded every block up to the chain's head. That order is what lets a node killed
 * at any moment resume: the state never names a block (an input's, a claim's, `nextBlock`) that
 * the journal could not rebuild. Without a data directory nothing is written.
 */
import type { Verifier } from '../createVerifier.js'
import type { ChainJournal } from './chainJournal.js'
import type { LocalChain } from './localChain/startLocalChain.js'
import { type NodeState, writeNodeState } from './nodeState.js'

export type NodeStore = {
  /** Saves the state; with `withVerifier`, the verifier's database too (after an input). */
  save(options?: { withVerifier?: boolean | undefined }): Promise<void>
  /** Records the chain's blocks up to its head in the journal, if the node keeps one. */
  recordChain(): Promise<void>
}

/** Parameters of {@link createNodeStore}. */
export type CreateNodeStoreParameters = {
  dataDir: string | undefined
  state: NodeState
  chain: LocalChain
  verifier: Verifier
  /** The journal of the chain, when the node started the chain itself. */
  journal: ChainJournal | undefined
}

export function createNodeStore(parameters: CreateNodeStoreParameters): NodeStore {
  const { dataDir, state, chain, verifier, journal } = parameters
  const recordChain = async () => {
    if (journal) await journal.recordBlocks(chain, Number(await chain.publicClient.getBlockNumber({ cacheTime: 0 })))
  }
  return {
    recordChain,
    async save(options = {}) {
      if (!dataDir) return
      await recordChain()
      writeNodeState(dataDir, state, options.withVerifier ? await verifier.exportDatabaseInTurn() : undefined)
    },
  }
}
