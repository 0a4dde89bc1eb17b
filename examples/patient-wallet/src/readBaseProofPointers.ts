/**
 * @module
 * Reads the issuer's mandatory pointers out of a bbs-2023 base proof, so the wallet locks
 * exactly the fields the issuer signed as always revealed, whatever the credential's type.
 */
import { base64urlnopad } from '@scure/base'
import { decode } from 'cborg'
import { WalletInputError } from './errors.js'

// A base proof value is multibase 'u' + base64url(0xd9 0x5d <option> + CBOR array), the option
// byte 0x02 baseline, 0x04 anonymous holder binding, 0x06 pseudonym, 0x08 both; the pointers are
// its fifth item whatever the option (https://www.w3.org/TR/vc-di-bbs/#serializebaseproofvalue).
const baseProofTag = [0xd9, 0x5d]
const featureOptionBytes = [0x02, 0x04, 0x06, 0x08]

/**
 * Lists the JSON pointers the issuer made mandatory in a bbs-2023 base proof.
 *
 * @param proofValue - the `proof.proofValue` of the credential the issuer handed over
 * @returns the pointers, e.g. `['/issuer', '/type', '/validFrom']`
 * @throws {WalletInputError} `ERR_WALLET_CERTIFICATE_INVALID` when it is not a base proof
 *   (a derived credential, say, which cannot be derived again).
 */
export function readBaseProofPointers(proofValue: unknown): string[] {
  const refuse = (reason: string, cause?: unknown) =>
    new WalletInputError('ERR_WALLET_CERTIFICATE_INVALID', `The certificate's proof is not a bbs-2023 base proof (${reason}). Load the certificate exactly as the issuer gave it, not a presentation made from it.`, cause)
  if (typeof proofValue !== 'string' || !proofValue.startsWith('u')) throw refuse('no base64url proofValue')
  let bytes: Uint8Array
  try {
    bytes = base64urlnopad.decode(proofValue.slice(1))
  } catch (cause) {
    throw refuse('proofValue is not base64url', cause)
  }
  if (!baseProofTag.every((byte, i) => bytes[i] === byte) || !featureOptionBytes.includes(bytes[2] as number)) throw refuse('wrong proof header')
  let items: unknown
  try {
    // Tag 64 (raw bytes) is how the issuer's suite writes byte strings, tag 2 (a bignum) how
    // some write a pseudonym option's nym entropy; keep both as bytes.
    const tags: ((inner: unknown) => unknown)[] = []
    tags[64] = tags[2] = (inner) => inner
    items = decode(bytes.subarray(3), { useMaps: true, tags })
  } catch (cause) {
    throw refuse('its CBOR does not decode', cause)
  }
  const pointers = Array.isArray(items) ? items[4] : undefined
  if (!Array.isArray(pointers) || !pointers.every((p): p is string => typeof p === 'string')) throw refuse('no mandatory pointers')
  return pointers
}
