/**
 * @module
 * The few DOM helpers both pages share.
 */
import { MedcredError } from 'medcred'

/** The element with this id; the pages' HTML and code ship together, so a miss is a bug. */
export function byId<Element extends HTMLElement>(id: string, type: new () => Element): Element {
  const element = document.getElementById(id)
  if (!(element instanceof type)) throw new Error(`The page has no <${type.name}> #${id}.`)
  return element
}

/** A one-line message for people: the stable code first when there is one. */
export function describeError(error: unknown): string {
  if (error instanceof MedcredError) return `${error.code}: ${error.message}`
  return error instanceof Error ? error.message : String(error)
}

/**
 * Whether the page is served from loopback (development, tests): then it may also reach
 * issuers and verifiers on http loopback, per call (`allowHttpLoopback`); https otherwise.
 */
export const servedFromLoopback = ['127.0.0.1', 'localhost', '[::1]'].includes(location.hostname)

/** JSON as the pages show it. */
export const formatJson = (value: unknown): string => JSON.stringify(value, null, 2)
