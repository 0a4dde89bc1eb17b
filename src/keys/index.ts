/**
 * @module
 * Key pairs for medcred: BLS12-381 G2 (BBS) issuer keys and Ed25519 holder keys as W3C
 * Multikey, did:key identifiers, and passphrase-encrypted key files.
 *
 * This barrel is the whole public surface of `src/keys/`: `medcred` re-exports all of it
 * (`export *` in src/index.ts), so a name added here is public and a name that is not public
 * is imported from its module file instead.
 */
export { type DidKey, didKeyFromPublicKey } from './didKeyFromPublicKey.js'
export { type DidKeyVerificationMethodId, didKeyVerificationMethodId } from './didKeyVerificationMethodId.js'
export { decryptKeyPair } from './decryptKeyPair.js'
export { type EncryptKeyPairOptions, encryptKeyPair } from './encryptKeyPair.js'
export {
  InvalidKeyError,
  type InvalidKeyErrorCode,
  type KeyErrorCode,
  KeyDecryptionError,
  type KeyDecryptionErrorCode,
  KeyEncryptionError,
  type KeyEncryptionErrorCode,
} from './errors.js'
export { exportPrivateKey } from './exportPrivateKey.js'
export { type ExportPublicKeyOptions, exportPublicKey } from './exportPublicKey.js'
export { type GenerateKeyPairParameters, generateKeyPair } from './generateKeyPair.js'
export { type ImportKeyPairOptions, importKeyPair } from './importKeyPair.js'
export { inspectEncryptedKeyPair } from './inspectEncryptedKeyPair.js'
export type {
  KeyPair,
  KeyType,
  PrivateKeyPair,
  PrivateMultikey,
  PublicMultikey,
} from './types.js'
