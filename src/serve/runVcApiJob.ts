/**
 * @module
 * One VC-API request's work, as a worker thread (or, with `workers: 0`, the main thread) does
 * it: the body's bytes in, the answer's status and JSON text out. Reading the body within the
 * library's bounds, the request models and the routes all run here, off the thread that serves
 * HTTP; every failure becomes an answer, never a throw.
 */
import { readUntrustedJson } from '../verify/checks/readUntrustedJson.js'
import { deriveCredentialRoute } from './deriveCredentialRoute.js'
import { errorAnswer, type VcApiJob, type VcApiJobAnswer } from './jobAnswers.js'
import { issueCredentialRoute } from './issueCredentialRoute.js'
import type { VcApiRoute } from './routes.js'
import type { VcApiAnswer, VcApiContext } from './types.js'
import { verifyCredentialRoute } from './verifyCredentialRoute.js'
import { verifyPresentationRoute } from './verifyPresentationRoute.js'

/** The context a job runs in: the service's, less the clock (each job brings its reading). */
export type VcApiJobContext = Omit<VcApiContext, 'now'>

const handlers: Record<VcApiRoute, (body: unknown, context: VcApiContext) => Promise<VcApiAnswer>> = {
  '/credentials/issue': issueCredentialRoute,
  '/credentials/derive': deriveCredentialRoute,
  '/credentials/verify': verifyCredentialRoute,
  '/presentations/verify': verifyPresentationRoute,
}

/** Runs one job. Never throws: a refused request and a fault of the service are answers too. */
export async function runVcApiJob(job: VcApiJob, context: VcApiJobContext): Promise<VcApiJobAnswer> {
  try {
    const body = readBody(job.body, context)
    const answer = await handlers[job.route](body, { ...context, now: () => new Date(job.now) })
    return { status: answer.status, text: JSON.stringify(answer.body), contentType: answer.contentType, code: answer.code }
  } catch (error) {
    return errorAnswer(error)
  }
}

/**
 * The body as a JSON object, read by the library's reader of untrusted JSON, which the routes
 * then apply again to the document inside: a key written twice is refused
 * (`ERR_VERIFY_JSON_DUPLICATE_KEY`, which a parsed body could no longer show), and so is
 * nesting deeper than the document's `maxDepth` plus the one level the body wraps it in
 * (`ERR_VERIFY_INPUT_TOO_DEEP`): one limit, one code, on every route, before anything that
 * recurses (JSON-LD expansion, structuredClone) reads it. The body's size is bounded by
 * `maxBodyBytes` before this, and its documents' sizes and counts by the routes.
 */
function readBody(bytes: Uint8Array, context: VcApiJobContext): Record<string, unknown> {
  const unbounded = Number.POSITIVE_INFINITY
  return readUntrustedJson(bytes, 'request body', { maxDepth: context.limits.maxDepth + 1, maxBytes: unbounded, maxJsonValues: unbounded, maxContexts: unbounded })
}
