/**
 * @module
 * The options every `medcred deal` subcommand that talks to the chain and the node takes, apart
 * from the connection itself (connectDeal.ts), so that registering the subcommands loads no
 * chain client.
 */
import type { Command } from 'commander'

/** The environment variable that holds the account's private key: never an argument, where other users could see it. */
export const privateKeyVariable = 'MEDCRED_PRIVATE_KEY'

export type Connection = { rpcUrl: string; nodeUrl: string; application: string; etherPortal?: string; deposit?: boolean }

/** Adds the options every subcommand that talks to the chain and the node takes. */
export function connected(command: Command): Command {
  return command
    .requiredOption('--rpc-url <url>', "the chain's JSON-RPC URL")
    .requiredOption('--node-url <url>', "the Cartesi node's base URL (its JSON-RPC is <url>/rpc)")
    .requiredOption('--application <address>', 'the application contract')
    .option('--ether-portal <address>', 'the EtherPortal, for --deposit')
}
