/**
 * @module
 * The chain journal: what the dev node keeps of the local chain it started, so that a restart
 * rebuilds the same chain. Hardhat 2.28 keeps its chain in memory only and has no way to dump or
 * load it (`hardhat_dumpState` and `anvil_dumpState` are "not supported"), but its blocks
 * are reproducible: a chain started with the same genesis time has the same genesis block, and
 * a block mined with the same transactions, time and prevrandao on the same parent has the same
 * hash. So the journal holds, one sealed JSON line each (see sealedJson.ts):
 *
 * - `{"genesis": {chainId, hash, timestamp}}`, first;
 * - `{"edit": {method, params}}`, a state change no block holds (the node's own
 *   `hardhat_setCode` of the deterministic deployment proxy), before the block that follows it;
 * - `{"block": {number, hash, parentHash, timestamp, prevRandao, transactions}}`, every block
 *   from 1 on, its transactions as their signed bytes (or, sent from an impersonated account,
 *   as the fields Hardhat sends them again with).
 *
 * Lines are appended, never rewritten. A last line without its newline is an append the process
 * was killed in: it is dropped (the node saves no state that needs a block before the block is
 * in the journal). Any other line that fails its checksum, or breaks the numbering or the hash
 * chain, makes the journal refuse to open.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Address, type Hex, isHex } from 'viem'
import { DevnodeBlockUnrecordableError, DevnodeFileCorruptError } from './errors.js'
import type { LocalChain } from './localChain/startLocalChain.js'
import { readJournalBlock } from './readJournalBlock.js'
import { sealJson, unsealJson } from './sealedJson.js'

/** The chain journal's name in a data directory. */
export const chainJournalFileName = 'chain.jsonl'

/** The chain's genesis block, which the journal's chain starts from. */
export type JournalGenesis = { chainId: number; hash: Hex; timestamp: number }
/** A state change that no block holds, applied before the next block. */
export type JournalEdit = { method: 'hardhat_setCode'; params: [Address, Hex] }
/**
 * A transaction of a block: its signed bytes, or, for one Hardhat sent from an impersonated
 * account (whose signature is a placeholder), the fields to send it again the same way.
 */
export type JournalTransaction = Hex | { impersonated: ImpersonatedTransaction }
/** `eth_sendTransaction` parameters, as the chain reported the transaction. */
export type ImpersonatedTransaction = { from: Address; to?: Address | undefined; value: Hex; data: Hex; gas: Hex; nonce: Hex; type: Hex } & Partial<Record<'gasPrice' | 'maxFeePerGas' | 'maxPriorityFeePerGas', Hex>> & {
  accessList?: unknown[] | undefined
}
/** A block, with what it takes to mine it again. */
export type JournalBlock = { number: number; hash: Hex; parentHash: Hex; timestamp: number; prevRandao: Hex; transactions: JournalTransaction[] }
export type JournalEntry = { genesis: JournalGenesis } | { edit: JournalEdit } | { block: JournalBlock }

/** A journal open for appending. */
export type ChainJournal = {
  /** The journal's path. */
  file: string
  genesis: JournalGenesis
  /** The last block recorded (number 0: the genesis block). */
  last(): { number: number; hash: Hex; timestamp: number }
  /**
   * Records the chain's blocks up to `head` (those not recorded yet).
   *
   * @throws {DevnodeBlockUnrecordableError} `ERR_DEVNODE_BLOCK_UNRECORDABLE` for a transaction
   *   whose bytes cannot be rebuilt, or a chain that went back under the node
   */
  recordBlocks(chain: LocalChain, head: number): Promise<void>
  /** Records `edit`, made on the chain at its current head (after recording the blocks up to it). */
  recordEdit(chain: LocalChain, edit: JournalEdit): Promise<void>
}

const recordedEdits: ReadonlySet<string> = new Set(['hardhat_setCode'])
// Blocks read and appended per write, so that a long catch-up holds few of them in memory.
const blocksPerAppend = 64

/**
 * Starts a new journal for a chain whose genesis is `genesis` (replacing any file there).
 *
 * @returns the journal, open for appending
 */
export function createChainJournal(dataDir: string, genesis: JournalGenesis): ChainJournal {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, chainJournalFileName)
  writeFileSync(file, `${sealJson('entry', { genesis })}\n`)
  return openForAppend(file, genesis, { number: 0, hash: genesis.hash, timestamp: genesis.timestamp })
}

/**
 * Reads a data directory's journal, if it has one.
 *
 * @returns the journal, open for appending, and its entries, genesis first
 * @throws {DevnodeFileCorruptError} `ERR_DEVNODE_FILE_CORRUPT` naming the line at fault
 */
export function readChainJournal(dataDir: string): { journal: ChainJournal; entries: JournalEntry[] } | undefined {
  const file = join(dataDir, chainJournalFileName)
  if (!existsSync(file)) return undefined
  const text = readFileSync(file, 'utf8')
  const complete = text.lastIndexOf('\n') + 1
  // A torn last append: the node never saved a state that needs it.
  if (complete < text.length) truncateSync(file, Buffer.byteLength(text.slice(0, complete)))
  const lines = text.slice(0, complete).split('\n').slice(0, -1)
  const entries: JournalEntry[] = []
  let genesis: JournalGenesis | undefined
  let last = { number: 0, hash: '0x' as Hex, timestamp: 0 }
  lines.forEach((line, index) => {
    const fail = (reason: string): never => {
      throw new DevnodeFileCorruptError({ file, reason: `line ${index + 1}: ${reason}` })
    }
    const opened = unsealJson(line, 'entry')
    if (!opened.ok) fail(opened.reason)
    const entry = (opened as { value: unknown }).value as Record<string, unknown>
    if (index === 0) {
      genesis = parseGenesis(entry.genesis) ?? fail('it is not the genesis entry')
      last = { number: 0, hash: genesis.hash, timestamp: genesis.timestamp }
      entries.push({ genesis })
    } else if (entry.edit !== undefined) {
      entries.push({ edit: parseEdit(entry.edit) ?? fail('it is not a known chain edit') })
    } else {
      const block = parseBlock(entry.block) ?? fail('it is neither an edit nor a block')
      if (block.number !== last.number + 1) fail(`block ${block.number} follows block ${last.number}`)
      if (block.parentHash !== last.hash) fail(`block ${block.number}'s parent is ${block.parentHash}, but block ${last.number} is ${last.hash}`)
      last = { number: block.number, hash: block.hash, timestamp: block.timestamp }
      entries.push({ block })
    }
  })
  if (!genesis) throw new DevnodeFileCorruptError({ file, reason: 'it is empty' })
  return { journal: openForAppend(file, genesis, last), entries }
}

function openForAppend(file: string, genesis: JournalGenesis, start: { number: number; hash: Hex; timestamp: number }): ChainJournal {
  let last = start
  // Appends happen one at a time, in the order asked.
  let queue: Promise<void> = Promise.resolve()
  const inTurn = (run: () => Promise<void>) => {
    const next = queue.then(run)
    queue = next.catch(() => undefined)
    return next
  }

  async function recordUpTo(chain: LocalChain, head: number): Promise<void> {
    if (head < last.number) throw new DevnodeBlockUnrecordableError({ blockNumber: head, reason: `the chain went back to block ${head} under the node, below block ${last.number} it recorded` })
    while (last.number < head) {
      const lines: string[] = []
      let next = last
      for (let number = last.number + 1; number <= Math.min(head, last.number + blocksPerAppend); number++) {
        const block = await readJournalBlock(chain, number, next.hash)
        lines.push(`${sealJson('entry', { block })}\n`)
        next = { number, hash: block.hash, timestamp: block.timestamp }
      }
      appendFileSync(file, lines.join(''))
      last = next
    }
  }

  return {
    file,
    genesis,
    last: () => last,
    recordBlocks: (chain, head) => inTurn(() => recordUpTo(chain, head)),
    recordEdit: (chain, edit) =>
      inTurn(async () => {
        await recordUpTo(chain, Number(await chain.publicClient.getBlockNumber({ cacheTime: 0 })))
        appendFileSync(file, `${sealJson('entry', { edit })}\n`)
      }),
  }
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0
const isHash = (value: unknown): value is Hex => typeof value === 'string' && isHex(value, { strict: true }) && value.length === 66

function parseGenesis(value: unknown): JournalGenesis | undefined {
  const genesis = value as Partial<JournalGenesis> | undefined
  return genesis && isCount(genesis.chainId) && isHash(genesis.hash) && isCount(genesis.timestamp) ? { chainId: genesis.chainId, hash: genesis.hash, timestamp: genesis.timestamp } : undefined
}

function parseEdit(value: unknown): JournalEdit | undefined {
  const edit = value as Partial<JournalEdit> | undefined
  const params = edit?.params
  return edit && typeof edit.method === 'string' && recordedEdits.has(edit.method) && Array.isArray(params) && params.length === 2 && params.every((param) => typeof param === 'string' && isHex(param))
    ? { method: edit.method, params: [params[0], params[1]] }
    : undefined
}

function parseBlock(value: unknown): JournalBlock | undefined {
  const block = value as Partial<JournalBlock> | undefined
  if (!block || !isCount(block.number) || !isHash(block.hash) || !isHash(block.parentHash) || !isCount(block.timestamp) || !isHash(block.prevRandao)) return undefined
  if (!Array.isArray(block.transactions) || !block.transactions.every(isJournalTransaction)) return undefined
  return { number: block.number, hash: block.hash, parentHash: block.parentHash, timestamp: block.timestamp, prevRandao: block.prevRandao, transactions: block.transactions }
}

function isJournalTransaction(value: unknown): value is JournalTransaction {
  if (typeof value === 'string') return isHex(value, { strict: true })
  const impersonated = (value as { impersonated?: Record<string, unknown> } | null)?.impersonated
  if (!impersonated || typeof impersonated !== 'object') return false
  const hexFields = ['from', 'value', 'data', 'gas', 'nonce', 'type'].map((name) => impersonated[name])
  return hexFields.every((field) => typeof field === 'string' && isHex(field))
}
