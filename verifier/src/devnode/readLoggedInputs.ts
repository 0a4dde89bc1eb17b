/**
 * @module
 * The application's inputs as the InputBox logged them (InputAdded), between two blocks: what
 * the input reader processes and what the start-up checks compare the stored inputs with.
 */
import type { Hex } from 'viem'
import type { RollupsDeployment } from './deployRollups.js'
import type { LocalChain } from './localChain/startLocalChain.js'
import { rollupsArtifact } from './rollupsArtifacts.js'

/** One InputAdded log, in the fields the dev node stores for an input. */
export type LoggedInput = { index: number; blockNumber: number; transactionHash: Hex; logIndex: number; rawData: Hex }

/** The application's InputAdded logs from `fromBlock` to `toBlock`, in order. */
export async function readLoggedInputs(chain: LocalChain, deployment: RollupsDeployment, fromBlock: number, toBlock: number): Promise<LoggedInput[]> {
  const logs = await chain.publicClient.getContractEvents({
    address: deployment.inputBox,
    abi: rollupsArtifact('InputBox').abi,
    eventName: 'InputAdded',
    args: { appContract: deployment.application },
    fromBlock: BigInt(fromBlock),
    toBlock: BigInt(toBlock),
  })
  return logs.map((log) => ({
    index: Number((log.args as { index: bigint }).index),
    blockNumber: Number(log.blockNumber),
    transactionHash: log.transactionHash as Hex,
    logIndex: Number(log.logIndex),
    rawData: (log.args as { input: Hex }).input,
  }))
}
