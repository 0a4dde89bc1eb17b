import type { Command } from 'commander'
import { type Address, createPublicClient, createWalletClient, defineChain, type Hex, http, isAddress, isHex, size, zeroAddress, zeroHash } from 'viem'
import { type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts'
import { createVerifierClient, type InputOutcome, type VerifierClient } from '../../cartesi/client/createVerifierClient.js'
import type { DealPredicate, PredicateValue, VerifierAction } from '../../cartesi/types.js'
import { createDocumentLoader } from '../../contexts/createDocumentLoader.js'
import { deliveryKeyFromBytes, deliveryKeyToBytes } from '../../deals/deliveryKeys.js'
import { encryptDelivery } from '../../deals/encryptDelivery.js'
import { hashDelivery } from '../../deals/hashDelivery.js'
import { toJsonPointer } from '../../disclosure/toJsonPointer.js'
import { deriveCredential } from '../../suites/bbs-2023/deriveCredential.js'
import type { VerifiableCredential } from '../../suites/types.js'
import { contextOption, type ContextOptions, readContextOptions } from '../contexts.js'
import { CliError, CliUsageError } from '../errors.js'
import { type CliIo, readJsonObject, readText, writeJson, writeText } from '../io.js'

/** The environment variable that holds the account's private key: never an argument, where other users could see it. */
export const privateKeyVariable = 'MEDCRED_PRIVATE_KEY'

type Connection = { rpcUrl: string; nodeUrl: string; application: string; etherPortal?: string; deposit?: boolean }
/** The connection options and the account, checked before any network call. */
type Settings = { rpcUrl: string; nodeUrl: string; application: Address; etherPortal: Address | undefined; account: PrivateKeyAccount | undefined }
type DealJson = { id: number; requiredFields: string[]; predicates: DealPredicate[]; consumerKey: Hex; closedAt: number | null }

/** `medcred deal create|fund|submit|close|list`: data deals on a medcred Cartesi verifier. */
export function registerDeal(program: Command, io: CliIo): void {
  const deal = program.command('deal').description(`data deals on a medcred Cartesi verifier (the account's key comes from ${privateKeyVariable})`)
  const connected = (command: Command) =>
    command
      .requiredOption('--rpc-url <url>', "the chain's JSON-RPC URL")
      .requiredOption('--node-url <url>', "the Cartesi node's base URL (its JSON-RPC is <url>/rpc)")
      .requiredOption('--application <address>', 'the application contract')
      .option('--ether-portal <address>', 'the EtherPortal, for --deposit')

  connected(deal.command('create'))
    .description('publish a deal: what it asks for, whom it trusts, what it pays')
    .requiredOption('--type <credentialType>', 'the credential type, e.g. VaccinationCertificate')
    .requiredOption('--issuer <did...>', 'accepted issuers (accredited for the type)')
    .requiredOption('--reward <wei>', 'paid to each approved provider')
    .requiredOption('--max-approvals <n>', 'how many providers are paid at most')
    .requiredOption('--consumer-key <file>', 'your public X25519 JWK, for encrypted delivery')
    .option('--require <path...>', 'fields that must be revealed')
    .option('--where <predicate...>', 'conditions: path=value, path>=n, path<=n, path=["a","b"] (one of)')
    .option('--expires-in <seconds>', 'expiry, counted from the latest block', '604800')
    .option('--asset <token>', 'an ERC-20 token address (default: ETH)')
    .option('--fund <wei>', 'move this much of your balance into the budget', '0')
    .option('--deposit', 'first deposit the --fund amount through the EtherPortal')
    .action(async (options: Connection & { type: string; issuer: string[]; reward: string; maxApprovals: string; consumerKey: string; require?: string[]; where?: string[]; expiresIn: string; asset?: string; fund: string; deposit?: boolean }) => {
      const requiredFields = (options.require ?? []).map(pointer)
      const predicates = (options.where ?? []).map(parsePredicate)
      const funding = parseAmount(options.fund, '--fund')
      const maxApprovals = Number(options.maxApprovals)
      if (!Number.isInteger(maxApprovals) || maxApprovals < 1 || maxApprovals > 2 ** 32 - 1) throw new CliUsageError(`--max-approvals must be a positive whole number, not "${options.maxApprovals}".`)
      const expiresIn = parseAmount(options.expiresIn, '--expires-in')
      const reward = parseAmount(options.reward, '--reward')
      if (options.asset !== undefined && !isAddress(options.asset)) throw new CliUsageError(`--asset "${options.asset}" is not an address.`)
      const settings = readSettings(io, options)
      const consumerKey = deliveryKeyToBytes(await readJsonObject(io, options.consumerKey))
      const client = await connect(settings)
      if (options.deposit) await deposit(client, funding)
      const latest = await client.publicClient.getBlock()
      const outcome = await sendAndWait(client, {
        action: 'createDeal',
        credentialType: options.type,
        requiredFields,
        predicates,
        issuers: options.issuer,
        maxApprovals,
        reward,
        asset: (options.asset ?? zeroAddress) as Address,
        expiresAt: latest.timestamp + expiresIn,
        consumerKey,
        funding,
      })
      await writeJson(io, summary(outcome))
    })

  connected(deal.command('fund'))
    .description("move more of your balance into your deal's budget")
    .requiredOption('--deal <id>', 'the deal id')
    .requiredOption('--amount <wei>', 'how much')
    .option('--deposit', 'first deposit the amount through the EtherPortal')
    .action(async (options: Connection & { deal: string; amount: string; deposit?: boolean }) => {
      const dealId = parseDealId(options.deal)
      const amount = parseAmount(options.amount, '--amount')
      const client = await connect(readSettings(io, options))
      if (options.deposit) await deposit(client, amount)
      await writeJson(io, summary(await sendAndWait(client, { action: 'fundDeal', dealId, amount })))
    })

  connected(deal.command('submit'))
    .description("submit a presentation to a deal, derived from your credential with the deal's challenge")
    .requiredOption('--deal <id>', 'the deal id')
    .option('--credential <file>', 'your signed credential: the presentation is derived from it, revealing what the deal asks')
    .option('--reveal <path...>', 'more fields to reveal, besides those the deal reads')
    .option('--presentation <file>', 'a presentation already derived with the deal challenge (instead of --credential)')
    .option('--record <file>', 'a JSON record to deliver to the consumer, encrypted to its key')
    .option('--jwe-out <file>', 'where to write the encrypted record (with --record)')
    .option('--execute-voucher', 'wait for the epoch to be claimed and execute the reward voucher')
    .addOption(contextOption())
    .action(async (options: Connection & ContextOptions & { deal: string; credential?: string; reveal?: string[]; presentation?: string; record?: string; jweOut?: string; executeVoucher?: boolean }) => {
      if ((options.credential === undefined) === (options.presentation === undefined)) throw new CliUsageError('Give exactly one of --credential and --presentation.')
      if ((options.record === undefined) !== (options.jweOut === undefined)) throw new CliUsageError('--record and --jwe-out go together.')
      const dealId = parseDealId(options.deal)
      const settings = readSettings(io, options)
      // Every file is read before the chain is asked: a wrong path fails at once.
      const credential = options.credential === undefined ? undefined : ((await readJsonObject(io, options.credential)) as VerifiableCredential)
      const given = options.presentation === undefined ? undefined : (await readText(io, options.presentation)).trim()
      const record = options.record === undefined ? undefined : await readJsonObject(io, options.record)
      const contexts = await readContextOptions(io, options.context)
      const client = await connect(settings)
      const terms = await readDeal(client, dealId)
      let presentation: string
      if (credential !== undefined) {
        const reveal = [...terms.requiredFields, ...terms.predicates.map((predicate) => predicate.pointer), ...(options.reveal ?? [])]
        const derived = await deriveCredential({ credential, reveal, presentationHeader: client.dealChallenge(dealId), documentLoader: createDocumentLoader({ contexts }) })
        presentation = JSON.stringify(derived)
      } else presentation = given as string
      let deliveryHash: Hex = zeroHash
      if (record !== undefined && options.jweOut !== undefined) {
        const jwe = await encryptDelivery({ record, consumerKey: deliveryKeyFromBytes(terms.consumerKey) })
        await writeText(io, options.jweOut, jwe)
        deliveryHash = hashDelivery(jwe)
      }
      const outcome = await sendAndWait(client, { action: 'submitToDeal', dealId, presentation, deliveryHash })
      await writeJson(io, { ...summary(outcome), ...(options.executeVoucher ? { executed: await executeVouchers(client, outcome) } : {}) })
    })

  connected(deal.command('close'))
    .description('close your deal (anyone may once it expired); the unspent budget goes back to the consumer by voucher')
    .requiredOption('--deal <id>', 'the deal id')
    .option('--execute-voucher', 'wait for the epoch to be claimed and execute the refund voucher')
    .action(async (options: Connection & { deal: string; executeVoucher?: boolean }) => {
      const dealId = parseDealId(options.deal)
      const client = await connect(readSettings(io, options))
      const outcome = await sendAndWait(client, { action: 'closeDeal', dealId })
      await writeJson(io, { ...summary(outcome), ...(options.executeVoucher ? { executed: await executeVouchers(client, outcome) } : {}) })
    })

  connected(deal.command('list'))
    .description('print the open deals, and the balances of --owner (default: your account, if the key is set)')
    .option('--owner <address>', 'whose balances to show')
    .option('--all', 'closed deals too')
    .action(async (options: Connection & { owner?: string; all?: boolean }) => {
      if (options.owner !== undefined && !isAddress(options.owner)) throw new CliUsageError(`--owner "${options.owner}" is not an address.`)
      const client = await connect(readSettings(io, options, { keyRequired: false }))
      const owner = (options.owner ?? client.account) as Address | undefined
      const deals = answer(await client.inspect({ query: 'deals', includeClosed: options.all ?? false })) as { deals: unknown[] }
      const balances = owner ? (answer(await client.inspect({ query: 'balances', owner })) as { balances: unknown[] }).balances : undefined
      await writeJson(io, { deals: deals.deals, ...(owner ? { owner, balances } : {}) })
    })
}

type DealClient = VerifierClient & { publicClient: ReturnType<typeof createPublicClient>; account: Address | undefined }

/**
 * Checks the connection options and reads the account of MEDCRED_PRIVATE_KEY (when set), so that
 * a command-line or key mistake fails before the network is touched.
 */
function readSettings(io: CliIo, options: Connection, { keyRequired = true } = {}): Settings {
  for (const [option, url] of [['--rpc-url', options.rpcUrl], ['--node-url', options.nodeUrl]] as const) {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new CliUsageError(`${option} "${url}" is not an http(s) URL.`)
  }
  if (!isAddress(options.application)) throw new CliUsageError(`--application "${options.application}" is not an address.`)
  if (options.etherPortal !== undefined && !isAddress(options.etherPortal)) throw new CliUsageError(`--ether-portal "${options.etherPortal}" is not an address.`)
  if (options.deposit && options.etherPortal === undefined) throw new CliUsageError('--deposit needs --ether-portal.')
  return { rpcUrl: options.rpcUrl, nodeUrl: options.nodeUrl, application: options.application, etherPortal: options.etherPortal, account: readAccount(io, keyRequired) }
}

function readAccount(io: CliIo, keyRequired: boolean): PrivateKeyAccount | undefined {
  const key = io.env[privateKeyVariable]
  if (key === undefined) {
    if (keyRequired) throw new CliError('ERR_CLI_PRIVATE_KEY_MISSING', `Set ${privateKeyVariable} to the account's private key (32 bytes of hex).`)
    return undefined
  }
  if (!isHex(key, { strict: true }) || size(key) !== 32) throw new CliError('ERR_CLI_PRIVATE_KEY_INVALID', `${privateKeyVariable} is not 32 bytes of 0x-prefixed hex.`)
  try {
    return privateKeyToAccount(key)
  } catch {
    // No cause: the library's message quotes the key.
    throw new CliError('ERR_CLI_PRIVATE_KEY_INVALID', `${privateKeyVariable} is not a secp256k1 private key (it must be above 0 and below the curve order).`)
  }
}

/** A client of the application, with the wallet of the account when there is one. */
async function connect({ rpcUrl, nodeUrl, application, etherPortal, account }: Settings): Promise<DealClient> {
  const transport = http(rpcUrl, { retryCount: 0 })
  let chainId: number
  try {
    chainId = await createPublicClient({ transport }).getChainId()
  } catch (cause) {
    throw new CliError('ERR_CLI_CHAIN_UNREACHABLE', `The chain at ${rpcUrl} does not answer.`, cause)
  }
  const chain = defineChain({ id: chainId, name: `chain ${chainId}`, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [rpcUrl] } } })
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 100 })
  const client = createVerifierClient({
    publicClient,
    walletClient: account ? createWalletClient({ account, chain, transport, pollingInterval: 100 }) : undefined,
    application,
    rpcUrl: `${nodeUrl.replace(/\/$/, '')}/rpc`,
    etherPortal,
    pollingInterval: 100,
  })
  return { ...client, publicClient, account: account?.address }
}

async function deposit(client: DealClient, amount: bigint): Promise<void> {
  const outcome = await client.waitForInput((await client.depositEther(amount)).inputIndex)
  if (outcome.status !== 'ACCEPTED') throw rejected(outcome)
}

/** Sends an action and waits for the verifier; a rejected input is a failed command with the verifier's reason. */
async function sendAndWait(client: DealClient, action: VerifierAction): Promise<InputOutcome & { transactionHash: Hex }> {
  const { inputIndex, transactionHash } = await client.send(action)
  const outcome = await client.waitForInput(inputIndex)
  if (outcome.status !== 'ACCEPTED') throw rejected(outcome)
  return { ...outcome, transactionHash }
}

function rejected(outcome: InputOutcome): CliError {
  const report = outcome.reports.find((item) => !item.ok)
  const reason = report && !report.ok ? `${report.message} (${report.code})` : 'no reason reported'
  return new CliError('ERR_CLI_INPUT_REJECTED', `The verifier rejected input ${outcome.inputIndex}: ${reason}`)
}

/** What an accepted input did: its report's result, and the outputs to act on. */
function summary(outcome: InputOutcome & { transactionHash: Hex }) {
  const report = outcome.reports.find((item) => item.ok)
  return {
    inputIndex: Number(outcome.inputIndex),
    transactionHash: outcome.transactionHash,
    status: outcome.status,
    result: report?.ok ? report.result : undefined,
    approvals: outcome.dealApprovals.map((approval) => ({ ...approval, dealId: Number(approval.dealId), reward: approval.reward.toString(), blockTimestamp: Number(approval.blockTimestamp), outputIndex: Number(approval.outputIndex) })),
    vouchers: outcome.vouchers.map((voucher) => Number(voucher.outputIndex)),
  }
}

async function executeVouchers(client: DealClient, outcome: InputOutcome): Promise<string[]> {
  const hashes: string[] = []
  for (const voucher of outcome.vouchers) hashes.push((await client.executeVoucher(voucher.outputIndex)).transactionHash)
  return hashes
}

async function readDeal(client: DealClient, dealId: bigint): Promise<DealJson> {
  const { deal } = answer(await client.inspect({ query: 'deal', dealId: Number(dealId) })) as { deal: DealJson | null }
  if (!deal) throw new CliError('ERR_CLI_DEAL_UNKNOWN', `The verifier has no deal ${dealId}.`)
  if (deal.closedAt !== null) throw new CliError('ERR_CLI_DEAL_CLOSED', `Deal ${dealId} is closed.`)
  return deal
}

function answer(report: Awaited<ReturnType<VerifierClient['inspect']>>): unknown {
  if (!report.ok) throw new CliError('ERR_CLI_INSPECT_FAILED', `The verifier refused the query: ${report.message} (${report.code}).`)
  return report.result
}

function pointer(path: string): string {
  try {
    return toJsonPointer(path)
  } catch (cause) {
    throw new CliUsageError(`"${path}" is not a field path: ${(cause as Error).message}`)
  }
}

/** `path=value`, `path>=n`, `path<=n`, `path=[...]`; a value that is not JSON is a string. */
function parsePredicate(text: string): DealPredicate {
  const match = /^([^<>=]+)(>=|<=|=)(.+)$/.exec(text)
  if (!match) throw new CliUsageError(`--where "${text}" is not path=value, path>=n, path<=n or path=[values].`)
  const [, path, sign, raw] = match as unknown as [string, string, string, string]
  const value = parseValue(raw)
  if (sign === '=' && Array.isArray(value)) return { pointer: pointer(path.trim()), operator: 'oneOf', values: value.map((item) => primitive(item, text)) }
  const single = primitive(value, text)
  if (sign !== '=' && typeof single !== 'number') throw new CliUsageError(`--where "${text}" compares with a number.`)
  return { pointer: pointer(path.trim()), operator: sign === '=' ? 'equals' : sign === '>=' ? 'atLeast' : 'atMost', values: [single] }
}

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

function primitive(value: unknown, text: string): PredicateValue {
  if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value
  throw new CliUsageError(`--where "${text}": values are strings, numbers or booleans.`)
}

function parseAmount(text: string, option: string): bigint {
  if (!/^(0|[1-9][0-9]{0,77})$/.test(text)) throw new CliUsageError(`${option} must be a whole number, not "${text}".`)
  return BigInt(text)
}

function parseDealId(text: string): bigint {
  if (!/^[1-9][0-9]{0,15}$/.test(text)) throw new CliUsageError(`--deal must be a deal id (1, 2, ...), not "${text}".`)
  return BigInt(text)
}
