/**
 * @module
 * The one URL policy of medcred's OpenID4VCI and OpenID4VP code: https, or http on a loopback
 * host when a call allows it (tests, local development). The @openid4vc libraries' own https
 * check has only a process-wide switch (`setGlobalConfig({ allowInsecureUrls })`);
 * {@link withUrlPolicy} turns it on for the calls that allow loopback only, counted, and
 * restores it after the last one. Internal: the holders and verifiers take `allowHttpLoopback`.
 */
import { getGlobalConfig, setGlobalConfig } from '@openid4vc/utils'

/** Whether http URLs on a loopback host (127.0.0.1, [::1], localhost) are accepted besides https. */
export type UrlPolicy = { allowHttpLoopback: boolean }

const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost'])

/** Whether `url` is an http URL on a loopback host. */
export function isHttpLoopbackUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' && loopbackHosts.has(parsed.hostname)
  } catch {
    return false
  }
}

/** Whether a request may go to `url`: https, or http on loopback when `policy` allows it. */
export function isAllowedUrl(url: string, policy: UrlPolicy): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return parsed.protocol === 'https:' || (policy.allowHttpLoopback && isHttpLoopbackUrl(url))
}

/** Calls running with http loopback allowed; the libraries' switch is global, so it is counted. */
let loopbackCalls = 0
let configBefore: ReturnType<typeof getGlobalConfig> | undefined

/**
 * Runs `task` with the libraries' URL check loosened to http when `policy` allows loopback
 * (their only switch is process-wide); the caller still refuses, with {@link isAllowedUrl},
 * any http URL that is not loopback. The switch is restored when the last such call ends: at
 * once for a synchronous task, when its promise settles for an asynchronous one.
 */
export function withUrlPolicy<Result>(policy: UrlPolicy, task: () => Result): Result {
  if (!policy.allowHttpLoopback) return task()
  if (loopbackCalls++ === 0) {
    configBefore = getGlobalConfig()
    setGlobalConfig({ ...configBefore, allowInsecureUrls: true })
  }
  const end = () => {
    if (--loopbackCalls === 0 && configBefore) setGlobalConfig(configBefore)
  }
  let result: Result
  try {
    result = task()
  } catch (error) {
    end()
    throw error
  }
  if (result instanceof Promise) return result.finally(end) as Result
  end()
  return result
}
