/**
 * @module
 * The dev node: a local chain with the Cartesi Rollups contracts, and a host-mode node that
 * reads the application's inputs from the InputBox, runs them through the medcred verifier
 * over the rollup HTTP API, keeps inputs, outputs and reports, and serves a Rollups Node's
 * JSON-RPC and inspect API. As a real node, it computes each closed epoch's claim (outputs
 * Merkle root; the outputs' proofs are served from then on) and has it accepted on L1 in a
 * later step (the Authority's submitClaim), which tests can hold back. No Docker, no Cartesi
 * CLI: everything runs from npm packages on Node 20.
 *
 * With a data directory, the node resumes after a stop (Ctrl-C or kill -9), chain included:
 * see openNodeData.ts (restore or deploy), chainJournal.ts (the chain), nodeState.ts (the node).
 * The parts: inputReader.ts, epochClaimer.ts, nodeLoop.ts, createNodeApi.ts.
 */
import { createVerifierClient, type VerifierClient } from 'medcred/cartesi'
import { join } from 'node:path'
import type { Account, Address } from 'viem'
import { createVerifier, type Verifier } from '../createVerifier.js'
import { createRollupHttpServer, type RollupHttpServer } from '../host/createRollupHttpServer.js'
import { runHttpTransport } from '../transports/runHttpTransport.js'
import { createNodeApi, type NodeApi } from './createNodeApi.js'
import type { RollupsDeployment } from './deployRollups.js'
import { type ClaimAcceptance, createEpochClaimer } from './epochClaimer.js'
import { DevnodeStoppedError } from './errors.js'
import { createInputReader } from './inputReader.js'
import type { LocalChain } from './localChain/startLocalChain.js'
import { startNodeLoop } from './nodeLoop.js'
import { type NodeState, type StoredInput, stateFileName } from './nodeState.js'
import { createNodeStore } from './nodeStore.js'
import { openNodeData } from './openNodeData.js'

export type { ClaimAcceptance } from './epochClaimer.js'

/** Parameters of {@link startDevnode}. */
export type StartDevnodeParameters = {
  /**
   * Keep the node's data here: its state, the verifier's database and (for a chain the node
   * starts) the chain's journal. A restart with the same directory resumes, chain included.
   */
  dataDir?: string | undefined
  /** Attach to this chain instead of starting one (it is then not stopped with the node, nor journaled). */
  chain?: LocalChain | undefined
  /** Port of the chain the node starts. Default: any free port. */
  chainPort?: number | undefined
  /** Blocks per epoch. Default 4 (a restored node keeps its own). */
  epochLength?: number | undefined
  /** Who may accredit issuers. Default: the chain's second account (a restored node keeps its own). */
  rootAuthorities?: readonly Address[] | undefined
  /** Port of the JSON-RPC and inspect API. Default: any free port. */
  apiPort?: number | undefined
  /** How often the node looks for new inputs, in ms. Default 100. */
  pollingInterval?: number | undefined
  /** Called for every input the node has processed. */
  onInput?: ((input: StoredInput) => void) | undefined
  /**
   * Called when a step of the node fails (once, until a step fails differently): the node goes
   * on trying, and {@link Devnode.settle} throws the failure.
   */
  onError?: ((error: unknown) => void) | undefined
  /**
   * `auto` (default): a computed claim is submitted to the Authority (and so accepted on L1) in
   * the node's next step. `held`: claims are computed, their proofs served, but none is
   * submitted until {@link Devnode.setClaimAcceptance} says `auto`.
   */
  claimAcceptance?: ClaimAcceptance | undefined
}

/** A running dev node. */
export type Devnode = {
  chain: LocalChain
  deployment: RollupsDeployment
  rootAuthorities: readonly Address[]
  /** The node's JSON-RPC endpoint (`…/rpc`) and inspect base (`…/inspect/<app>`) live here. */
  nodeUrl: string
  /** Whether the node resumed from its data directory (else it deployed the contracts now). */
  resumed: boolean
  /** The node's current state (read-only). */
  state(): NodeState
  /**
   * A client of the deployed application (all its contracts, this node's RPC) sending from
   * `account` (default: the first), with the client's `timeout` (default: the client's).
   */
  client(account?: Account, options?: { timeout?: number | undefined }): VerifierClient
  /**
   * Resolves once every input added so far is processed and every epoch with inputs has its
   * claim computed and, unless acceptance is held, accepted on L1.
   *
   * @throws the failure of the node's last step, or {@link DevnodeStoppedError} when the node stops first
   */
  settle(): Promise<void>
  /** Holds back or releases the submission of computed claims (see {@link StartDevnodeParameters.claimAcceptance}). */
  setClaimAcceptance(mode: ClaimAcceptance): void
  /** Stops the node (and the chain it started); safe to call more than once. */
  stop(): Promise<void>
}

/**
 * Starts a chain (unless given one) and deploys the contracts, or resumes from the data
 * directory (its chain rebuilt from the journal), then runs the host node.
 *
 * @throws {DevnodeFileCorruptError} `ERR_DEVNODE_FILE_CORRUPT` when a file of the data directory
 *   fails its checksum or its own checks (the file and what differs are named)
 * @throws {DevnodeChainMismatchError} `ERR_DEVNODE_CHAIN_MISMATCH` when the data directory does not
 *   go with the chain: another chain, a journal that does not rebuild it, inputs or claims that
 *   differ from the chain's logs
 */
export async function startDevnode(parameters: StartDevnodeParameters = {}): Promise<Devnode> {
  const { dataDir, pollingInterval = 100 } = parameters
  const data = await openNodeData({ dataDir, chain: parameters.chain, chainPort: parameters.chainPort, epochLength: parameters.epochLength ?? 4 })
  const { chain, ownsChain, state, journal } = data
  const { deployment } = state
  // A resumed node keeps the root authorities its verifier state was built with.
  const rootAuthorities = (data.restored ? state.rootAuthorities : undefined) ?? parameters.rootAuthorities ?? [chain.accounts[1].address]
  state.rootAuthorities = [...rootAuthorities]
  // Whatever is started is stopped again, in reverse order, if the start fails half-way.
  const started: (() => unknown)[] = []
  const stopStarted = async () => {
    for (const stopOne of started.splice(0).reverse()) await stopOne()
  }
  if (ownsChain) started.push(() => chain.stop())

  let verifier: Verifier
  let rollup: RollupHttpServer
  let transport: Promise<void>
  let api: NodeApi
  const stopTransport = new AbortController()
  try {
    // The verifier, behind a rollup HTTP server, as it would run in host mode.
    verifier = await createVerifier({
      rootAuthorities,
      database: data.verifierDatabase,
      portals: { etherPortal: deployment.etherPortal, erc20Portal: deployment.erc20Portal },
    })
    started.push(() => verifier.close())
    rollup = await createRollupHttpServer({ idleMilliseconds: 1_000 })
    transport = runHttpTransport({ verifier, url: rollup.url, signal: stopTransport.signal }).catch((error: unknown) => {
      if (!stopTransport.signal.aborted) console.error(`dev node: the verifier's transport stopped: ${String(error)}`)
    })
    started.push(async () => {
      stopTransport.abort()
      await rollup.close()
      await transport
    })
    api = await createNodeApi({ state: () => state, applicationName: 'medcred', inspect: (payload) => rollup.inspect(payload), port: parameters.apiPort })
    started.push(() => api.close())
  } catch (error) {
    await stopStarted()
    throw error
  }
  const store = createNodeStore({ dataDir, state, chain, verifier, journal })
  // A fresh deployment is saved before anyone learns its addresses.
  if (!data.restored) await store.save().catch(async (error: unknown) => {
    await stopStarted()
    throw error
  })

  let claimAcceptance: ClaimAcceptance = parameters.claimAcceptance ?? 'auto'
  const reader = createInputReader({ chain, state, rollup, store, onInput: parameters.onInput })
  const claimer = createEpochClaimer({
    chain,
    state,
    store,
    readInputs: reader.readInputs,
    claimAcceptance: () => claimAcceptance,
    stateFile: dataDir ? join(dataDir, stateFileName) : 'the node state (no data directory)',
  })
  // Read new inputs, have the claims computed in an earlier step accepted, then compute the
  // claims of the epochs that closed: a claim is accepted at least one step after its proofs
  // appear, so clients see the gap a real node has.
  const loop = startNodeLoop({
    pollingInterval,
    onFailure: parameters.onError,
    step: async () => {
      await reader.readInputs()
      await claimer.acceptClaims()
      await claimer.computeClaims()
    },
  })

  let stopping: Promise<void> | undefined
  const stop = async () => {
    try {
      await loop.stop()
      // Blocks mined since the last step (a transaction sent just before Ctrl-C) are kept too.
      await store.recordChain()
    } finally {
      await stopStarted()
    }
  }

  return {
    chain,
    deployment,
    rootAuthorities,
    nodeUrl: api.url,
    resumed: data.restored,
    state: () => state,
    client: (account, options) =>
      createVerifierClient({
        publicClient: chain.publicClient,
        walletClient: chain.walletClient(account),
        application: deployment.application,
        rpcUrl: `${api.url}/rpc`,
        inputBox: deployment.inputBox,
        etherPortal: deployment.etherPortal,
        erc20Portal: deployment.erc20Portal,
        pollingInterval: 50,
        timeout: options?.timeout,
      }),
    async settle() {
      const target = Number(await chain.publicClient.getBlockNumber({ cacheTime: 0 }))
      for (;;) {
        const failure = loop.failure()
        if (failure) throw failure
        const computedAll = state.inputs.every((input) => state.claims.some((claim) => claim.epochIndex >= input.epochIndex))
        const acceptedAll = claimAcceptance === 'held' || state.claims.every((claim) => claim.transactionHash !== undefined)
        if (state.nextBlock > target && computedAll && acceptedAll) return
        if (loop.stopped()) throw new DevnodeStoppedError()
        await loop.nextStep()
      }
    },
    setClaimAcceptance(mode) {
      claimAcceptance = mode
    },
    stop: () => (stopping ??= stop()),
  }
}
