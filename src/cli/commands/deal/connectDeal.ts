/**
 * @module
 * The connection every `medcred deal` subcommand makes: its options checked and the account of
 * MEDCRED_PRIVATE_KEY read before any network call, then a verifier client with a wallet.
 */
import { type Address, createPublicClient, createWalletClient, defineChain, type Hex, http, isAddress, isHex, size } from 'viem'
import { type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts'
import { createVerifierClient, type VerifierClient } from '../../../cartesi/client/createVerifierClient.js'
import type { DealPredicate } from '../../../cartesi/types.js'
import { CliError, CliUsageError } from '../../errors.js'
import type { CliIo } from '../../io.js'
import { type Connection, privateKeyVariable } from './connectionOptions.js'

/** The connection options and the account, checked before any network call. */
export type Settings = { rpcUrl: string; nodeUrl: string; application: Address; etherPortal: Address | undefined; account: PrivateKeyAccount | undefined }
/** A deal as the verifier's inspect answer gives it, the fields the commands read. `sybilOpen` false: submissions need a pseudonym for the deal's context. */
export type DealJson = { id: number; requiredFields: string[]; predicates: DealPredicate[]; consumerKey: Hex; closedAt: number | null; sybilOpen: boolean }

export type DealClient = VerifierClient & { publicClient: ReturnType<typeof createPublicClient>; account: Address | undefined }

/**
 * Checks the connection options and reads the account of MEDCRED_PRIVATE_KEY (when set), so that
 * a command-line or key mistake fails before the network is touched.
 */
export function readSettings(io: CliIo, options: Connection, { keyRequired = true } = {}): Settings {
  for (const [option, url] of [['--rpc-url', options.rpcUrl], ['--node-url', options.nodeUrl]] as const) {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new CliUsageError({ reason: 'notHttpUrl', option, value: url })
  }
  if (!isAddress(options.application)) throw new CliUsageError({ reason: 'notAddress', option: '--application', value: options.application })
  if (options.etherPortal !== undefined && !isAddress(options.etherPortal)) throw new CliUsageError({ reason: 'notAddress', option: '--ether-portal', value: options.etherPortal })
  if (options.deposit && options.etherPortal === undefined) throw new CliUsageError({ reason: 'needs', option: '--deposit', needed: '--ether-portal' })
  return { rpcUrl: options.rpcUrl, nodeUrl: options.nodeUrl, application: options.application, etherPortal: options.etherPortal, account: readAccount(io, keyRequired) }
}

function readAccount(io: CliIo, keyRequired: boolean): PrivateKeyAccount | undefined {
  const key = io.env[privateKeyVariable]
  if (key === undefined) {
    if (keyRequired) throw new CliError({ reason: 'privateKeyMissing', variable: privateKeyVariable })
    return undefined
  }
  if (!isHex(key, { strict: true }) || size(key) !== 32) throw new CliError({ reason: 'privateKeyNotHex', variable: privateKeyVariable })
  try {
    return privateKeyToAccount(key)
  } catch {
    // No cause: the library's message quotes the key.
    throw new CliError({ reason: 'privateKeyOutOfRange', variable: privateKeyVariable })
  }
}

/** A client of the application, with the wallet of the account when there is one. */
export async function connect({ rpcUrl, nodeUrl, application, etherPortal, account }: Settings): Promise<DealClient> {
  const transport = http(rpcUrl, { retryCount: 0 })
  let chainId: number
  try {
    chainId = await createPublicClient({ transport }).getChainId()
  } catch (cause) {
    throw new CliError({ reason: 'chainUnreachable', rpcUrl, error: cause })
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

