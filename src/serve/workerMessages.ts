/**
 * @module
 * The messages between the service's main thread and its workers, and the one way errors
 * cross between them (as data, revived on the other side with their code).
 */
import { MedcredError } from '../errors/MedcredError.js'
import type { SerializedError, VcApiJob, VcApiJobAnswer } from './jobAnswers.js'

/** What the caller's own resolver and checker are asked for, from a worker. */
export type RemoteCall = { target: 'resolveDid'; args: [did: string] } | { target: 'checkStatus'; args: [parameters: unknown] }

/** Main thread -> worker. */
export type ToWorker =
  | { type: 'job'; id: number; job: VcApiJob }
  | { type: 'called'; id: number; ok: true; value: unknown }
  | { type: 'called'; id: number; ok: false; error: SerializedError }

/** Worker -> main thread. */
export type FromWorker = { type: 'ready' } | { type: 'answer'; id: number; answer: VcApiJobAnswer } | ({ type: 'call'; id: number } & RemoteCall)

const builtIn: Record<string, new (message: string) => Error> = { TypeError, RangeError, ReferenceError, SyntaxError, EvalError }

/**
 * An error as it was on the other side, as far as its readers care: a medcred error keeps its
 * code and message (so `MedcredError.find` still sees it), a built-in error its class.
 */
export function reviveError(serialized: SerializedError): Error {
  const Class = builtIn[serialized.name]
  const error = serialized.code !== undefined ? new MedcredError(serialized.code, serialized.message) : Class ? new Class(serialized.message) : new Error(serialized.message)
  if (!Class) error.name = serialized.name
  if (serialized.stack !== undefined) error.stack = serialized.stack
  return error
}
