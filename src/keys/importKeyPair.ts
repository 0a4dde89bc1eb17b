/**
 * @module
 * Imports a key pair from a Multikey document, public or private, after strict validation.
 */
import { z } from 'zod'
import { bbsAlgorithm, multikeyContext } from './constants.js'
import { InvalidKeyError } from './errors.js'
import { keyTypeOf } from './keyTypeOf.js'
import { toMultikeyKeyPair } from './toMultikeyKeyPair.js'
import type { KeyPair, KeyType } from './types.js'

// Strict: an unknown member is refused, so a misspelt `secretKeyMultibase` cannot quietly
// import a key pair as public-only.
const multikeySchema = z.strictObject({
  '@context': z.literal(multikeyContext).optional(),
  type: z.literal('Multikey'),
  id: z.string().min(1),
  controller: z.string().min(1),
  publicKeyMultibase: z.string(),
  secretKeyMultibase: z.string().optional(),
})

export type ImportKeyPairOptions<type extends KeyType = KeyType> = {
  /** The key type the caller expects; any other type is refused. */
  type?: type | undefined
}

/**
 * Imports a key pair from a Multikey document such as {@link exportPublicKey} or
 * {@link exportPrivateKey} write. The key type is read from the multicodec prefix of the keys;
 * a secret key must be the one of the public key.
 *
 * @param document - the parsed JSON of a Multikey document
 * @param options - {@link ImportKeyPairOptions}
 * @returns the key pair, with its secret key when the document has one
 * @throws {InvalidKeyError}
 *   - `ERR_KEY_INVALID_DOCUMENT` when the document is not a Multikey document (wrong `type`,
 *     missing `id` or `controller`, unknown members); `details.issues` lists them.
 *   - `ERR_KEY_INVALID_MULTIBASE` when a key is not a BLS12-381 G2 or Ed25519 multibase key.
 *   - `ERR_KEY_TYPE_MISMATCH` when the keys differ in type or are not of `options.type`.
 *   - `ERR_KEY_SECRET_MISMATCH` when the secret key does not belong to the public key.
 *
 * @example
 * ```ts
 * import { importKeyPair } from 'medcred'
 * const issuerKey = await importKeyPair(JSON.parse(text), { type: 'Bls12381G2' })
 * ```
 */
export async function importKeyPair<type extends KeyType = KeyType>(
  document: unknown,
  options: ImportKeyPairOptions<type> = {},
): Promise<KeyPair<type>> {
  const parsed = multikeySchema.safeParse(document)
  if (!parsed.success) {
    // Paths and zod's messages only: neither quotes the values, which may be secret.
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
    throw new InvalidKeyError({ reason: 'notMultikey', issues })
  }
  const { id, controller, publicKeyMultibase, secretKeyMultibase } = parsed.data
  const keyPair = {
    type: keyTypeOf(parsed.data, options.type) as type,
    id,
    controller,
    publicKeyMultibase,
    ...(secretKeyMultibase === undefined ? {} : { secretKeyMultibase }),
  }
  if (secretKeyMultibase !== undefined && !(await secretMatchesPublic(keyPair))) {
    throw new InvalidKeyError({ reason: 'secretMismatch', id, publicKeyMultibase })
  }
  return keyPair
}

async function secretMatchesPublic(keyPair: KeyPair): Promise<boolean> {
  if (keyPair.type === 'Bls12381G2') {
    // BLS public keys are a function of the secret key: derive it and compare.
    const { from } = await import('@digitalbazaar/bls12-381-multikey')
    const { secretKeyMultibase } = keyPair
    const derived = await from({ type: 'Multikey', secretKeyMultibase }, { algorithm: bbsAlgorithm })
    return derived.publicKeyMultibase === keyPair.publicKeyMultibase
  }
  // The Ed25519 library cannot derive a public key from a seed: sign, and verify with the
  // claimed public key instead.
  const key = await toMultikeyKeyPair({ ...keyPair, type: 'Ed25519' })
  const data = new TextEncoder().encode('medcred key pair check')
  const signature = await key.signer().sign({ data })
  return key.verifier().verify({ data, signature })
}
