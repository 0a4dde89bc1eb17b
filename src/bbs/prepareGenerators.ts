/**
 * @module
 * Generators ahead of time. A proof over L messages needs L + 1 generators, each a
 * hash-to-curve and a table of multiples, computed once per process on first use; a process
 * that must answer every input in bounded work (the Cartesi machine, which snapshots its
 * state before its first input) computes them up front instead. Exported from `medcred` as
 * `bbs.prepareGenerators`.
 */
import type { BbsInterface } from './ciphersuite.js'
import { createGenerators, getP1, maxBbsMessages, type PreparedPoint } from './createGenerators.js'
import { BbsArgumentError } from './errors.js'
import { blindGeneratorsOf, blindInterface, pseudonymInterface } from './interfaces.js'

/**
 * Whose generators to prepare: `'plain'` for plain proofs (bbs-2023 without a feature),
 * `'blind'` for Blind BBS proofs (anonymous holder binding), `'pseudonym'` for proofs with a
 * pseudonym (the `pseudonym` and `holder_binding_pseudonym` options).
 */
export type GeneratorInterface = 'plain' | 'blind' | 'pseudonym'

/**
 * How many blind generators a feature proof of bbs-2023 uses: Q_2 (the prover's blind), then
 * one per committed value: the holder secret, and for a pseudonym the nym secret.
 */
const blindGeneratorCounts = { blind: 2, pseudonym: 3 } as const

/**
 * Computes and keeps the generators of proofs and signatures over up to `messages` messages,
 * with their full tables, so that no later verification pays for them. Calling it again with the same or a smaller
 * count costs nothing.
 *
 * @param messages - the most messages a proof this process will verify may cover
 *   (at most {@link maxBbsMessages})
 * @param api - the interface whose generators to prepare (default `'plain'`); for `'blind'`
 *   and `'pseudonym'` also the generators of the values a bbs-2023 holder commits to (its
 *   secret and nym secret), not of a longer commitment. A pseudonym's context point is
 *   per context, so never prepared: one hash to the curve per proof.
 * @throws {BbsArgumentError} `ERR_BBS_ARGUMENT_INVALID` when `messages` is not a whole number
 *   from 0 to {@link maxBbsMessages}, or `api` is not an interface named above.
 *
 * @example
 * ```ts
 * import { bbs } from 'medcred'
 * bbs.prepareGenerators(64) // before serving inputs of up to 64 BBS messages
 * bbs.prepareGenerators(64, 'pseudonym') // and proofs with a pseudonym over as many
 * ```
 */
export function prepareGenerators(messages: number, api: GeneratorInterface = 'plain'): void {
  if (!Number.isSafeInteger(messages) || messages < 0 || messages > maxBbsMessages) {
    throw new BbsArgumentError('messages', `a whole number from 0 to ${maxBbsMessages}`)
  }
  const generators: PreparedPoint[] = [getP1()]
  if (api === 'plain') generators.push(...createGenerators(messages + 1))
  else if (api === 'blind' || api === 'pseudonym') {
    const bbsInterface: BbsInterface = api === 'blind' ? blindInterface : pseudonymInterface
    generators.push(...createGenerators(messages + 1, bbsInterface), ...createGenerators(blindGeneratorCounts[api], blindGeneratorsOf(bbsInterface)))
  } else throw new BbsArgumentError('api', "'plain', 'blind' or 'pseudonym'")
  for (const generator of generators) generator.prepareTable()
}
