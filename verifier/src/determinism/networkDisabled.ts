/**
 * @module
 * Stands in for every HTTP client a dependency carries (jsonld's document loaders and their
 * fetch libraries): the verifier reads bundled contexts only, and inside the machine there is
 * no network. Anything that tries fails at once with a clear error.
 */
import { NetworkDisabledError } from '../errors.js'

function refuse(): never {
  throw new NetworkDisabledError()
}

/** For jsonld's `documentLoaders/node` and `xhr`: a loader factory whose loader refuses. */
export const documentLoaderFactory = () => refuse

export default refuse
export const httpClient = { get: refuse, post: refuse, extend: () => httpClient }
export const DEFAULT_HEADERS = {}
export const fetch = refuse
export const request = refuse
