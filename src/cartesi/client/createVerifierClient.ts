/**
 * @module
 * A client of a medcred verifier deployed as a Cartesi application, on viem. Each operation is
 * an action of its own under `./actions/` (`sendInput`, `waitForInput`, `validateNotice`...),
 * a function `(client, parameters)`; this file binds them to one client, the way viem binds its
 * actions to a public client. The client speaks a Cartesi Rollups Node v2's JSON-RPC (shapes
 * from @cartesi/rpc), so it works the same against the dev node and a real node. Exported from
 * `medcred/cartesi`. See docs/cartesi-client.md.
 */
import type { Account, Address, Chain, Hex, PublicClient, Transport, WalletClient } from 'viem'
import { depositErc20, type DepositErc20ReturnType } from './actions/depositErc20.js'
import { depositEther, type DepositEtherReturnType } from './actions/depositEther.js'
import { executeVoucher, type ExecuteVoucherReturnType } from './actions/executeVoucher.js'
import { getDealChallenge, type GetDealChallengeReturnType } from './actions/getDealChallenge.js'
import { getPresentationChallenge, type GetPresentationChallengeReturnType } from './actions/getPresentationChallenge.js'
import { inspectVerifier, type InspectVerifierParameters, type InspectVerifierReturnType } from './actions/inspectVerifier.js'
import { sendInput, type SendInputParameters, type SendInputReturnType } from './actions/sendInput.js'
import { validateNotice, type ValidateNoticeReturnType } from './actions/validateNotice.js'
import { validateOutput, type ValidateOutputReturnType } from './actions/validateOutput.js'
import { waitForAcceptedProof, type WaitForAcceptedProofReturnType } from './actions/waitForAcceptedProof.js'
import { waitForInput, type WaitForInputReturnType } from './actions/waitForInput.js'
import { waitForProof, type WaitForProofReturnType } from './actions/waitForProof.js'
import type { OutputProof, VerifierClientBase } from './types.js'

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

/**
 * The actions bound to one client. They close over the client and use no `this`, so
 * `const { waitForInput } = client` works. Each keeps the call shape the client has always had;
 * the action it calls takes a parameters object (`waitForInput(inputIndex)` calls
 * `waitForInput(client, { inputIndex })`).
 */
export type VerifierActions = {
  /** The challenge to derive a presentation with, for this application and the wallet's account. See `getPresentationChallenge`. */
  challenge: (nonce: Hex) => GetPresentationChallengeReturnType
  /** The challenge to derive a deal presentation with, for this application, the deal and the wallet's account. See `getDealChallenge`. */
  dealChallenge: (dealId: bigint) => GetDealChallengeReturnType
  /** Sends an action to the InputBox and returns the input's index once mined. See `sendInput`. */
  send: (action: SendInputParameters) => Promise<SendInputReturnType>
  /** Deposits ETH to the wallet's balance in the application, through the EtherPortal. See `depositEther`. */
  depositEther: (amount: bigint) => Promise<DepositEtherReturnType>
  /** Approves the ERC20Portal for `amount` of `token`, then deposits it to the wallet's balance in the application. See `depositErc20`. */
  depositErc20: (token: Address, amount: bigint) => Promise<DepositErc20ReturnType>
  /** Waits until the claim of the voucher's epoch is accepted on L1, then executes it. See `executeVoucher`. */
  executeVoucher: (outputIndex: bigint) => Promise<ExecuteVoucherReturnType>
  /** Waits until the node has processed the input, then reads its outputs and reports. See `waitForInput`. */
  waitForInput: (inputIndex: bigint) => Promise<WaitForInputReturnType>
  /** Waits until the node has a proof of the output (its epoch's claim computed, not necessarily accepted). See `waitForProof`. */
  waitForProof: (outputIndex: bigint) => Promise<WaitForProofReturnType>
  /** Waits until the claim of the output's epoch is accepted on L1, and returns the output with its proof. See `waitForAcceptedProof`. */
  waitForAcceptedProof: (outputIndex: bigint) => Promise<WaitForAcceptedProofReturnType>
  /** Whether the Application on L1 accepts the output under a claimed root, now. See `validateOutput`. */
  validateOutput: (rawData: Hex, proof: OutputProof) => Promise<ValidateOutputReturnType>
  /** Waits until the claim of the notice's epoch is accepted on L1, then validates the notice there. See `validateNotice`. */
  validateNotice: (outputIndex: bigint) => Promise<ValidateNoticeReturnType>
  /** Asks the verifier a question (an inspect query) and returns its answer. See `inspectVerifier`. */
  inspect: (query: InspectVerifierParameters) => Promise<InspectVerifierReturnType>
}

/** A client made by {@link createVerifierClient}: its settings, and its actions bound to them. */
export type VerifierClient = VerifierClientBase & VerifierActions

/**
 * Creates a client of one medcred verifier application: it sends actions to the InputBox,
 * waits for the node to process them, reads verdicts and reports, and validates a verdict
 * notice (or executes a voucher) on L1 once its epoch's claim is accepted there.
 *
 * Every method is also an action of its own, exported from `medcred/cartesi`, that takes the
 * client as its first argument: `waitForInput(client, { inputIndex })`.
 *
 * - Docs: docs/cartesi-client.md, docs/protocol.md
 *
 * @param parameters - {@link CreateVerifierClientParameters}
 * @returns a {@link VerifierClient}
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
export function createVerifierClient(parameters: CreateVerifierClientParameters): VerifierClient {
  const client: VerifierClientBase = {
    application: parameters.application,
    publicClient: parameters.publicClient,
    walletClient: parameters.walletClient,
    inputBox: parameters.inputBox ?? canonicalInputBox,
    etherPortal: parameters.etherPortal,
    erc20Portal: parameters.erc20Portal,
    rpcUrl: parameters.rpcUrl,
    inspectUrl: parameters.inspectUrl ?? defaultInspectUrl(parameters.rpcUrl),
    timeout: parameters.timeout ?? 120_000,
    pollingInterval: parameters.pollingInterval ?? 250,
  }
  return {
    ...client,
    challenge: (nonce) => getPresentationChallenge(client, { nonce }),
    dealChallenge: (dealId) => getDealChallenge(client, { dealId }),
    send: (action) => sendInput(client, action),
    depositEther: (amount) => depositEther(client, { amount }),
    depositErc20: (token, amount) => depositErc20(client, { token, amount }),
    executeVoucher: (outputIndex) => executeVoucher(client, { outputIndex }),
    waitForInput: (inputIndex) => waitForInput(client, { inputIndex }),
    waitForProof: (outputIndex) => waitForProof(client, { outputIndex }),
    waitForAcceptedProof: (outputIndex) => waitForAcceptedProof(client, { outputIndex }),
    validateOutput: (rawData, proof) => validateOutput(client, { rawData, proof }),
    validateNotice: (outputIndex) => validateNotice(client, { outputIndex }),
    inspect: (query) => inspectVerifier(client, query),
  }
}

/** `<rpcUrl>/../inspect`: a node serves `/rpc` and `/inspect` side by side. */
function defaultInspectUrl(rpcUrl: string): string {
  return new URL('../inspect', new URL(rpcUrl.replace(/\/?$/, '/'))).href.replace(/\/$/, '')
}
