/**
 * @module
 * The dev node: a local chain with the Cartesi Rollups contracts, and a host-mode node that
 * reads the application's inputs from the InputBox, runs them through the medcred verifier
 * over the rollup HTTP API, keeps inputs, outputs and reports, and serves a Rollups Node's
 * JSON-RPC and inspect API. As a real node, it computes each closed epoch's claim (outputs
 * Merkle root; the outputs' proofs are served from then on) and has it accepted on L1 in a
 * later step (the Authority's submitClaim), which tests can hold back. No Docker, no Cartesi
 * CLI: everything runs from npm packages on Node 20.
 */
import { computeOutputsMerkleRoot, createVerifierClient, encodeOutput, inputsAbi, type VerifierClient } from 'medcred/cartesi'
import { type Account, type Address, decodeFunctionData, type Hex } from 'viem'
import { createVerifier, type Verifier } from '../createVerifier.js'
import { VerifierStateError } from '../errors.js'
import { createRollupHttpServer } from '../host/createRollupHttpServer.js'
import { runHttpTransport } from '../transports/runHttpTransport.js'
import { createNodeApi } from './createNodeApi.js'
import { deployRollups, type RollupsDeployment } from './deployRollups.js'
import { type LocalChain, startLocalChain } from './localChain/startLocalChain.js'
import { type NodeState, readNodeState, type StoredInput, writeNodeState } from './nodeState.js'
import { rollupsArtifact } from './rollupsArtifacts.js'

/** Parameters of {@link startDevnode}. */
export type StartDevnodeParameters = {
  /** Keep the node's data here; a restart with the same chain resumes from it. */
  dataDir?: string | undefined
  /** Attach to this chain instead of starting one (it is then not stopped with the node). */
  chain?: LocalChain | undefined
  /** Blocks per epoch. Default 4. */
  epochLength?: number | undefined
  /** Who may accredit issuers. Default: the chain's second account. */
  rootAuthorities?: readonly Address[] | undefined
  /** Port of the JSON-RPC and inspect API. Default: any free port. */
  apiPort?: number | undefined
  /** How often the node looks for new inputs, in ms. Default 100. */
  pollingInterval?: number | undefined
  /** Called for every input the node has processed. */
  onInput?: ((input: StoredInput) => void) | undefined
  /**
   * `auto` (default): a computed claim is submitted to the Authority (and so accepted on L1) in
   * the node's next step. `held`: claims are computed, their proofs served, but none is
   * submitted until {@link Devnode.setClaimAcceptance} says `auto`.
   */
  claimAcceptance?: ClaimAcceptance | undefined
}

/** Whether the dev node submits its computed claims to L1. */
export type ClaimAcceptance = 'auto' | 'held'

/** A running dev node. */
export type Devnode = {
  chain: LocalChain
  deployment: RollupsDeployment
  rootAuthorities: readonly Address[]
  /** The node's JSON-RPC endpoint (`…/rpc`) and inspect base (`…/inspect/<app>`) live here. */
  nodeUrl: string
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
   */
  settle(): Promise<void>
  /** Holds back or releases the submission of computed claims (see {@link StartDevnodeParameters.claimAcceptance}). */
  setClaimAcceptance(mode: ClaimAcceptance): void
  stop(): Promise<void>
}

/**
 * Starts a chain (unless given one), deploys the contracts (unless the data directory holds a
 * deployment on this chain), and the host node.
 *
 * @throws {VerifierStateError} when the data directory belongs to another chain.
 */
export async function startDevnode(parameters: StartDevnodeParameters = {}): Promise<Devnode> {
  const ownsChain = parameters.chain === undefined
  const chain = parameters.chain ?? (await startLocalChain())
  try {
    return await startOnChain(chain, ownsChain, parameters)
  } catch (error) {
    if (ownsChain) await chain.stop()
    throw error
  }
}

async function startOnChain(chain: LocalChain, ownsChain: boolean, parameters: StartDevnodeParameters): Promise<Devnode> {
  const { dataDir, pollingInterval = 100 } = parameters
  const rootAuthorities = parameters.rootAuthorities ?? [chain.accounts[1].address]
  const genesisHash = (await chain.publicClient.getBlock({ blockNumber: 0n })).hash
  const restored = dataDir ? readNodeState(dataDir) : undefined
  if (restored && (restored.state.genesisHash !== genesisHash || restored.state.chainId !== chain.chain.id)) {
    throw new VerifierStateError(`The data directory ${dataDir} belongs to another chain; use a new directory or the chain it was made with.`)
  }
  const state: NodeState = restored?.state ?? {
    chainId: chain.chain.id,
    genesisHash,
    deployment: await deployRollups({ chain, epochLength: parameters.epochLength ?? 4 }),
    nextBlock: 0,
    inputs: [],
    outputs: [],
    reports: [],
    claims: [],
  }
  if (!restored) state.nextBlock = state.deployment.deploymentBlock
  const { deployment } = state

  // The verifier, behind a rollup HTTP server, as it would run in host mode.
  const verifier = await createVerifier({
    rootAuthorities,
    database: restored?.verifierDatabase,
    portals: { etherPortal: deployment.etherPortal, erc20Portal: deployment.erc20Portal },
  })
  const rollup = await createRollupHttpServer({ idleMilliseconds: 1_000 })
  const stopTransport = new AbortController()
  const transport = runHttpTransport({ verifier, url: rollup.url, signal: stopTransport.signal }).catch((error: unknown) => {
    if (!stopTransport.signal.aborted) console.error(`dev node: the verifier's transport stopped: ${String(error)}`)
  })
  const api = await createNodeApi({ state: () => state, applicationName: 'medcred', inspect: (payload) => rollup.inspect(payload), port: parameters.apiPort })
  const persist = async (withVerifier: boolean) => {
    if (dataDir) writeNodeState(dataDir, state, withVerifier ? await exportWhenIdle(verifier) : undefined)
  }

  const inputBoxAbi = rollupsArtifact('InputBox').abi
  const authorityAbi = rollupsArtifact('Authority').abi

  // viem caches the block number for a while; the node must see the block just mined.
  const currentBlock = async () => Number(await chain.publicClient.getBlockNumber({ cacheTime: 0 }))

  async function readInputs(): Promise<void> {
    const head = await currentBlock()
    if (head < state.nextBlock) return
    const logs = await chain.publicClient.getContractEvents({
      address: deployment.inputBox,
      abi: inputBoxAbi,
      eventName: 'InputAdded',
      args: { appContract: deployment.application },
      fromBlock: BigInt(state.nextBlock),
      toBlock: BigInt(head),
    })
    for (const log of logs) {
      const { index, input } = log.args as { index: bigint; input: Hex }
      // After a restart the node may read a block again: an input it holds is never redone.
      if (Number(index) < state.inputs.length) continue
      await processInput(Number(index), input, Number(log.blockNumber), log.transactionHash as Hex, Number(log.logIndex))
    }
    state.nextBlock = head + 1
    await persist(false)
  }

  async function processInput(index: number, rawData: Hex, blockNumber: number, transactionHash: Hex, logIndex: number): Promise<void> {
    const { args } = decodeFunctionData({ abi: inputsAbi, data: rawData })
    const [chainId, appContract, msgSender, , blockTimestamp, prevRandao, inputIndex, payload] = args
    const epochIndex = Math.floor(blockNumber / deployment.epochLength)
    const result = await rollup.advance({ chainId, appContract, msgSender, blockNumber: BigInt(blockNumber), blockTimestamp, prevRandao, inputIndex }, payload)
    const input: StoredInput = {
      index,
      epochIndex,
      blockNumber,
      blockTimestamp: Number(blockTimestamp),
      transactionHash,
      logIndex,
      sender: msgSender,
      rawData,
      payload,
      status: result.status === 'accept' ? 'ACCEPTED' : 'REJECTED',
    }
    state.inputs.push(input)
    for (const output of result.outputs) state.outputs.push({ index: state.outputs.length, inputIndex: index, epochIndex, rawData: encodeOutput(output), decoded: output })
    for (const report of result.reports) state.reports.push({ index: state.reports.length, inputIndex: index, epochIndex, rawData: report })
    await persist(true)
    parameters.onInput?.(input)
  }

  /**
   * Computes the claim of every closed epoch with inputs: its outputs Merkle root, over every
   * output so far. From then on the node serves the outputs' proofs (`CLAIM_COMPUTED`), as a
   * real node does before its claim is accepted.
   */
  async function computeClaims(): Promise<void> {
    const lastComputed = state.claims.at(-1)?.epochIndex ?? -1
    const pending = [...new Set(state.inputs.filter((input) => input.epochIndex > lastComputed).map((input) => input.epochIndex))]
    for (const epochIndex of pending) {
      const lastBlock = (epochIndex + 1) * deployment.epochLength - 1
      const head = await currentBlock()
      // A claim must name a past block: close the epoch by mining empty blocks to its end.
      if (head <= lastBlock) {
        await chain.publicClient.request({ method: 'hardhat_mine' as never, params: [`0x${(lastBlock - head + 1).toString(16)}`] as never })
        await readInputs()
      }
      const outputCount = state.outputs.filter((output) => output.epochIndex <= epochIndex).length
      const outputsMerkleRoot = computeOutputsMerkleRoot(state.outputs.slice(0, outputCount).map((output) => output.rawData))
      state.claims.push({ epochIndex, lastBlock, outputCount, outputsMerkleRoot })
      await persist(false)
    }
  }

  /** Has every computed claim accepted on L1, in epoch order, unless acceptance is held. */
  async function acceptClaims(): Promise<void> {
    for (const claim of state.claims) {
      if (claimAcceptance === 'held') return
      if (claim.transactionHash) continue
      const { epochIndex, lastBlock, outputsMerkleRoot } = claim
      claim.transactionHash = (await acceptedClaim(epochIndex, lastBlock, outputsMerkleRoot)) ?? (await submitClaim(epochIndex, lastBlock, outputsMerkleRoot))
      await persist(false)
    }
  }

  /**
   * The transaction of the claim the Authority already accepted for this epoch, if any: the
   * node may have stopped after its claim was mined but before it saved it, and the Authority
   * takes one claim per epoch. Read from the events, as the same root may stand for several epochs.
   *
   * @throws {VerifierStateError} when the accepted root is not the one the node computed.
   */
  async function acceptedClaim(epochIndex: number, lastBlock: number, outputsMerkleRoot: Hex): Promise<Hex | undefined> {
    const logs = await chain.publicClient.getContractEvents({
      address: deployment.authority,
      abi: authorityAbi,
      eventName: 'ClaimAccepted',
      args: { appContract: deployment.application },
      fromBlock: BigInt(lastBlock + 1),
    })
    const accepted = logs.find((log) => (log.args as { lastProcessedBlockNumber: bigint }).lastProcessedBlockNumber === BigInt(lastBlock))
    if (!accepted) return undefined
    const root = (accepted.args as { outputsMerkleRoot: Hex }).outputsMerkleRoot
    if (root !== outputsMerkleRoot) {
      throw new VerifierStateError(
        `The Authority accepted the outputs root ${root} for epoch ${epochIndex} (${accepted.transactionHash}), but the node computes ${outputsMerkleRoot}: its data directory does not match the chain; start it with a new one.`,
      )
    }
    return accepted.transactionHash as Hex
  }

  async function submitClaim(epochIndex: number, lastBlock: number, outputsMerkleRoot: Hex): Promise<Hex> {
    const hash = await chain.walletClient(chain.accounts[0]).writeContract({
      address: deployment.authority,
      abi: authorityAbi,
      functionName: 'submitClaim',
      args: [deployment.application, BigInt(lastBlock), outputsMerkleRoot],
    })
    const receipt = await chain.publicClient.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success') throw new Error(`the claim for epoch ${epochIndex} reverted (${hash})`)
    return hash
  }

  // One loop, one step at a time: read new inputs, have the claims computed in an earlier step
  // accepted, then compute the claims of the epochs that closed. A claim is thus accepted at
  // least one step after its proofs appear: clients see the gap a real node has.
  let claimAcceptance: ClaimAcceptance = parameters.claimAcceptance ?? 'auto'
  let running = true
  let idle: Promise<void> = Promise.resolve()
  let failure: unknown
  const loop = (async () => {
    while (running) {
      let release = () => {}
      idle = new Promise((resolve) => (release = resolve))
      try {
        await readInputs()
        await acceptClaims()
        await computeClaims()
      } catch (error) {
        if (running) failure = error
      }
      release()
      await new Promise((resolve) => setTimeout(resolve, pollingInterval))
    }
  })()

  return {
    chain,
    deployment,
    rootAuthorities,
    nodeUrl: api.url,
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
      const target = await currentBlock()
      for (;;) {
        if (failure) throw failure
        await idle
        const computedAll = state.inputs.every((input) => state.claims.some((claim) => claim.epochIndex >= input.epochIndex))
        const acceptedAll = claimAcceptance === 'held' || state.claims.every((claim) => claim.transactionHash !== undefined)
        if (state.nextBlock > target && computedAll && acceptedAll) return
        await new Promise((resolve) => setTimeout(resolve, pollingInterval))
      }
    },
    setClaimAcceptance(mode) {
      claimAcceptance = mode
    },
    async stop() {
      running = false
      await loop
      stopTransport.abort()
      await rollup.close()
      await transport
      await api.close()
      verifier.close()
      if (ownsChain) await chain.stop()
    },
  }
}

/** Exports the verifier's database between inputs (an inspect may be running for a moment). */
async function exportWhenIdle(verifier: Verifier): Promise<Uint8Array> {
  for (let attempt = 0; ; attempt++) {
    try {
      return verifier.exportDatabase()
    } catch (error) {
      if (attempt > 100) throw error
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
}
