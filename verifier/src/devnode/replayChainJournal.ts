/**
 * @module
 * Rebuilds a chain from its journal (chainJournal.ts) on a fresh local chain started with the
 * journal's genesis time: each edit is made again, and each block mined again with its
 * transactions (sent as their signed bytes, or from the impersonated account as Hardhat sent
 * them; mined in order with automining off), its time and
 * its prevrandao. Every rebuilt block must have the recorded hash, which covers the parent, the
 * state root, the transactions and the receipts: a chain that differs in anything is refused,
 * never resumed. Afterwards the chain's clock is moved to the wall clock (never back), so the
 * next block is not stamped with the time the node stopped.
 */
import { keccak256 } from 'viem'
import type { ChainJournal, JournalEntry } from './chainJournal.js'
import { DevnodeChainMismatchError } from './errors.js'
import type { LocalChain } from './localChain/startLocalChain.js'

/**
 * @throws {DevnodeChainMismatchError} `ERR_DEVNODE_CHAIN_MISMATCH` naming the journal and the
 *   first block that does not come out as recorded
 */
export async function replayChainJournal(chain: LocalChain, journal: ChainJournal, entries: readonly JournalEntry[]): Promise<void> {
  const { file } = journal
  const request = (method: string, params: readonly unknown[]) => chain.publicClient.request({ method: method as never, params: params as never }) as Promise<unknown>
  const mismatch = (reason: string, cause?: unknown) => new DevnodeChainMismatchError({ file, reason }, { cause })

  const genesis = await chain.publicClient.getBlock({ blockNumber: 0n })
  if (genesis.hash !== journal.genesis.hash || chain.chain.id !== journal.genesis.chainId) {
    throw mismatch(`a chain started at its genesis time has genesis block ${genesis.hash} (chain ${chain.chain.id}), not the recorded ${journal.genesis.hash} (chain ${journal.genesis.chainId}): this Hardhat cannot rebuild it`)
  }
  if (Number(await chain.publicClient.getBlockNumber({ cacheTime: 0 })) !== 0) throw mismatch('the chain to rebuild it on is not fresh')

  await request('evm_setAutomine', [false])
  try {
    for (const entry of entries) {
      if ('edit' in entry) await request(entry.edit.method, entry.edit.params)
      if (!('block' in entry)) continue
      const { number, hash, timestamp, prevRandao, transactions } = entry.block
      for (const [position, transaction] of transactions.entries()) {
        const send =
          typeof transaction === 'string'
            ? request('eth_sendRawTransaction', [transaction])
            : (async () => {
                const { from } = transaction.impersonated
                await request('hardhat_impersonateAccount', [from])
                await request('eth_sendTransaction', [transaction.impersonated])
                await request('hardhat_stopImpersonatingAccount', [from])
              })()
        await send.catch((error: unknown) => {
          const name = typeof transaction === 'string' ? keccak256(transaction) : `${position} (from ${transaction.impersonated.from}, impersonated)`
          throw mismatch(`block ${number}'s transaction ${name} is refused by the rebuilt chain (${shortMessage(error)})`, error)
        })
      }
      await request('hardhat_setPrevRandao', [prevRandao])
      await request('evm_mine', [timestamp])
      const rebuilt = await chain.publicClient.getBlock({ blockNumber: BigInt(number) })
      if (rebuilt.hash !== hash) throw mismatch(`block ${number} comes out as ${rebuilt.hash}, not the recorded ${hash}`)
    }
  } finally {
    await request('evm_setAutomine', [true])
  }

  const lag = Math.floor(Date.now() / 1000) - journal.last().timestamp
  if (lag > 0) await request('evm_increaseTime', [lag])
}

function shortMessage(error: unknown): string {
  const { shortMessage, message } = (error ?? {}) as { shortMessage?: unknown; message?: unknown }
  return String(shortMessage ?? message ?? error).split('\n')[0] ?? ''
}
