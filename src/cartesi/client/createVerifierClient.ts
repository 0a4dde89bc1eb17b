/**
 * @module
 * A client of a medcred verifier deployed as a Cartesi application, on viem: it sends
 * actions to the InputBox, waits for the node to process them, reads verdicts and reports,
 * and validates a verdict notice on L1. It speaks a Cartesi Rollups Node v2's JSON-RPC, so
 * it works the same against the dev node and a real node.
 */
import { type Account, type Address, type Chain, type Hex, parseEventLogs, type PublicClient, type Transport, type WalletClient, hexToBigInt, hexToBytes } from 'viem'
import { createPresentationChallenge } from '../createPresentationChallenge.js'
import { encodeInput } from '../encodeInput.js'
import { encodeInspectQuery, type InspectQuery } from '../inspectQuery.js'
import { decodeReport, type VerifierReport } from '../reports.js'
import { applicationAbi, inputBoxAbi } from '../rollupsAbi.js'
import type { VerdictNotice, VerifierAction } from '../types.js'
import { decodeVerdictNotice } from '../verdictNotice.js'
import { NodeRequestError, TransactionFailedError, WaitTimeoutError } from './errors.js'
import { createNodeRpc, type NodeOutput } from './nodeRpc.js'

/** Where the InputBox of Cartesi Rollups 2.x lives on every chain. */
export const canonicalInputBox: Address = '0x1b51e2992A2755Ba4D6F7094032DF91991a0Cfac'

/** Parameters of {@link createVerifierClient}. */
export type CreateVerifierClientParameters = {
  publicClient: PublicClient<Transport, Chain>
  /** Needed to send actions; reading and validating need only the public client. */
  walletClient?: WalletClient<Transport, Chain, Account> | undefined
  /** The application contract. */
  application: Address
  /** The node's JSON-RPC endpoint, e.g. `http://127.0.0.1:6751/rpc`. */
  rpcUrl: string
  /** The node's inspect base; `<inspectUrl>/<application>` is posted to. Default: beside `rpcUrl`. */
  inspectUrl?: string | undefined
  inputBox?: Address | undefined
  /** How long to wait for an input or a proof, in ms. Default 120,000. */
  timeout?: number | undefined
  /** How often to ask the node, in ms. Default 250. */
  pollingInterval?: number | undefined
}

/** An output of an input, as the node reports it. */
export type InputOutput = { outputIndex: bigint; rawData: Hex; type: 'notice' | 'voucher' | 'other'; payload: Hex | undefined }

/** What became of an input. */
export type InputOutcome = {
  inputIndex: bigint
  /** `ACCEPTED`, `REJECTED`, or another terminal status of the node. */
  status: string
  outputs: InputOutput[]
  /** The verdicts among the outputs, decoded. */
  verdicts: (VerdictNotice & { outputIndex: bigint })[]
  reports: VerifierReport[]
}

/**
 * Creates a client of one medcred verifier application.
 *
 * - Docs: docs/protocol.md
 *
 * @example
 * ```ts
 * import { createVerifierClient } from 'medcred/cartesi'
 * const client = createVerifierClient({ publicClient, walletClient, application, rpcUrl: 'http://127.0.0.1:6751/rpc' })
 * const { inputIndex } = await client.send({ action: 'submitPresentation', nonce, presentation })
 * const { status, verdicts, reports } = await client.waitForInput(inputIndex)
 * const valid = await client.validateNotice(verdicts[0].outputIndex)
 * ```
 */
export function createVerifierClient(parameters: CreateVerifierClientParameters) {
  const { publicClient, walletClient, application } = parameters
  const inputBox = parameters.inputBox ?? canonicalInputBox
  const timeout = parameters.timeout ?? 120_000
  const pollingInterval = parameters.pollingInterval ?? 250
  const rpc = createNodeRpc(parameters.rpcUrl, application)
  const inspectUrl = parameters.inspectUrl ?? new URL('../inspect', new URL(parameters.rpcUrl.replace(/\/?$/, '/'))).href.replace(/\/$/, '')

  /** Polls until `probe` gives a value, or the timeout passes. */
  async function poll<Value>(what: string, probe: () => Promise<Value | undefined>): Promise<Value> {
    const deadline = Date.now() + timeout
    for (;;) {
      const value = await probe()
      if (value !== undefined) return value
      if (Date.now() > deadline) throw new WaitTimeoutError(`Gave up waiting for ${what} after ${timeout} ms.`)
      await new Promise((resolve) => setTimeout(resolve, pollingInterval))
    }
  }

  return {
    application,

    /** The challenge to derive a presentation with, for this application and the wallet's account. */
    challenge(nonce: Hex): string {
      if (!walletClient) throw new NodeRequestError('A wallet client is needed to know the sender the challenge binds.')
      return createPresentationChallenge({ chainId: publicClient.chain.id, application, sender: walletClient.account.address, nonce })
    },

    /** Sends an action to the InputBox and returns the input's index once mined. */
    async send(action: VerifierAction): Promise<{ inputIndex: bigint; transactionHash: Hex }> {
      if (!walletClient) throw new NodeRequestError('A wallet client is needed to send inputs.')
      const hash = await walletClient.writeContract({ address: inputBox, abi: inputBoxAbi, functionName: 'addInput', args: [application, encodeInput(action)] })
      const receipt = await publicClient.waitForTransactionReceipt({ hash })
      if (receipt.status !== 'success') throw new TransactionFailedError(`addInput reverted (${hash}).`)
      const [added] = parseEventLogs({ abi: inputBoxAbi, eventName: 'InputAdded', logs: receipt.logs })
      if (!added) throw new TransactionFailedError(`addInput logged no InputAdded event (${hash}).`)
      return { inputIndex: added.args.index, transactionHash: hash }
    },

    /** Waits until the node has processed the input, then reads its outputs and reports. */
    async waitForInput(inputIndex: bigint): Promise<InputOutcome> {
      const input = await poll(`input ${inputIndex}`, async () => {
        const found = await rpc.getInput(inputIndex).catch((error: unknown) => {
          if (error instanceof NodeRequestError && (error.details as { code?: number } | undefined)?.code !== undefined) return undefined
          throw error
        })
        return found && found.status !== 'NONE' ? found : undefined
      })
      const [outputs, reports] = await Promise.all([rpc.listOutputs(inputIndex), rpc.listReports(inputIndex)])
      const shaped = outputs.map(toInputOutput)
      return {
        inputIndex,
        status: input.status,
        outputs: shaped,
        verdicts: shaped.flatMap((output) => (output.type === 'notice' && output.payload ? [{ ...decodeVerdictNotice(output.payload), outputIndex: output.outputIndex }] : [])),
        reports: reports.map((report) => decodeReport(report.raw_data)),
      }
    },

    /** Waits for the output's epoch to be claimed and returns it with its proof. */
    async waitForProof(outputIndex: bigint): Promise<{ rawData: Hex; proof: { outputIndex: bigint; outputHashesSiblings: Hex[] } }> {
      const output = await poll(`the proof of output ${outputIndex}`, async () => {
        const found = await rpc.getOutput(outputIndex)
        return found.output_hashes_siblings ? found : undefined
      })
      return { rawData: output.raw_data, proof: { outputIndex, outputHashesSiblings: output.output_hashes_siblings as Hex[] } }
    },

    /**
     * Whether the Application on L1 accepts `rawData` as output `proof.outputIndex` under a
     * claimed outputs root: `Application.validateOutput`, which reverts for anything else.
     */
    async validateOutput(rawData: Hex, proof: { outputIndex: bigint; outputHashesSiblings: readonly Hex[] }): Promise<boolean> {
      try {
        await publicClient.readContract({ address: application, abi: applicationAbi, functionName: 'validateOutput', args: [rawData, proof] })
        return true
      } catch {
        return false
      }
    },

    /** Waits for a notice's proof and validates it on L1. */
    async validateNotice(outputIndex: bigint): Promise<boolean> {
      const { rawData, proof } = await this.waitForProof(outputIndex)
      return this.validateOutput(rawData, proof)
    },

    /** Asks the verifier a question (an inspect query) and returns its answer. */
    async inspect(query: InspectQuery): Promise<VerifierReport> {
      const response = await fetch(`${inspectUrl}/${application}`, { method: 'POST', body: new Blob([hexToBytes(encodeInspectQuery(query)) as Uint8Array<ArrayBuffer>]) })
      if (!response.ok) throw new NodeRequestError(`The node answered the inspect with HTTP ${response.status}.`)
      const body = (await response.json()) as { reports?: { payload: Hex }[] }
      const first = body.reports?.[0]
      if (!first) throw new NodeRequestError('The inspect produced no report.')
      return decodeReport(first.payload)
    },
  }
}

/** A client made by {@link createVerifierClient}. */
export type VerifierClient = ReturnType<typeof createVerifierClient>

function toInputOutput(output: NodeOutput): InputOutput {
  const decoded = output.decoded_data
  const type = decoded?.type === 'Notice' ? 'notice' : decoded?.type === 'Voucher' ? 'voucher' : 'other'
  return { outputIndex: hexToBigInt(output.index), rawData: output.raw_data, type, payload: decoded && 'payload' in decoded ? (decoded.payload as Hex) : undefined }
}
