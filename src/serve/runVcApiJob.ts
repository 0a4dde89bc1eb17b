/**
 * @module
 * One VC-API request's work, as a worker thread (or, with `workers: 0`, the main thread) does
 * it: the body's bytes in, the answer's status and JSON text out. Parsing, the depth bound,
 * the request models and the routes all run here, off the thread that serves HTTP; every
 * failure becomes an answer, never a throw.
 */
import { deriveCredentialRoute } from './deriveCredentialRoute.js'
import { VcApiRequestError } from './errors.js'
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
export async function runVcApiJob(job: VcApiJob, context: VcApiJobContext, maxDepth: number): Promise<VcApiJobAnswer> {
  try {
    const body = parseBody(job.body, maxDepth)
    const answer = await handlers[job.route](body, { ...context, now: () => new Date(job.now) })
    return { status: answer.status, text: JSON.stringify(answer.body) }
  } catch (error) {
    return errorAnswer(error)
  }
}

/**
 * The body as JSON, no deeper than `maxDepth`. JSON.parse does not recurse, but what reads the
 * value next does (JSON-LD expansion, structuredClone): a deep body is refused here, with a
 * code, rather than overflowing the stack there.
 */
function parseBody(bytes: Uint8Array, maxDepth: number): unknown {
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder().decode(bytes))
  } catch (error) {
    throw new VcApiRequestError('ERR_SERVE_BODY_NOT_JSON', `The request body is not valid JSON: ${(error as Error).message}.`)
  }
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (node === null || typeof node !== 'object') continue
    if (depth >= maxDepth) throw new VcApiRequestError('ERR_SERVE_BODY_TOO_DEEP', `The request body nests objects and arrays deeper than ${maxDepth} levels.`)
    for (const inner of Object.values(node)) stack.push([inner, depth + 1])
  }
  return value
}
