/**
 * @module
 * `medcred deal submit`: derives a presentation with the deal's challenge (or takes one), with
 * the pseudonym for the deal's context unless the deal is sybil-open, optionally encrypts a
 * record to the consumer, submits both and can execute the reward voucher.
 */
import type { Command } from 'commander'
import type { Hex } from 'viem'
import type { VerifiableCredential } from '../../../suites/types.js'
import { contextOption, type ContextOptions, readContextOptions } from '../../contexts.js'
import { CliUsageError } from '../../errors.js'
import { type CliIo, readJsonObject, readText, writeJson, writeText } from '../../io.js'
import { type Connection, connected } from './connectionOptions.js'
import { parseDealId } from './parseDealOptions.js'

/** Adds `submit` to the `medcred deal` command. */
export function registerSubmitToDeal(deal: Command, io: CliIo): void {
  connected(deal.command('submit'))
    .description("submit a presentation to a deal, derived from your credential with the deal's challenge")
    .requiredOption('--deal <id>', 'the deal id')
    .option('--credential <file>', 'your signed credential: the presentation is derived from it, revealing what the deal asks')
    .option('--reveal <path...>', 'more fields to reveal, besides those the deal reads')
    .option('--holder-secret <file>', 'your holder secret file (from `holder new`; a sealed one is opened with MEDCRED_PASSPHRASE): needed to derive a credential issued over your commitment')
    .option('--prover-blind <file>', 'the credential\'s secretProverBlind, JSON { "secretProverBlind": hex } (with --holder-secret)')
    .option('--presentation <file>', 'a presentation already derived with the deal challenge (instead of --credential)')
    .option('--record <file>', 'a JSON record to deliver to the consumer, encrypted to its key')
    .option('--jwe-out <file>', 'where to write the encrypted record (with --record)')
    .option('--execute-voucher', 'wait for the epoch to be claimed and execute the reward voucher')
    .addOption(contextOption())
    .action(async (options: Connection & ContextOptions & { deal: string; credential?: string; reveal?: string[]; presentation?: string; holderSecret?: string; proverBlind?: string; record?: string; jweOut?: string; executeVoucher?: boolean }) => {
      if ((options.credential === undefined) === (options.presentation === undefined)) throw new CliUsageError({ reason: 'exactlyOne', options: ['--credential', '--presentation'] })
      if ((options.holderSecret === undefined) !== (options.proverBlind === undefined)) throw new CliUsageError({ reason: 'together', options: ['--holder-secret', '--prover-blind'] })
      if (options.holderSecret !== undefined && options.credential === undefined) throw new CliUsageError({ reason: 'needs', option: '--holder-secret', needed: '--credential' })
      if ((options.record === undefined) !== (options.jweOut === undefined)) throw new CliUsageError({ reason: 'together', options: ['--record', '--jwe-out'] })
      const dealId = parseDealId(options.deal)
      const { connect, readSettings } = await import('./connectDeal.js')
      const { executeVouchers, readDeal, sendAndWait, summary } = await import('./dealInputs.js')
      const settings = readSettings(io, options)
      // Every file is read before the chain is asked: a wrong path fails at once.
      const credential = options.credential === undefined ? undefined : ((await readJsonObject(io, options.credential)) as VerifiableCredential)
      const given = options.presentation === undefined ? undefined : (await readText(io, options.presentation)).trim()
      const record = options.record === undefined ? undefined : await readJsonObject(io, options.record)
      const holder =
        options.holderSecret === undefined || options.proverBlind === undefined
          ? undefined
          : await (await import('../../holderFiles.js')).readHolderFiles(io, { holderSecret: options.holderSecret, proverBlind: options.proverBlind })
      const contexts = await readContextOptions(io, options.context)
      const client = await connect(settings)
      const terms = await readDeal(client, dealId)
      let presentation: string
      if (credential !== undefined) {
        const { createDocumentLoader } = await import('../../../contexts/createDocumentLoader.js')
        const { deriveCredential } = await import('../../../suites/bbs-2023/deriveCredential.js')
        const reveal = [...terms.requiredFields, ...terms.predicates.map((predicate) => predicate.pointer), ...(options.reveal ?? [])]
        const { createDealPseudonymContext } = await import('../../../cartesi/createDealPseudonymContext.js')
        // A deal paid once per pseudonym reads the one for its own context; a sybil-open deal none.
        const pseudonymContext = terms.sybilOpen ? undefined : createDealPseudonymContext({ chainId: client.publicClient.chain.id, application: client.application, dealId })
        const derived = await deriveCredential({
          credential,
          reveal,
          presentationHeader: client.dealChallenge(dealId),
          documentLoader: createDocumentLoader({ contexts }),
          ...(holder && { holder }),
          ...(holder && pseudonymContext !== undefined && { pseudonymContext }),
        })
        presentation = JSON.stringify(derived)
      } else presentation = given as string
      const { zeroHash } = await import('viem')
      let deliveryHash: Hex = zeroHash
      if (record !== undefined && options.jweOut !== undefined) {
        const { deliveryKeyFromBytes } = await import('../../../deals/deliveryKeys.js')
        const { encryptDelivery } = await import('../../../deals/encryptDelivery.js')
        const { hashDelivery } = await import('../../../deals/hashDelivery.js')
        const jwe = await encryptDelivery({ record, consumerKey: deliveryKeyFromBytes(terms.consumerKey) })
        await writeText(io, options.jweOut, jwe)
        deliveryHash = hashDelivery(jwe)
      }
      const outcome = await sendAndWait(client, { action: 'submitToDeal', dealId, presentation, deliveryHash })
      await writeJson(io, { ...summary(outcome), ...(options.executeVoucher ? { executed: await executeVouchers(client, outcome) } : {}) })
    })
}
