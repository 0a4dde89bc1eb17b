/**
 * @module
 * `medcred deal`: data deals on a medcred Cartesi verifier, one file per subcommand beside this
 * one. Registered by src/cli/runCli.ts.
 */
import type { Command } from 'commander'
import type { CliIo } from '../../io.js'
import { registerCloseDeal } from './closeDealCommand.js'
import { privateKeyVariable } from './connectionOptions.js'
import { registerCreateDeal } from './createDealCommand.js'
import { registerFundDeal } from './fundDealCommand.js'
import { registerListDeals } from './listDealsCommand.js'
import { registerSubmitToDeal } from './submitToDealCommand.js'

/** `medcred deal create|fund|submit|close|list`: data deals on a medcred Cartesi verifier. */
export function registerDeal(program: Command, io: CliIo): void {
  const deal = program.command('deal').description(`data deals on a medcred Cartesi verifier (the account's key comes from ${privateKeyVariable})`)
  for (const register of [registerCreateDeal, registerFundDeal, registerSubmitToDeal, registerCloseDeal, registerListDeals]) register(deal, io)
}
