/**
 * @module
 * Reads the verifier's list of trusted issuers as typed in the page.
 */
import { WalletInputError } from './errors.js'
import { parseTrustedIssuer, type TrustedIssuer, TrustedIssuerSyntaxError } from 'medcred'

/**
 * Parses one issuer a line: `did:…`, or `did:…=Type1,Type2` to trust it for those types only.
 * Blank lines are ignored.
 *
 * @param text - the list as typed
 * @returns the trusted issuers, possibly none
 * @throws {WalletInputError} `ERR_WALLET_TRUST_INVALID` naming the first line that cannot be read,
 *   and why.
 */
export function parseTrustedIssuers(text: string): TrustedIssuer[] {
  return text.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return []
    try {
      return [parseTrustedIssuer(line)]
    } catch (error) {
      if (!(error instanceof TrustedIssuerSyntaxError)) throw error
      throw new WalletInputError('ERR_WALLET_TRUST_INVALID', `Line ${index + 1}: ${error.message}`, error)
    }
  })
}
