/**
 * @module
 * Generates BLS12-381 G2 (BBS issuer) and Ed25519 (holder) key pairs.
 */
import { bbsAlgorithm } from './constants.js'
import { didKeyFromPublicKey } from './didKeyFromPublicKey.js'
import { InvalidKeyError } from './errors.js'
import type { KeyType, PrivateKeyPair } from './types.js'

export type GenerateKeyPairParameters<type extends KeyType = KeyType> = {
  /** `Bls12381G2` to issue bbs-2023 credentials, `Ed25519` to sign as a holder. */
  type: type
  /** The DID that controls the key; the key's own did:key when not given. */
  controller?: string | undefined
}

/**
 * Generates a key pair from the platform's secure random source.
 *
 * The verification method id is `<controller>#<publicKeyMultibase>`, so a key without a
 * controller is identified as in its did:key document (`did:key:z...#z...`).
 *
 * @param parameters - {@link GenerateKeyPairParameters}
 * @returns the new key pair, secret key included
 * @throws {InvalidKeyError} `ERR_KEY_UNSUPPORTED_TYPE` when `type` is neither `Bls12381G2` nor
 *   `Ed25519`.
 *
 * @example
 * ```ts
 * import { generateKeyPair } from 'medcred'
 * const issuerKey = await generateKeyPair({ type: 'Bls12381G2', controller: 'did:web:school.example' })
 * const holderKey = await generateKeyPair({ type: 'Ed25519' }) // controlled by its did:key
 * ```
 */
export async function generateKeyPair<type extends KeyType>(
  parameters: GenerateKeyPairParameters<type>,
): Promise<PrivateKeyPair<type>> {
  const { type } = parameters
  const { publicKeyMultibase, secretKeyMultibase } = await generateMultibaseKeys(type)
  const controller = parameters.controller ?? didKeyFromPublicKey(publicKeyMultibase)
  return { type, id: `${controller}#${publicKeyMultibase}`, controller, publicKeyMultibase, secretKeyMultibase }
}

type MultibaseKeys = { publicKeyMultibase: string; secretKeyMultibase: string }

// The libraries are imported on demand so an app that uses one key type never loads the other.
async function generateMultibaseKeys(type: KeyType): Promise<MultibaseKeys> {
  switch (type) {
    case 'Bls12381G2': {
      const { generateBbsKeyPair } = await import('@digitalbazaar/bls12-381-multikey')
      const key = await generateBbsKeyPair({ algorithm: bbsAlgorithm })
      // A freshly generated key always holds its secret key.
      return (await key.export({ secretKey: true, includeContext: false })) as MultibaseKeys
    }
    case 'Ed25519': {
      const { generate } = await import('@digitalbazaar/ed25519-multikey')
      const key = await generate()
      // `canonicalize` writes the 32-byte seed, not the legacy seed + public key.
      return (await key.export({ secretKey: true, includeContext: false, canonicalize: true })) as MultibaseKeys
    }
    default:
      throw new InvalidKeyError({ reason: 'unsupportedType', type })
  }
}
