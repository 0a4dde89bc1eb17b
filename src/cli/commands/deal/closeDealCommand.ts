/**
 * @module
 * `medcred deal close`: closes a deal; the unspent budget goes back to the consumer by voucher.
 */
import type { Command } from 'commander'
import { type CliIo, writeJson } from '../../io.js'
import { type Connection, connected } from './connectionOptions.js'
import { parseDealId } from './parseDealOptions.js'

/** Adds `close` to the `medcred deal` command. */
export function registerCloseDeal(deal: Command, io: CliIo): void {
  connected(deal.command('close'))
    .description('close your deal (anyone may once it expired); the unspent budget goes back to the consumer by voucher')
    .requiredOption('--deal <id>', 'the deal id')
    .option('--execute-voucher', 'wait for the epoch to be claimed and execute the refund voucher')
    .action(async (options: Connection & { deal: string; executeVoucher?: boolean }) => {
      const dealId = parseDealId(options.deal)
      const { connect, readSettings } = await import('./connectDeal.js')
      const { executeVouchers, sendAndWait, summary } = await import('./dealInputs.js')
      const client = await connect(readSettings(io, options))
      const outcome = await sendAndWait(client, { action: 'closeDeal', dealId })
      await writeJson(io, { ...summary(outcome), ...(options.executeVoucher ? { executed: await executeVouchers(client, outcome) } : {}) })
    })
}
