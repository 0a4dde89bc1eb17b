/**
 * @module
 * Stands in for every HTTP client a dependency carries (jsonld's document loaders and their
 * fetch libraries): the verifier reads bundled contexts only, and inside the machine there is
 * no network. Anything that tries fails at once with a clear error.
 */
import { MedcredError } from 'medcred/internal'

function refuse(): never {
  throw new MedcredError('ERR_VERIFIER_NETWORK_DISABLED', 'The verifier has no network: contexts and keys come from its bundle and its state.')
}

/** For jsonld's `documentLoaders/node` and `xhr`: a loader factory whose loader refuses. */
export const documentLoaderFactory = () => refuse

export default refuse
export const httpClient = { get: refuse, post: refuse, extend: () => httpClient }
export const DEFAULT_HEADERS = {}
export const fetch = refuse
export const request = refuse
