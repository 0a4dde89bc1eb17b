/**
 * @module
 * The one waiting loop of the client's actions (internal): ask, and ask again every
 * `pollingInterval` ms until there is an answer or the client's `timeout` has passed.
 */
import type { VerifierClientBase } from '../types.js'

/** How to wait, and what to throw when the wait is over. */
export type PollParameters<Value> = {
  /** One attempt: a value ends the wait, `undefined` means "not yet". Whatever it throws ends the wait too. */
  probe: () => Promise<Value | undefined>
  /** The error to throw once the timeout has passed without a value. */
  timedOut: () => Error
}

/** Polls `probe` with the client's `timeout` and `pollingInterval`. */
export async function poll<Value>(client: Pick<VerifierClientBase, 'timeout' | 'pollingInterval'>, { probe, timedOut }: PollParameters<Value>): Promise<Value> {
  const deadline = Date.now() + client.timeout
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() >= deadline) throw timedOut()
    await new Promise((resolve) => setTimeout(resolve, client.pollingInterval))
  }
}
