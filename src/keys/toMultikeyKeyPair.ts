/**
 * @module
 * Turns a medcred key pair into the Digital Bazaar key object the Data Integrity suites sign
 * and verify with. Internal: the suites use it; it is not exported from an entry point.
 */
import { bbsAlgorithm, multikeyContext } from './constants.js'
import { keyTypeOf } from './keyTypeOf.js'
import type { KeyPair, KeyType, MultikeyKeyPair } from './types.js'

/**
 * Loads a key pair into `@digitalbazaar/bls12-381-multikey` or
 * `@digitalbazaar/ed25519-multikey`, whose `signer()` feeds bbs-2023 issuing and
 * eddsa-rdfc-2022 holder proofs and whose `verifier()` checks them.
 *
 * The key object holds the secret key in memory: make one when signing, do not keep it.
 *
 * @param keyPair - the key pair; without a secret key the object can verify but not sign
 * @returns the Digital Bazaar key pair (`signer()`, `verifier()`, `export()`), with the key
 *   pair's `id` as the signer's verification method
 * @throws {InvalidKeyError} `ERR_KEY_INVALID_MULTIBASE` or `ERR_KEY_TYPE_MISMATCH` when the
 *   key pair does not hold keys of its stated type.
 *
 * @example
 * ```ts
 * import { toMultikeyKeyPair } from '../keys/toMultikeyKeyPair.js'
 * const key = await toMultikeyKeyPair(await generateKeyPair({ type: 'Ed25519' }))
 * const signature = await key.signer().sign({ data: new TextEncoder().encode('hello') })
 * ```
 */
export async function toMultikeyKeyPair<type extends KeyType>(
  keyPair: KeyPair<type>,
): Promise<MultikeyKeyPair<type>> {
  const { id, controller, publicKeyMultibase, secretKeyMultibase } = keyPair
  const multikey = {
    '@context': multikeyContext,
    type: 'Multikey',
    id,
    controller,
    publicKeyMultibase,
    secretKeyMultibase,
  } as const
  // The libraries are imported on demand so an app that uses one key type never loads the other.
  switch (keyTypeOf(keyPair, keyPair.type)) {
    case 'Bls12381G2': {
      const { from } = await import('@digitalbazaar/bls12-381-multikey')
      return (await from(multikey, { algorithm: bbsAlgorithm })) as MultikeyKeyPair<type>
    }
    case 'Ed25519': {
      const { from } = await import('@digitalbazaar/ed25519-multikey')
      return (await from(multikey)) as MultikeyKeyPair<type>
    }
  }
}
