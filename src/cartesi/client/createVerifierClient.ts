/**
 * @module
 * A client of a medcred verifier deployed as a Cartesi application, on viem: it sends
 * actions to the InputBox, waits for the node to process them, reads verdicts and reports,
 * and validates a verdict notice (or executes a voucher) on L1 once its epoch's claim is
 * accepted there. It speaks a Cartesi Rollups Node v2's JSON-RPC (shapes from @cartesi/rpc),
 * so it works the same against the dev node and a real node. See docs/cartesi-client.md.
 */
import { type Account, type Address, type Chain, erc20Abi, type Hex, parseEventLogs, type PublicClient, type Transport, type WalletClient, hexToBigInt, hexToBytes } from 'viem'
import { createDealChallenge } from '../createDealChallenge.js'
import { ClaimTimeoutError } from '../errors.js'
import { createPresentationChallenge } from '../createPresentationChallenge.js'
import { decodeNotice } from '../decodeNotice.js'
import { encodeInput } from '../encodeInput.js'
import { encodeInspectQuery, type InspectQuery } from '../inspectQuery.js'
import { decodeReport, type VerifierReport } from '../reports.js'
import { applicationAbi, erc20PortalAbi, etherPortalAbi, inputBoxAbi } from '../rollupsAbi.js'
import type { DealApprovalNotice, VerdictNotice, VerifierAction } from '../types.js'
import { isOutputsMerkleRootAccepted, outputsMerkleRootOf } from './claimAcceptance.js'
import { describeFailure, revertOf } from './describeFailure.js'
import { NodeRequestError, TransactionFailedError, WaitTimeoutError } from './errors.js'
import { createNodeRpc, isNotFound, type NodeInput, type NodeOutput } from './nodeRpc.js'

type NodeInputStatus = NodeInput['status']

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
  /** The deployment's EtherPortal, for the client's `depositEther`. */
  etherPortal?: Address | undefined
  /** The deployment's ERC20Portal, for the client's `depositErc20`. */
  erc20Portal?: Address | undefined
  /** How long to wait for an input, a proof, or a claim's acceptance on L1, in ms. Default 120,000. */
  timeout?: number | undefined
  /** How often to ask the node, in ms. Default 250. */
  pollingInterval?: number | undefined
}

/** An output of an input, as the node reports it. */
export type InputOutput = { outputIndex: bigint; rawData: Hex; type: 'notice' | 'voucher' | 'other'; payload: Hex | undefined }

/** An output with the proof that puts it under its epoch's claim. */
export type ProvenOutput = {
  rawData: Hex
  proof: { outputIndex: bigint; outputHashesSiblings: Hex[] }
  /** The epoch whose claim the proof is against. */
  epochIndex: bigint
}

/** What became of an input. */
export type InputOutcome = {
  inputIndex: bigint
  /** `ACCEPTED`, `REJECTED`, or another terminal status of the node (@cartesi/rpc `InputStatus`). */
  status: NodeInputStatus
  outputs: InputOutput[]
  /** The verdicts among the outputs, decoded. */
  verdicts: (VerdictNotice & { outputIndex: bigint })[]
  /** The deal approvals among the outputs, decoded. */
  dealApprovals: (DealApprovalNotice & { outputIndex: bigint })[]
  /** The vouchers among the outputs (rewards, refunds, withdrawals): execute them with the client's `executeVoucher`. */
  vouchers: InputOutput[]
  reports: VerifierReport[]
}

/**
 * Creates a client of one medcred verifier application.
 *
 * - Docs: docs/cartesi-client.md, docs/protocol.md
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

  const requireWallet = (what: string) => {
    if (!walletClient) throw new NodeRequestError(`A wallet client is needed to ${what}.`)
    return walletClient
  }
  const requirePortal = (address: Address | undefined, name: string) => {
    if (!address) throw new NodeRequestError(`The client needs the deployment's ${name} address to deposit.`)
    return address
  }
  /** Sends a transaction; a refusal becomes a {@link TransactionFailedError} that names the contract's error. */
  async function write(call: string, send: () => Promise<Hex>): Promise<Hex> {
    try {
      return await send()
    } catch (cause) {
      throw new TransactionFailedError(`${call} failed: ${describeFailure(cause)}.`, { cause })
    }
  }

  /** The index of the input a mined transaction added to the InputBox. */
  async function addedInput(hash: Hex, call: string): Promise<{ inputIndex: bigint; transactionHash: Hex }> {
    const receipt = await publicClient.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success') throw new TransactionFailedError(`${call} reverted (${hash}).`)
    const [added] = parseEventLogs({ abi: inputBoxAbi, eventName: 'InputAdded', logs: receipt.logs })
    if (!added) throw new TransactionFailedError(`${call} logged no InputAdded event (${hash}).`)
    return { inputIndex: added.args.index, transactionHash: hash }
  }

  /** Whether the application's consensus on L1 holds the root the output's proof leads to. */
  async function acceptedOnL1({ rawData, proof }: ProvenOutput): Promise<boolean> {
    try {
      return await isOutputsMerkleRootAccepted(publicClient, application, outputsMerkleRootOf(rawData, proof))
    } catch (cause) {
      throw new NodeRequestError(`Could not read the claim of output ${proof.outputIndex} on L1: ${describeFailure(cause)}.`, { cause })
    }
  }

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
      const wallet = requireWallet('know the sender the challenge binds')
      return createPresentationChallenge({ chainId: publicClient.chain.id, application, sender: wallet.account.address, nonce })
    },

    /** The challenge to derive a deal presentation with, for this application, the deal and the wallet's account. */
    dealChallenge(dealId: bigint): string {
      if (!walletClient) throw new NodeRequestError('A wallet client is needed to know the provider the challenge binds.')
      return createDealChallenge({ chainId: publicClient.chain.id, application, dealId, provider: walletClient.account.address })
    },

    /** Sends an action to the InputBox and returns the input's index once mined. */
    async send(action: VerifierAction): Promise<{ inputIndex: bigint; transactionHash: Hex }> {
      const wallet = requireWallet('send inputs')
      // Encoded first: a bad action is the encoder's own typed error, not a failed transaction.
      const payload = encodeInput(action)
      return addedInput(await write('addInput', () => wallet.writeContract({ address: inputBox, abi: inputBoxAbi, functionName: 'addInput', args: [application, payload] })), 'addInput')
    },

    /** Deposits ETH to the wallet's balance in the application, through the EtherPortal. */
    async depositEther(amount: bigint): Promise<{ inputIndex: bigint; transactionHash: Hex }> {
      const wallet = requireWallet('deposit')
      const portal = requirePortal(parameters.etherPortal, 'etherPortal')
      return addedInput(
        await write('depositEther', () => wallet.writeContract({ address: portal, abi: etherPortalAbi, functionName: 'depositEther', args: [application, '0x'], value: amount })),
        'depositEther',
      )
    },

    /** Approves the ERC20Portal for `amount` of `token`, then deposits it to the wallet's balance in the application. */
    async depositErc20(token: Address, amount: bigint): Promise<{ inputIndex: bigint; transactionHash: Hex }> {
      const wallet = requireWallet('deposit')
      const portal = requirePortal(parameters.erc20Portal, 'erc20Portal')
      const approval = await write('approve', () => wallet.writeContract({ address: token, abi: erc20Abi, functionName: 'approve', args: [portal, amount] }))
      if ((await publicClient.waitForTransactionReceipt({ hash: approval })).status !== 'success') throw new TransactionFailedError(`approve reverted (${approval}).`)
      return addedInput(
        await write('depositERC20Tokens', () => wallet.writeContract({ address: portal, abi: erc20PortalAbi, functionName: 'depositERC20Tokens', args: [token, application, amount, '0x'] })),
        'depositERC20Tokens',
      )
    },

    /**
     * Waits until the claim of the voucher's epoch is accepted on L1, then executes it with
     * `Application.executeOutput` (from the wallet's account: anyone may execute a voucher).
     *
     * @throws {ClaimTimeoutError} `ERR_CARTESI_CLAIM_TIMEOUT` when the claim is not accepted within the timeout.
     * @throws {TransactionFailedError} `ERR_CARTESI_TRANSACTION_FAILED` when the voucher was already executed, or the
     *   execution reverted (the message names the Application's error, e.g. `OutputNotExecutable` for a notice).
     */
    async executeVoucher(outputIndex: bigint): Promise<{ transactionHash: Hex }> {
      const wallet = requireWallet('execute vouchers')
      const { rawData, proof } = await this.waitForAcceptedProof(outputIndex)
      // A second execution would revert with OutputNotReexecutable; say it in plain words instead.
      if (await publicClient.readContract({ address: application, abi: applicationAbi, functionName: 'wasOutputExecuted', args: [outputIndex] })) {
        throw new TransactionFailedError(`Output ${outputIndex} was already executed: the Application runs a voucher once.`)
      }
      const hash = await write(`executeOutput of output ${outputIndex}`, () => wallet.writeContract({ address: application, abi: applicationAbi, functionName: 'executeOutput', args: [rawData, proof] }))
      if ((await publicClient.waitForTransactionReceipt({ hash })).status !== 'success') throw new TransactionFailedError(`executeOutput of output ${outputIndex} reverted (${hash}).`)
      return { transactionHash: hash }
    },

    /** Waits until the node has processed the input, then reads its outputs and reports. */
    async waitForInput(inputIndex: bigint): Promise<InputOutcome> {
      const input = await poll(`input ${inputIndex}`, async () => {
        // Not found: the node has not read the input from L1 yet. An unknown application is an error.
        const found = await rpc.getInput(inputIndex).catch((error: unknown) => {
          if (isNotFound(error)) return undefined
          throw error
        })
        return found && found.status !== 'NONE' ? found : undefined
      })
      const [outputs, reports] = await Promise.all([rpc.listOutputs(inputIndex), rpc.listReports(inputIndex)])
      const shaped = outputs.map(toInputOutput)
      const notices = shaped.flatMap((output) => (output.type === 'notice' && output.payload ? [{ ...decodeNotice(output.payload), outputIndex: output.outputIndex }] : []))
      return {
        inputIndex,
        status: input.status,
        outputs: shaped,
        verdicts: notices.filter((notice) => notice.kind === 'verdict'),
        dealApprovals: notices.filter((notice) => notice.kind === 'dealApproval'),
        vouchers: shaped.filter((output) => output.type === 'voucher'),
        reports: reports.map((report) => decodeReport(report.raw_data)),
      }
    },

    /**
     * Waits until the node has a proof of the output and returns it. The node stores proofs when
     * it computes its epoch's claim, which may be before the claim is accepted on L1: to validate
     * or execute the output, use {@link waitForAcceptedProof} (as `validateNotice` and
     * `executeVoucher` do).
     */
    async waitForProof(outputIndex: bigint): Promise<ProvenOutput> {
      return poll(`the proof of output ${outputIndex}`, async () => {
        const output = await rpc.getOutput(outputIndex).catch((error: unknown) => {
          if (isNotFound(error)) return undefined
          throw error
        })
        return output ? provenOutput(outputIndex, output) : undefined
      })
    },

    /**
     * Waits until the claim of the output's epoch is accepted on L1, and returns the output with
     * its proof. Accepted means what `Application.validateOutput` checks: the application's
     * consensus holds the outputs Merkle root the proof leads to (`isOutputsMerkleRootValid`).
     * The node's view of the epoch (`cartesi_getEpoch` status: `CLAIM_COMPUTED`,
     * `CLAIM_SUBMITTED`, `CLAIM_ACCEPTED`...) is read to say where things stand on a timeout.
     *
     * @throws {ClaimTimeoutError} `ERR_CARTESI_CLAIM_TIMEOUT` when the claim is not accepted within the timeout;
     *   it names the output, its epoch and the last status seen.
     */
    async waitForAcceptedProof(outputIndex: bigint): Promise<ProvenOutput> {
      const deadline = Date.now() + timeout
      let epochIndex: bigint | undefined
      let lastStatus = 'the node has no such output yet'
      for (;;) {
        const output = await rpc.getOutput(outputIndex).catch((error: unknown) => {
          if (isNotFound(error)) return undefined
          throw error
        })
        if (output) {
          epochIndex = hexToBigInt(output.epoch_index)
          const epoch = await rpc.getEpoch(epochIndex).catch((error: unknown) => {
            if (isNotFound(error)) return undefined
            throw error
          })
          const status = epoch?.status ?? 'no such epoch at the node'
          const proven = provenOutput(outputIndex, output)
          if (!proven) lastStatus = `epoch ${status}, no proof of the output yet`
          else if (await acceptedOnL1(proven)) return proven
          else lastStatus = `epoch ${status}, the outputs Merkle root of its proof not (yet) accepted on L1`
        }
        if (Date.now() >= deadline) throw new ClaimTimeoutError({ outputIndex, epochIndex, lastStatus, timeout })
        await new Promise((resolve) => setTimeout(resolve, pollingInterval))
      }
    },

    /**
     * Whether the Application on L1 accepts `rawData` as output `proof.outputIndex` under a
     * claimed outputs root: `Application.validateOutput`, which reverts for anything else.
     *
     * @throws {NodeRequestError} `ERR_CARTESI_NODE_REQUEST` when the chain could not answer (a failure is not a `false`).
     */
    async validateOutput(rawData: Hex, proof: { outputIndex: bigint; outputHashesSiblings: readonly Hex[] }): Promise<boolean> {
      try {
        await publicClient.readContract({ address: application, abi: applicationAbi, functionName: 'validateOutput', args: [rawData, proof] })
        return true
      } catch (error) {
        if (revertOf(error)) return false
        throw new NodeRequestError(`Could not validate output ${proof.outputIndex} on L1: ${describeFailure(error)}.`, { cause: error })
      }
    },

    /**
     * Waits until the claim of the notice's epoch is accepted on L1, then validates the notice
     * there (`validateOutput`). Never a `false` for "not accepted yet": that is a timeout.
     *
     * @throws {ClaimTimeoutError} `ERR_CARTESI_CLAIM_TIMEOUT` when the claim is not accepted within the timeout.
     */
    async validateNotice(outputIndex: bigint): Promise<boolean> {
      const { rawData, proof } = await this.waitForAcceptedProof(outputIndex)
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

/** The output and its proof, once the node has one. */
function provenOutput(outputIndex: bigint, output: NodeOutput): ProvenOutput | undefined {
  const siblings = output.output_hashes_siblings
  if (!siblings) return undefined
  return { rawData: output.raw_data, proof: { outputIndex, outputHashesSiblings: siblings }, epochIndex: hexToBigInt(output.epoch_index) }
}

function toInputOutput(output: NodeOutput): InputOutput {
  const decoded = output.decoded_data
  const type = decoded?.type === 'Notice' ? 'notice' : decoded?.type === 'Voucher' ? 'voucher' : 'other'
  return { outputIndex: hexToBigInt(output.index), rawData: output.raw_data, type, payload: decoded && 'payload' in decoded ? (decoded.payload as Hex) : undefined }
}
