/**
 * @module
 * `medcred deal list`: the open deals (or all), and the balances of an owner.
 */
import type { Command } from 'commander'
import type { Address } from 'viem'
import { CliUsageError } from '../../errors.js'
import { type CliIo, writeJson } from '../../io.js'
import { type Connection, connected } from './connectionOptions.js'

/** Adds `list` to the `medcred deal` command. */
export function registerListDeals(deal: Command, io: CliIo): void {
  connected(deal.command('list'))
    .description('print the open deals, and the balances of --owner (default: your account, if the key is set)')
    .option('--owner <address>', 'whose balances to show')
    .option('--all', 'closed deals too')
    .action(async (options: Connection & { owner?: string; all?: boolean }) => {
      const { isAddress } = await import('viem')
      const { connect, readSettings } = await import('./connectDeal.js')
      const { answer } = await import('./dealInputs.js')
      if (options.owner !== undefined && !isAddress(options.owner)) throw new CliUsageError({ reason: 'notAddress', option: '--owner', value: options.owner })
      const client = await connect(readSettings(io, options, { keyRequired: false }))
      const owner = (options.owner ?? client.account) as Address | undefined
      const deals = answer(await client.inspect({ query: 'deals', includeClosed: options.all ?? false })) as { deals: unknown[] }
      const balances = owner ? (answer(await client.inspect({ query: 'balances', owner })) as { balances: unknown[] }).balances : undefined
      await writeJson(io, { deals: deals.deals, ...(owner ? { owner, balances } : {}) })
    })
}
