/**
 * @module
 * `medcred deal create`: publishes a deal (what it asks for, whom it trusts, what it pays), optionally depositing its budget first. A deal pays once per pseudonym unless `--sybil-open`.
 */
import type { Command } from 'commander'
import type { Address } from 'viem'
import { CliUsageError } from '../../errors.js'
import { type CliIo, readJsonObject, writeJson } from '../../io.js'
import { type Connection, connected } from './connectionOptions.js'
import { parseAmount, parsePredicate, pointer } from './parseDealOptions.js'

/** Adds `create` to the `medcred deal` command. */
export function registerCreateDeal(deal: Command, io: CliIo): void {
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
    .option('--sybil-open', 'accept plain credentials, paid once per address (default: one approval per pseudonym, whatever address submits)')
    .action(async (options: Connection & { type: string; issuer: string[]; reward: string; maxApprovals: string; consumerKey: string; require?: string[]; where?: string[]; expiresIn: string; asset?: string; fund: string; deposit?: boolean; sybilOpen?: boolean }) => {
      const requiredFields = (options.require ?? []).map(pointer)
      const predicates = (options.where ?? []).map(parsePredicate)
      const funding = parseAmount(options.fund, '--fund')
      const maxApprovals = Number(options.maxApprovals)
      if (!Number.isInteger(maxApprovals) || maxApprovals < 1 || maxApprovals > 2 ** 32 - 1) throw new CliUsageError({ reason: 'invalidValue', option: '--max-approvals', expected: 'a positive whole number', value: options.maxApprovals })
      const expiresIn = parseAmount(options.expiresIn, '--expires-in')
      const reward = parseAmount(options.reward, '--reward')
      const { isAddress, zeroAddress } = await import('viem')
      const { deliveryKeyToBytes } = await import('../../../deals/deliveryKeys.js')
      const { connect, readSettings } = await import('./connectDeal.js')
      const { deposit, sendAndWait, summary } = await import('./dealInputs.js')
      if (options.asset !== undefined && !isAddress(options.asset)) throw new CliUsageError({ reason: 'notAddress', option: '--asset', value: options.asset })
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
        sybilOpen: options.sybilOpen === true,
      })
      await writeJson(io, summary(outcome))
    })
}
