/**
 * @module
 * Checks the values an accreditation or a rotation carries before anything is stored.
 */
import type { IssuerKey } from 'medcred/cartesi'
import { decodePublicKeyMultibase, preparePublicKey } from 'medcred/internal'
import { bytesToHex, type Hex, hexToBytes, size } from 'viem'
import { CredentialTypeUnsupportedError, DuplicateValueError, IssuerDidInvalidError, IssuerKeyInvalidError, StatusListInvalidError } from '../errors.js'
import type { VerifierConfig } from '../types.js'

const didPattern = /^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/
const maxTextLength = 2048

/** A DID, syntactically (DID Core 1.0 §3.1), and of bounded length. */
export function validateDid(did: string): void {
  if (did.length > maxTextLength || !didPattern.test(did)) {
    throw new IssuerDidInvalidError({ did })
  }
}

/** Each credential type must be one this verifier has a disclosure policy for. */
export function validateCredentialTypes(types: readonly string[], config: VerifierConfig): void {
  if (types.length === 0) throw new CredentialTypeUnsupportedError({ reason: 'noType' })
  requireUnique(types, 'credential type')
  const unknown = types.find((type) => !Object.hasOwn(config.disclosurePolicies, type))
  if (unknown !== undefined) {
    throw new CredentialTypeUnsupportedError({ reason: 'unknown', credentialType: unknown, accepted: Object.keys(config.disclosurePolicies) })
  }
}

/** Status list URLs: absolute URLs, each once. */
export function validateStatusLists(urls: readonly string[]): void {
  requireUnique(urls, 'status list')
  for (const url of urls) {
    if (url.length > maxTextLength || !URL.canParse(url)) {
      throw new StatusListInvalidError({ url })
    }
  }
}

/**
 * Keys: ids under the issuer's DID, each a valid BLS12-381 G2 point. A did:key issuer has
 * exactly one possible key, the one its DID encodes.
 */
export function validateIssuerKeys(did: string, keys: readonly IssuerKey[]): void {
  requireUnique(
    keys.map((key) => key.id),
    'key id',
  )
  for (const key of keys) {
    if (key.id.length > maxTextLength || !key.id.startsWith(`${did}#`) || key.id.length === did.length + 1) {
      throw new IssuerKeyInvalidError({ reason: 'outsideDid', keyId: key.id, did })
    }
    validatePublicKey(key.id, key.publicKey)
  }
  if (did.startsWith('did:key:')) {
    const multibase = did.slice('did:key:'.length)
    const own = decodeDidKey(multibase)
    const matches = keys.every((key) => key.id === `${did}#${multibase}` && key.publicKey.toLowerCase() === own)
    if (!matches) throw new IssuerKeyInvalidError({ reason: 'notDidKeyOwn', did, multibase })
  }
}

/**
 * octets_to_pubkey, as verification will read the key: a point of G2 other than the identity.
 * It also prepares the key for pairings, so the issuer's first presentation does not pay for it.
 */
function validatePublicKey(id: string, publicKey: Hex): void {
  if (!preparePublicKey(hexToBytes(publicKey))) {
    throw new IssuerKeyInvalidError({ reason: 'notBls12381G2', keyId: id }, { cause: new Error(`${size(publicKey)} bytes that are not a compressed point of G2 other than the identity`) })
  }
}

function decodeDidKey(multibase: string): string {
  try {
    const decoded = decodePublicKeyMultibase(multibase)
    if (decoded.type !== 'Bls12381G2') throw new Error(`a ${decoded.type} key`)
    return bytesToHex(decoded.publicKey)
  } catch (cause) {
    throw new IssuerKeyInvalidError({ reason: 'didKeyNotBls12381G2' }, { cause })
  }
}

function requireUnique(values: readonly string[], what: string): void {
  const seen = new Set<string>()
  for (const value of values) {
    if (seen.has(value)) throw new DuplicateValueError({ in: 'issuer', what, value })
    seen.add(value)
  }
}
