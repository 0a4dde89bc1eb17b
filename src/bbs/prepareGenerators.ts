/**
 * @module
 * Generators ahead of time. A proof over L messages needs L + 1 generators, each a
 * hash-to-curve and a table of multiples, computed once per process on first use; a process
 * that must answer every input in bounded work (the Cartesi machine, which snapshots its
 * state before its first input) computes them up front instead. Exported from `medcred` as
 * `bbs.prepareGenerators`.
 */
import { createGenerators, getP1, maxBbsMessages } from './createGenerators.js'
import { BbsArgumentError } from './errors.js'

/**
 * Computes and keeps the generators of proofs and signatures over up to `messages` messages,
 * with their full tables, so that no later verification pays for them. Calling it again with the same or a smaller
 * count costs nothing.
 *
 * @param messages - the most messages a proof this process will verify may cover
 *   (at most {@link maxBbsMessages})
 * @throws {BbsArgumentError} `ERR_BBS_ARGUMENT_INVALID` when `messages` is not a whole number
 *   from 0 to {@link maxBbsMessages}.
 *
 * @example
 * ```ts
 * import { bbs } from 'medcred'
 * bbs.prepareGenerators(64) // before serving inputs of up to 64 BBS messages
 * ```
 */
export function prepareGenerators(messages: number): void {
  if (!Number.isSafeInteger(messages) || messages < 0 || messages > maxBbsMessages) {
    throw new BbsArgumentError('messages', `a whole number from 0 to ${maxBbsMessages}`)
  }
  for (const generator of [getP1(), ...createGenerators(messages + 1)]) generator.prepareTable()
}
