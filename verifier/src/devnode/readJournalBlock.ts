/**
 * @module
 * Reads a block of the chain as the chain journal keeps it (chainJournal.ts): its hash, parent,
 * time, prevrandao, and its transactions as their signed bytes, each rebuilt from the fields the
 * chain reports and checked against its hash; a transaction Hardhat sent from an impersonated
 * account has no real signature, so its fields are kept instead, to be sent again the same way.
 */
import { type Address, formatTransaction, type Hex, keccak256, numberToHex, serializeTransaction, type Signature, type Transaction, type TransactionSerializable } from 'viem'
import type { ImpersonatedTransaction, JournalBlock, JournalTransaction } from './chainJournal.js'
import { DevnodeBlockUnrecordableError } from './errors.js'
import type { LocalChain } from './localChain/startLocalChain.js'

/** A transaction as the chain's JSON-RPC reports it. */
type RpcTransaction = Record<string, unknown> & { hash: Hex; from: Address; r: Hex; s: Hex; type: Hex }

/**
 * Reads block `number` as the journal keeps it, checking it follows `parentHash`.
 *
 * @throws {DevnodeBlockUnrecordableError} `ERR_DEVNODE_BLOCK_UNRECORDABLE` for a block that is
 *   missing or does not follow `parentHash`, or a transaction whose bytes cannot be rebuilt
 */
export async function readJournalBlock(chain: LocalChain, number: number, parentHash: Hex): Promise<JournalBlock> {
  const block = (await chain.publicClient.request({ method: 'eth_getBlockByNumber', params: [numberToHex(number), true] })) as {
    hash: Hex
    parentHash: Hex
    timestamp: Hex
    mixHash: Hex
    transactions: RpcTransaction[]
  } | null
  if (!block) throw new DevnodeBlockUnrecordableError({ blockNumber: number, reason: 'the chain does not have it' })
  if (block.parentHash !== parentHash) {
    throw new DevnodeBlockUnrecordableError({ blockNumber: number, reason: `its parent is ${block.parentHash}, not the recorded block ${number - 1} (${parentHash}): the chain changed under the node` })
  }
  return {
    number,
    hash: block.hash,
    parentHash: block.parentHash,
    timestamp: Number(block.timestamp),
    prevRandao: block.mixHash,
    transactions: block.transactions.map((transaction) => journalTransactionOf(transaction, number)),
  }
}

/**
 * A mined transaction's signed bytes, rebuilt from its fields and checked against its hash; or,
 * sent from an impersonated account, its fields.
 */
function journalTransactionOf(transaction: RpcTransaction, blockNumber: number): JournalTransaction {
  // Hardhat signs a transaction from an impersonated account with r = s = the sender: bytes
  // that hash right but that no chain accepts as signed.
  const sender = BigInt(transaction.from)
  if (BigInt(transaction.r) === sender && BigInt(transaction.s) === sender) return { impersonated: impersonatedFields(transaction) }
  const formatted = formatTransaction(transaction as never) as Transaction
  const { r, s, v, yParity } = formatted
  let bytes: Hex | undefined
  try {
    bytes = serializeTransaction({ ...formatted, data: formatted.input } as TransactionSerializable, { r, s, v, yParity } as Signature)
  } catch {
    // Answered below: no bytes, no match.
  }
  if (bytes !== undefined && keccak256(bytes) === transaction.hash) return bytes
  throw new DevnodeBlockUnrecordableError({ blockNumber, reason: `transaction ${transaction.hash} (type ${transaction.type}) cannot be rebuilt from its fields` })
}

/** The `eth_sendTransaction` parameters that send `transaction` again. */
function impersonatedFields(transaction: RpcTransaction): ImpersonatedTransaction {
  const field = (name: string) => (typeof transaction[name] === 'string' ? (transaction[name] as Hex) : undefined)
  const impersonated: ImpersonatedTransaction = { from: transaction.from, value: field('value') ?? '0x0', data: field('input') ?? '0x', gas: field('gas') ?? '0x0', nonce: field('nonce') ?? '0x0', type: transaction.type }
  const to = field('to')
  if (to) impersonated.to = to as Address
  for (const fee of transaction.type === '0x0' || transaction.type === '0x1' ? (['gasPrice'] as const) : (['maxFeePerGas', 'maxPriorityFeePerGas'] as const)) {
    const value = field(fee)
    if (value) impersonated[fee] = value
  }
  if (Array.isArray(transaction.accessList)) impersonated.accessList = transaction.accessList
  return impersonated
}
