/**
 * @module
 * The types the client's actions share: the client they take (its settings, defaults filled
 * in) and what they return about inputs and outputs. Exported from `medcred/cartesi`.
 */
import type { Account, Address, Chain, Hex, PublicClient, Transport, WalletClient } from 'viem'
import type { VerifierReport } from '../reports.js'
import type { DealApprovalNotice, VerdictNotice } from '../types.js'
import type { NodeInput } from './internal/nodeRpc.js'

/**
 * What every action reads of a client: the chain clients, the contracts, the node's endpoints
 * and how to wait. A `VerifierClient` is one, so its actions can be called as functions:
 * `waitForInput(client, { inputIndex })` does what `client.waitForInput(inputIndex)` does.
 */
export type VerifierClientBase = {
  /** The application contract. */
  readonly application: Address
  readonly publicClient: PublicClient<Transport, Chain>
  /** Sends actions, deposits and voucher executions; reading and validating do without. */
  readonly walletClient: WalletClient<Transport, Chain, Account> | undefined
  readonly inputBox: Address
  readonly etherPortal: Address | undefined
  readonly erc20Portal: Address | undefined
  /** The node's JSON-RPC endpoint, e.g. `http://127.0.0.1:6751/rpc`. */
  readonly rpcUrl: string
  /** The node's inspect base; `<inspectUrl>/<application>` is posted to. */
  readonly inspectUrl: string
  /** How long to wait for an input, a proof, or a claim's acceptance on L1, in ms. */
  readonly timeout: number
  /** How often to ask the node (and L1) while waiting, in ms. */
  readonly pollingInterval: number
}

/** An output of an input, as the node reports it. */
export type InputOutput = { outputIndex: bigint; rawData: Hex; type: 'notice' | 'voucher' | 'other'; payload: Hex | undefined }

/** The proof that puts an output under its epoch's outputs Merkle root (the Application's `OutputValidityProof`). */
export type OutputProof = { outputIndex: bigint; outputHashesSiblings: readonly Hex[] }

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
  status: NodeInput['status']
  outputs: InputOutput[]
  /** The verdicts among the outputs, decoded. */
  verdicts: (VerdictNotice & { outputIndex: bigint })[]
  /** The deal approvals among the outputs, decoded. */
  dealApprovals: (DealApprovalNotice & { outputIndex: bigint })[]
  /** The vouchers among the outputs (rewards, refunds, withdrawals): execute them with `executeVoucher`. */
  vouchers: InputOutput[]
  reports: VerifierReport[]
}
