/**
 * @module
 * `medcred deal fund`: moves more of the consumer's balance into a deal's budget.
 */
import type { Command } from 'commander'
import { type CliIo, writeJson } from '../../io.js'
import { type Connection, connected } from './connectionOptions.js'
import { parseAmount, parseDealId } from './parseDealOptions.js'

/** Adds `fund` to the `medcred deal` command. */
export function registerFundDeal(deal: Command, io: CliIo): void {
  connected(deal.command('fund'))
    .description("move more of your balance into your deal's budget")
    .requiredOption('--deal <id>', 'the deal id')
    .requiredOption('--amount <wei>', 'how much')
    .option('--deposit', 'first deposit the amount through the EtherPortal')
    .action(async (options: Connection & { deal: string; amount: string; deposit?: boolean }) => {
      const dealId = parseDealId(options.deal)
      const amount = parseAmount(options.amount, '--amount')
      const { connect, readSettings } = await import('./connectDeal.js')
      const { deposit, sendAndWait, summary } = await import('./dealInputs.js')
      const client = await connect(readSettings(io, options))
      if (options.deposit) await deposit(client, amount)
      await writeJson(io, summary(await sendAndWait(client, { action: 'fundDeal', dealId, amount })))
    })
}
