/**
 * @module
 * The dev node's input reader: reads the application's InputAdded logs from `nextBlock` to the
 * chain's head, runs each input it does not hold yet through the verifier (over the rollup HTTP
 * server, as in host mode), and keeps the input, its outputs and its reports. Each input is saved
 * with the verifier's snapshot that follows it; `nextBlock` moves past the head once every input
 * up to it is kept.
 */
import { encodeOutput, inputsAbi } from 'medcred/cartesi'
import { decodeFunctionData, type Hex } from 'viem'
import type { RollupHttpServer } from '../host/createRollupHttpServer.js'
import type { LocalChain } from './localChain/startLocalChain.js'
import type { NodeState, StoredInput } from './nodeState.js'
import type { NodeStore } from './nodeStore.js'
import { readLoggedInputs } from './readLoggedInputs.js'

export type InputReader = {
  /** Reads and processes the inputs up to the chain's current head. */
  readInputs(): Promise<void>
}

/** Parameters of {@link createInputReader}. */
export type CreateInputReaderParameters = {
  chain: LocalChain
  state: NodeState
  rollup: RollupHttpServer
  store: NodeStore
  /** Called for every input the node has processed (and saved). */
  onInput?: ((input: StoredInput) => void) | undefined
}

export function createInputReader(parameters: CreateInputReaderParameters): InputReader {
  const { chain, state, rollup, store } = parameters
  const { deployment } = state

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
    await store.save({ withVerifier: true })
    parameters.onInput?.(input)
  }

  return {
    async readInputs() {
      // viem caches the block number for a while; the node must see the block just mined.
      const head = Number(await chain.publicClient.getBlockNumber({ cacheTime: 0 }))
      if (head < state.nextBlock) return
      for (const { index, rawData, blockNumber, transactionHash, logIndex } of await readLoggedInputs(chain, deployment, state.nextBlock, head)) {
        // After a restart the node may read a block again: an input it holds is never redone.
        if (index < state.inputs.length) continue
        await processInput(index, rawData, blockNumber, transactionHash, logIndex)
      }
      state.nextBlock = head + 1
      await store.save()
    },
  }
}
