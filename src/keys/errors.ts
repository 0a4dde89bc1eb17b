/**
 * @module
 * Errors thrown by the key modules. None of them ever carries secret key material or a
 * passphrase, in its message or its details.
 */
import { MedcredError } from '../errors/MedcredError.js'
import type { SealedFileKind } from '../sealing/sealedFileFormat.js'
import type { KeyType } from './types.js'

/** The codes of the key errors. */
export type KeyErrorCode = InvalidKeyErrorCode | KeyEncryptionErrorCode | KeyDecryptionErrorCode

/** Why a key or key document was refused. */
export type InvalidKeyErrorCode =
  | 'ERR_KEY_UNSUPPORTED_TYPE'
  | 'ERR_KEY_INVALID_DOCUMENT'
  | 'ERR_KEY_INVALID_MULTIBASE'
  | 'ERR_KEY_TYPE_MISMATCH'
  | 'ERR_KEY_SECRET_MISMATCH'
  | 'ERR_KEY_SECRET_MISSING'

/** Why a key, or a Multikey document, was refused; each reason names the facts its message needs. */
export type InvalidKeyErrorParameters =
  /** `generateKeyPair` was asked for a type it does not generate. */
  | { reason: 'unsupportedType'; type: unknown }
  /** Not a Multikey document: the schema's issues, as paths and messages (never values). */
  | { reason: 'notMultikey'; issues: readonly { path: string; message: string }[] }
  /** A legacy key document whose `type` is not Bls12381G2Key2020. */
  | { reason: 'notBls12381G2Key2020'; type: unknown }
  /** A legacy key document's field that is not base58. */
  | { reason: 'notBase58'; field: string }
  /** A multibase key that is not base58btc (`z...`). */
  | { reason: 'notMultibase'; field: string }
  /** A multibase key with no multicodec prefix medcred reads. */
  | { reason: 'multicodecUnsupported'; field: string }
  /** A key of the wrong length for its type. */
  | { reason: 'length'; field: string; type: KeyType; bytes: number; expected: number }
  /** A key of the right length that is not a key of its type (a BLS scalar out of range). */
  | { reason: 'notKeyOfType'; field: string; type: KeyType }
  /** A public key of another type than the one asked for. */
  | { reason: 'publicKeyType'; expected: KeyType; actual: KeyType }
  /** A secret key of another type than its public key. */
  | { reason: 'secretKeyType'; expected: KeyType; actual: KeyType }
  /** A secret key that does not belong to the public key. */
  | { reason: 'secretMismatch'; id: string; publicKeyMultibase: string }
  /** A key pair without the secret key asked for. */
  | { reason: 'secretMissing'; id: string }

const invalidKeyCodes = {
  unsupportedType: 'ERR_KEY_UNSUPPORTED_TYPE',
  notMultikey: 'ERR_KEY_INVALID_DOCUMENT',
  notBls12381G2Key2020: 'ERR_KEY_INVALID_DOCUMENT',
  notBase58: 'ERR_KEY_INVALID_DOCUMENT',
  notMultibase: 'ERR_KEY_INVALID_MULTIBASE',
  multicodecUnsupported: 'ERR_KEY_INVALID_MULTIBASE',
  length: 'ERR_KEY_INVALID_MULTIBASE',
  notKeyOfType: 'ERR_KEY_INVALID_MULTIBASE',
  publicKeyType: 'ERR_KEY_TYPE_MISMATCH',
  secretKeyType: 'ERR_KEY_TYPE_MISMATCH',
  secretMismatch: 'ERR_KEY_SECRET_MISMATCH',
  secretMissing: 'ERR_KEY_SECRET_MISSING',
} as const satisfies Record<InvalidKeyErrorParameters['reason'], InvalidKeyErrorCode>

/** The message and details of each reason; a key value is never quoted (it may be a secret key). */
function describeInvalidKey(parameters: InvalidKeyErrorParameters): [message: string, details: Record<string, unknown> | undefined] {
  switch (parameters.reason) {
    case 'unsupportedType':
      return [`Unsupported key type "${String(parameters.type)}".`, { type: parameters.type }]
    case 'notMultikey': {
      const { issues } = parameters
      const summary = issues.map(({ path, message }) => (path ? `${path}: ${message}` : message)).join('; ')
      return [`Not a Multikey document (${summary}).`, { issues }]
    }
    case 'notBls12381G2Key2020':
      return [`Not a Bls12381G2Key2020 key pair (type ${String(parameters.type)}).`, undefined]
    case 'notBase58':
      return [`"${parameters.field}" is not base58.`, { field: parameters.field }]
    case 'notMultibase':
      return [`"${parameters.field}" is not a base58btc multibase string (z...).`, { field: parameters.field }]
    case 'multicodecUnsupported':
      return [`"${parameters.field}" has no supported multicodec prefix (BLS12-381 G2 or Ed25519).`, { field: parameters.field }]
    case 'length':
      return [`"${parameters.field}" holds ${parameters.bytes} bytes; ${parameters.type} keys have ${parameters.expected}.`, { field: parameters.field }]
    case 'notKeyOfType':
      return [`"${parameters.field}" is not a valid ${parameters.type} key.`, { field: parameters.field }]
    case 'publicKeyType':
      return [`The public key is of type ${parameters.actual}, not ${String(parameters.expected)}.`, { expected: parameters.expected, actual: parameters.actual }]
    case 'secretKeyType':
      return [`The secret key is of type ${parameters.actual} but the public key is of type ${parameters.expected}.`, { expected: parameters.expected, actual: parameters.actual }]
    case 'secretMismatch':
      return [`The secret key of "${parameters.id}" does not belong to its public key.`, { id: parameters.id, publicKeyMultibase: parameters.publicKeyMultibase }]
    case 'secretMissing':
      return [`Key "${parameters.id}" has no secret key to export.`, { id: parameters.id }]
  }
}

/**
 * A key, or a Multikey document, is not one medcred can use as asked; `reason` says which
 * rule it breaks, and decides the code.
 *
 * @example
 * ```ts
 * new InvalidKeyError({ reason: 'secretMissing', id: 'did:key:z6Mk...#z6Mk...' }).code // 'ERR_KEY_SECRET_MISSING'
 * ```
 */
export class InvalidKeyError extends MedcredError {
  override name = 'InvalidKeyError'
  declare readonly code: InvalidKeyErrorCode
  /** The rule the key breaks. */
  readonly reason: InvalidKeyErrorParameters['reason']
  constructor(parameters: InvalidKeyErrorParameters, options: { cause?: unknown } = {}) {
    const [message, details] = describeInvalidKey(parameters)
    super(invalidKeyCodes[parameters.reason], message, { cause: options.cause, details })
    this.reason = parameters.reason
  }
}

/** Why a key pair (or a holder secret) could not be encrypted. */
export type KeyEncryptionErrorCode = 'ERR_KEY_EMPTY_PASSPHRASE' | 'ERR_KEY_INVALID_ITERATIONS'

/** The facts of a {@link KeyEncryptionError}: which rule the passphrase or options break. */
export type KeyEncryptionErrorParameters =
  | { reason: 'emptyPassphrase' }
  /** PBKDF2 iterations outside the bounds a key file reader accepts. */
  | { reason: 'iterations'; iterations: number; min: number; max: number }

/** A key pair or a holder secret cannot be encrypted with the passphrase or options given. */
export class KeyEncryptionError extends MedcredError {
  override name = 'KeyEncryptionError'
  declare readonly code: KeyEncryptionErrorCode
  constructor(parameters: KeyEncryptionErrorParameters) {
    const bounds = parameters.reason === 'iterations' ? parameters : undefined
    super(
      bounds ? 'ERR_KEY_INVALID_ITERATIONS' : 'ERR_KEY_EMPTY_PASSPHRASE',
      bounds ? `"iterations" must be an integer from ${bounds.min} to ${bounds.max}.` : 'The passphrase must be a non-empty string.',
      bounds ? { details: { iterations: bounds.iterations } } : {},
    )
  }
}

/** Why an encrypted key file or holder secret file could not be read or opened. */
export type KeyDecryptionErrorCode =
  | 'ERR_KEY_EMPTY_PASSPHRASE'
  | 'ERR_KEY_WRONG_PASSPHRASE'
  | 'ERR_KEY_FILE_MALFORMED'
  | 'ERR_KEY_FILE_CORRUPTED'
  | 'ERR_KEY_FILE_INVALID_KEY'

/** The facts of a {@link KeyDecryptionError}: why the file was not opened. */
export type KeyDecryptionErrorParameters =
  | { reason: 'emptyPassphrase' }
  | { reason: 'wrongPassphrase' }
  /** The passphrase unwraps the content key, but the content fails its integrity check. */
  | { reason: 'corrupted' }
  /** Not a key file: not five compact JWE segments, or not a JWE jose can read. */
  | { reason: 'notCompactJwe' }
  | { reason: 'notJwe' }
  | { reason: 'headerNotJson' }
  /** The protected header is not a key file's: the fields (paths) at fault. */
  | { reason: 'headerInvalid'; fields: readonly string[] }
  | { reason: 'headerKeyInvalid' }
  /** A sealed file, but of another kind than the one read: a holder secret file given as a key file, or the reverse. */
  | { reason: 'otherFile'; holds: SealedFileKind }
  /** The file decrypts, but its content is not JSON (never quoted: it holds the secret key). */
  | { reason: 'keyNotJson' }
  /** The file decrypts, but its content is no valid key pair; the cause's message (an {@link InvalidKeyError}'s, never key material) says why. */
  | { reason: 'keyInvalid'; cause: Error }
  | { reason: 'keyNotNamed' }
  | { reason: 'keySecretMissing' }
  /** A holder secret file decrypts, but its content is no valid holder secret: the members (paths) at fault, never their values. */
  | { reason: 'holderSecretInvalid'; fields: readonly string[] }

/** What each kind of sealed file is called in messages. */
const fileNames: Record<SealedFileKind, string> = { keyFile: 'key file', holderSecretFile: 'holder secret file' }

function describeKeyDecryption(parameters: KeyDecryptionErrorParameters, file: SealedFileKind): [KeyDecryptionErrorCode, string] {
  const name = fileNames[file]
  const malformed = (why: string): [KeyDecryptionErrorCode, string] => ['ERR_KEY_FILE_MALFORMED', `Not a medcred ${name}: ${why}.`]
  const invalidKey = (why: string): [KeyDecryptionErrorCode, string] => ['ERR_KEY_FILE_INVALID_KEY', `The ${name} decrypts, but ${why}.`]
  switch (parameters.reason) {
    case 'emptyPassphrase':
      return ['ERR_KEY_EMPTY_PASSPHRASE', 'The passphrase must be a non-empty string.']
    case 'wrongPassphrase':
      return ['ERR_KEY_WRONG_PASSPHRASE', `The passphrase does not open this ${name}.`]
    case 'corrupted':
      return ['ERR_KEY_FILE_CORRUPTED', `The ${name} was altered or damaged: the passphrase is right but the content fails its integrity check.`]
    case 'notCompactJwe':
      return malformed('it is not a compact JWE')
    case 'notJwe':
      return malformed('it is not a valid JWE')
    case 'headerNotJson':
      return malformed('its protected header is not base64url JSON')
    case 'headerInvalid':
      return malformed(`its protected header is not a ${name} header (check ${parameters.fields.join(', ')})`)
    case 'headerKeyInvalid':
      return malformed('its header names an invalid public key')
    case 'otherFile':
      return malformed(`it is a ${fileNames[parameters.holds]}`)
    case 'keyNotJson':
      return invalidKey('it is not JSON')
    case 'keyInvalid':
      return invalidKey(`it holds no valid key pair (${parameters.cause.message.replace(/\.$/, '')})`)
    case 'keyNotNamed':
      return invalidKey('it is not the key its header names')
    case 'keySecretMissing':
      return invalidKey('it holds no secret key')
    case 'holderSecretInvalid':
      return invalidKey(`it holds no valid holder secret (check ${parameters.fields.join(', ')})`)
  }
}

/**
 * An encrypted key file or holder secret file cannot be read, or the passphrase does not open
 * it; `reason` says why, and decides the code. `file` says which kind of file was read (a key
 * file unless told), and the message names it.
 *
 * @example
 * ```ts
 * new KeyDecryptionError({ reason: 'wrongPassphrase' }, { file: 'holderSecretFile' }).message // 'The passphrase does not open this holder secret file.'
 * ```
 */
export class KeyDecryptionError extends MedcredError {
  override name = 'KeyDecryptionError'
  declare readonly code: KeyDecryptionErrorCode
  /** Why the file was not opened. */
  readonly reason: KeyDecryptionErrorParameters['reason']
  /** The kind of file that was read. */
  readonly file: SealedFileKind
  constructor(parameters: KeyDecryptionErrorParameters, options: { cause?: unknown; file?: SealedFileKind | undefined } = {}) {
    const { file = 'keyFile' } = options
    const [code, message] = describeKeyDecryption(parameters, file)
    super(code, message, { cause: 'cause' in parameters ? parameters.cause : options.cause })
    this.reason = parameters.reason
    this.file = file
  }
}
