/**
 * @module
 * A VC-API job and its answer as they cross between the main thread and a worker (plain
 * data), and the answers for errors: a refusal's `{ code, message }` (the message bounded) or
 * a bare 500 whose detail is kept for `onInternalError`.
 */
import { MedcredError } from '../errors/MedcredError.js'
import { boundMessage } from './boundedMessage.js'
import { VcApiRequestError } from './errors.js'
import type { VcApiRoute } from './routes.js'

/** A request as the main thread hands it over: its route, its body's bytes, its clock reading. */
export type VcApiJob = {
  route: VcApiRoute
  body: Uint8Array
  /** The verifier's clock for this request, in milliseconds since the epoch. */
  now: number
}

/** An error as it crosses between threads: enough to report it, nothing live. */
export type SerializedError = { name: string; message: string; stack?: string | undefined; code?: string | undefined }

/**
 * A job's answer: status and JSON text; `contentType` when not `application/json`; `code` for a
 * refusal or a failed verification; `internal` for a 500 to report.
 */
export type VcApiJobAnswer = {
  status: number
  text: string
  contentType?: string | undefined
  code?: string | undefined
  internal?: SerializedError | undefined
}

/**
 * The answer for an error: a {@link VcApiRequestError} with its status; another medcred
 * error (the suite refused the input) 400 with its code; anything else a bare 500 whose
 * detail goes to `onInternalError` only. Every message is at most 1,000 characters.
 */
export function errorAnswer(error: unknown): VcApiJobAnswer {
  if (error instanceof VcApiRequestError) return refusal(error.status, error.code, error.message)
  if (error instanceof MedcredError) return refusal(400, error.code, error.message)
  return internalAnswer(error)
}

/** A refusal's answer: `{ code, message }`, the message bounded. */
export function refusal(status: number, code: string, message: string): VcApiJobAnswer {
  return { status, code, text: JSON.stringify({ code, message: boundMessage(message) }) }
}

/** The bare 500 for a fault of the service, the fault kept for `onInternalError`. */
export function internalAnswer(error: unknown): VcApiJobAnswer {
  return { ...refusal(500, 'ERR_SERVE_INTERNAL', 'The service failed to handle the request.'), internal: serializeError(error) }
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) }
  const code = (error as { code?: unknown }).code
  return { name: error.name, message: error.message, stack: error.stack, code: typeof code === 'string' ? code : undefined }
}
