/**
 * @module
 * Names a key pair's type from the multicodecs of its keys.
 */
import { InvalidKeyError } from './errors.js'
import { parseMultibaseKey } from './parseMultibaseKey.js'
import type { KeyPair, KeyType } from './types.js'

/**
 * Returns the type of a key pair, read from its multicodec prefixes, after checking that the
 * public key, the secret key and the expected type all agree.
 *
 * @param keys - the multibase keys; the secret key is optional
 * @param expected - the type the caller claims, if any
 * @returns the key type
 * @throws {InvalidKeyError} `ERR_KEY_INVALID_MULTIBASE` for an unreadable key,
 *   `ERR_KEY_TYPE_MISMATCH` when the keys are of different types or not of `expected`.
 */
export function keyTypeOf(
  keys: Pick<KeyPair, 'publicKeyMultibase' | 'secretKeyMultibase'>,
  expected?: KeyType | undefined,
): KeyType {
  const { type } = parseMultibaseKey(keys.publicKeyMultibase, 'publicKeyMultibase')
  if (expected !== undefined && type !== expected) {
    throw new InvalidKeyError({ reason: 'publicKeyType', expected, actual: type })
  }
  if (keys.secretKeyMultibase !== undefined) {
    const secret = parseMultibaseKey(keys.secretKeyMultibase, 'secretKeyMultibase')
    if (secret.type !== type) {
      throw new InvalidKeyError({ reason: 'secretKeyType', expected: type, actual: secret.type })
    }
  }
  return type
}
