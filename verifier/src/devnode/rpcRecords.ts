/**
 * @module
 * The dev node's records in the shapes of the Rollups Node v2 JSON-RPC (@cartesi/rpc types):
 * the application, its epochs (with the status the node's view of the chain gives), inputs,
 * outputs (with their proofs once their epoch's claim is computed) and reports, built from the
 * node's state when asked.
 */
import type { Application, Epoch, EpochStatus, Input, Output, Report } from '@cartesi/rpc'
import { createOutputValidityProof, inputsAbi } from 'medcred/cartesi'
import { decodeFunctionData, getAddress, type Hex, keccak256, numberToHex, zeroAddress, zeroHash } from 'viem'
import type { NodeState, StoredClaim, StoredInput, StoredOutput, StoredReport } from './nodeState.js'

export type RpcRecords = {
  application(): Application
  epochs(): Epoch[]
  input(input: StoredInput): Input
  output(output: StoredOutput): Output
  report(report: StoredReport): Report
  /** How many inputs the node has processed. */
  processedCount(): number
}

/** Parameters of {@link createRpcRecords}. */
export type CreateRpcRecordsParameters = {
  state: () => NodeState
  /** The application's name on this node. */
  applicationName: string
}

export function createRpcRecords(parameters: CreateRpcRecordsParameters): RpcRecords {
  const { state } = parameters
  const name = parameters.applicationName
  const processedCount = () => state().inputs.filter((input) => input.status !== 'NONE').length
  const timestamp = (seconds: number | undefined) => new Date((seconds ?? 0) * 1000).toISOString()
  /** The last block the node has read. */
  const checkedBlock = () => Math.max(state().nextBlock - 1, 0)

  function toRpcApplication(): Application {
    const { deployment, inputs } = state()
    const created = timestamp(inputs[0]?.blockTimestamp)
    const updated = timestamp(inputs.at(-1)?.blockTimestamp)
    const checked = numberToHex(checkedBlock())
    const zero = numberToHex(0)
    return {
      name,
      iapplication_address: getAddress(deployment.application),
      iconsensus_address: getAddress(deployment.authority),
      iinputbox_address: getAddress(deployment.inputBox),
      template_hash: deployment.templateHash ?? zeroHash,
      epoch_length: numberToHex(deployment.epochLength),
      claim_staging_period: zero,
      withdrawal_config: { guardian: zeroAddress, log2_leaves_per_account: zero, log2_max_num_of_accounts: zero, accounts_drive_start_index: zero, withdrawal_output_builder: zeroAddress },
      data_availability: deployment.dataAvailability ?? '0x',
      consensus_type: 'AUTHORITY',
      enabled: true,
      status: 'OK',
      reason: null,
      iinputbox_block: numberToHex(deployment.inputBoxBlock ?? deployment.deploymentBlock),
      last_epoch_check_block: checked,
      last_input_check_block: checked,
      last_output_check_block: checked,
      last_tournament_check_block: zero,
      last_foreclose_check_block: zero,
      last_accounts_drive_proved_check_block: zero,
      last_withdrawal_check_block: zero,
      processed_inputs: numberToHex(processedCount()),
      foreclose_block: zero,
      foreclose_transaction: zeroHash,
      accounts_drive_proved_block: zero,
      accounts_drive_proved_transaction: zeroHash,
      accounts_drive_merkle_root: zeroHash,
      created_at: created,
      updated_at: updated,
      execution_parameters: {
        snapshot_policy: 'NONE',
        advance_inc_cycles: zero,
        advance_max_cycles: zero,
        inspect_inc_cycles: zero,
        inspect_max_cycles: zero,
        advance_inc_deadline: zero,
        advance_max_deadline: zero,
        inspect_inc_deadline: zero,
        inspect_max_deadline: zero,
        load_deadline: zero,
        store_deadline: zero,
        fast_deadline: zero,
        max_concurrent_inspects: 1,
        created_at: created,
        updated_at: created,
      },
    }
  }

  /**
   * The epochs that have inputs (a node creates one when an input falls in it), oldest first,
   * with the status the node's view of the chain gives: `OPEN` until its last block is read,
   * `INPUTS_PROCESSED` (the dev node processes an input as soon as it reads it), then
   * `CLAIM_COMPUTED` with the outputs Merkle root and the outputs' proofs, then `CLAIM_ACCEPTED`
   * once the Authority accepted the claim. (An Authority accepts a claim in the transaction that
   * submits it, so `CLAIM_SUBMITTED` is never seen here; a Quorum would show it.)
   */
  function epochs(): Epoch[] {
    const { deployment, inputs, claims } = state()
    const indices = [...new Set(inputs.map((input) => input.epochIndex))]
    return indices.map((index, virtualIndex) => {
      const within = inputs.filter((input) => input.epochIndex === index)
      const first = within[0] as StoredInput
      const last = within.at(-1) as StoredInput
      const lastBlock = (index + 1) * deployment.epochLength - 1
      const claim = claims.find((candidate) => candidate.epochIndex === index)
      return {
        index: numberToHex(index),
        first_block: numberToHex(index * deployment.epochLength),
        last_block: numberToHex(lastBlock),
        input_index_lower_bound: numberToHex(first.index),
        input_index_upper_bound: numberToHex(last.index + 1),
        machine_hash: null,
        outputs_merkle_root: claim?.outputsMerkleRoot ?? null,
        outputs_merkle_proof: null,
        commitment: null,
        commitment_proof: null,
        claim_transaction_hash: claim?.transactionHash ?? null,
        tournament_address: null,
        status: epochStatus(claim, lastBlock),
        staged_at_block: null,
        virtual_index: numberToHex(virtualIndex),
        created_at: timestamp(first.blockTimestamp),
        updated_at: timestamp(last.blockTimestamp),
      }
    })
  }

  function epochStatus(claim: StoredClaim | undefined, lastBlock: number): EpochStatus {
    if (claim?.transactionHash) return 'CLAIM_ACCEPTED'
    if (claim) return 'CLAIM_COMPUTED'
    return checkedBlock() > lastBlock ? 'INPUTS_PROCESSED' : 'OPEN'
  }

  function toRpcInput(input: StoredInput): Input {
    // What the InputBox logged: prev_randao is the block's (its mixHash), as the machine saw it.
    const [chainId, appContract, sender, blockNumber, blockTimestamp, prevRandao, index, payload] = decodeFunctionData({ abi: inputsAbi, data: input.rawData }).args
    return {
      epoch_index: numberToHex(input.epochIndex),
      index: numberToHex(input.index),
      block_number: numberToHex(input.blockNumber),
      raw_data: input.rawData,
      decoded_data: {
        chain_id: numberToHex(chainId),
        application_contract: getAddress(appContract),
        sender: getAddress(sender),
        block_number: numberToHex(blockNumber),
        block_timestamp: numberToHex(blockTimestamp),
        prev_randao: numberToHex(prevRandao),
        index: numberToHex(index),
        payload,
      },
      status: input.status,
      machine_hash: null,
      outputs_hash: null,
      transaction_hash: input.transactionHash,
      log_index: numberToHex(input.logIndex),
      created_at: timestamp(input.blockTimestamp),
      updated_at: timestamp(input.blockTimestamp),
    }
  }

  function toRpcOutput(output: StoredOutput): Output {
    const { outputs, claims, inputs } = state()
    // The proof is against the claim of the output's epoch, from the moment it is computed.
    const claim = claims.find((candidate) => candidate.epochIndex >= output.epochIndex && candidate.outputCount > output.index)
    const siblings = claim ? proofOf(claim.outputCount, output.index, outputs) : null
    const decoded = output.decoded
    const at = timestamp(inputs[output.inputIndex]?.blockTimestamp)
    return {
      epoch_index: numberToHex(output.epochIndex),
      input_index: numberToHex(output.inputIndex),
      index: numberToHex(output.index),
      raw_data: output.rawData,
      decoded_data:
        decoded.type === 'notice'
          ? { type: 'Notice', payload: decoded.payload }
          : { type: 'Voucher', destination: getAddress(decoded.destination), value: numberToHex(decoded.value), payload: decoded.payload },
      hash: keccak256(output.rawData),
      output_hashes_siblings: siblings,
      execution_transaction_hash: null,
      created_at: at,
      updated_at: at,
    }
  }

  // A proof never changes once its claim is computed; building one hashes every output up to
  // the claim, so each is built once.
  const proofs = new Map<string, Hex[]>()
  function proofOf(outputCount: number, index: number, outputs: readonly StoredOutput[]): Hex[] {
    const key = `${outputCount}:${index}`
    let siblings = proofs.get(key)
    if (!siblings) {
      siblings = createOutputValidityProof(
        outputs.slice(0, outputCount).map((o) => o.rawData),
        index,
      ).outputHashesSiblings
      proofs.set(key, siblings)
    }
    return siblings
  }

  function toRpcReport(report: StoredReport): Report {
    const at = timestamp(state().inputs[report.inputIndex]?.blockTimestamp)
    return {
      epoch_index: numberToHex(report.epochIndex),
      input_index: numberToHex(report.inputIndex),
      index: numberToHex(report.index),
      raw_data: report.rawData,
      created_at: at,
      updated_at: at,
    }
  }

  return { application: toRpcApplication, epochs, input: toRpcInput, output: toRpcOutput, report: toRpcReport, processedCount }
}
