/**
 * @module
 * Errors of the JSON-LD contexts: a document medcred does not bundle, a context that does not
 * match its pin, a manifest that cannot be read. Exported from `medcred` (the manifest's from
 * `medcred/node`).
 */
import { MedcredError } from '../errors/MedcredError.js'

/** The codes of the context errors: the document loader's and the manifest reader's. */
export type ContextErrorCode = 'ERR_CONTEXT_NOT_BUNDLED' | 'ERR_CONTEXT_INTEGRITY' | 'ERR_CONTEXT_PIN_INVALID' | ContextManifestErrorCode

/** The loader was asked for a URL it does not serve; medcred never fetches one. */
export class ContextNotBundledError extends MedcredError {
  override name = 'ContextNotBundledError'
  declare readonly code: 'ERR_CONTEXT_NOT_BUNDLED'
  readonly url: string
  constructor(url: string) {
    super(
      'ERR_CONTEXT_NOT_BUNDLED',
      `Document "${url}" is not bundled with medcred and will not be fetched.`,
      { details: { url } },
    )
    this.url = url
  }
}

/** A bundled or caller-pinned context does not match the SHA-256 it was pinned with. */
export class ContextIntegrityError extends MedcredError {
  override name = 'ContextIntegrityError'
  declare readonly code: 'ERR_CONTEXT_INTEGRITY'
  constructor(url: string, expected: string, actual: string) {
    super(
      'ERR_CONTEXT_INTEGRITY',
      `Context "${url}" does not match its pinned SHA-256 (expected ${expected}, got ${actual}).`,
      { details: { url, expected, actual } },
    )
  }
}

/** A caller-pinned context that cannot be served: not JSON, or a URL medcred already bundles. */
export class PinnedContextError extends MedcredError {
  override name = 'PinnedContextError'
  declare readonly code: 'ERR_CONTEXT_PIN_INVALID'
  constructor(url: string, reason: string) {
    super('ERR_CONTEXT_PIN_INVALID', `Context "${url}" cannot be added: ${reason}.`, { details: { url } })
  }
}

/** Why a context manifest (the contexts/manifest.json format) cannot be read. */
export type ContextManifestErrorCode =
  /** The manifest file is missing or unreadable. */
  | 'ERR_CONTEXT_MANIFEST_UNREADABLE'
  /** The manifest is not JSON, or not an object of `{ "<url>": { "file", "sha256" } }`. */
  | 'ERR_CONTEXT_MANIFEST_MALFORMED'
  /** A context file the manifest names is missing, unreadable or not UTF-8 text. */
  | 'ERR_CONTEXT_FILE_UNREADABLE'

/** Why a context manifest cannot be read; `path` is the file at fault. */
export type ContextManifestErrorParameters =
  /** The manifest, or the context file of `url`, cannot be read; the file system's error is the `cause`. */
  | { reason: 'unreadable'; path: string; url?: string | undefined; cause: unknown }
  /** The context file of `url` is not UTF-8 text. */
  | { reason: 'notUtf8'; path: string; url: string; cause: unknown }
  /** The manifest is not JSON, or not a JSON object. */
  | { reason: 'manifestNotJson'; path: string }
  | { reason: 'manifestNotObject'; path: string }
  /** An entry whose key is not a URL. */
  | { reason: 'entryUrl'; path: string; url: string }
  /** The entry of `url` is not an object, or has no usable `file` or `sha256`. */
  | { reason: 'entryNotObject'; path: string; url: string }
  | { reason: 'entryFile'; path: string; url: string }
  | { reason: 'entrySha256'; path: string; url: string }

/** A file system error in words: the common ones plainly, others by their message. */
function unreadableBecause(cause: unknown): string {
  const errno = (cause as { code?: unknown } | undefined)?.code
  return errno === 'ENOENT' ? 'no such file' : errno === 'EISDIR' ? 'it is a folder' : errno === 'EACCES' ? 'permission denied' : ((cause as Error).message ?? 'unknown error')
}

function describeManifest(parameters: ContextManifestErrorParameters): [ContextManifestErrorCode, string] {
  const { path } = parameters
  const malformed = (why: string): [ContextManifestErrorCode, string] => [
    'ERR_CONTEXT_MANIFEST_MALFORMED',
    `The context manifest ${path} ${why}; it must be { "<url>": { "file": "<name>.jsonld", "sha256": "<hex>" } }.`,
  ]
  switch (parameters.reason) {
    case 'unreadable': {
      const { url, cause } = parameters
      return url === undefined
        ? ['ERR_CONTEXT_MANIFEST_UNREADABLE', `Cannot read the context manifest ${path}: ${unreadableBecause(cause)}.`]
        : ['ERR_CONTEXT_FILE_UNREADABLE', `Cannot read the context file of ${url} ${path}: ${unreadableBecause(cause)}.`]
    }
    case 'notUtf8':
      return ['ERR_CONTEXT_FILE_UNREADABLE', `The context file of ${parameters.url}, ${path}, is not UTF-8 text.`]
    case 'manifestNotJson':
      return malformed('is not JSON')
    case 'manifestNotObject':
      return malformed('is not a JSON object')
    case 'entryUrl':
      return malformed(`has "${parameters.url}", which is not a URL`)
    case 'entryNotObject':
      return malformed(`has no { file, sha256 } object for ${parameters.url}`)
    case 'entryFile':
      return malformed(`has no "file" relative to its folder for ${parameters.url}`)
    case 'entrySha256':
      return malformed(`has no "sha256" of 64 hex digits for ${parameters.url}`)
  }
}

/**
 * A context manifest cannot be read: the manifest or one of its files is missing, or the
 * manifest is malformed. `path` is the file at fault. (A file whose text does not match its
 * SHA-256 is the document loader's {@link ContextIntegrityError}.)
 */
export class ContextManifestError extends MedcredError {
  override name = 'ContextManifestError'
  declare readonly code: ContextManifestErrorCode
  /** The file at fault: the manifest, or the context file one of its entries names. */
  readonly path: string
  /** What is wrong with it. */
  readonly reason: ContextManifestErrorParameters['reason']
  constructor(parameters: ContextManifestErrorParameters) {
    const [code, message] = describeManifest(parameters)
    // The url in details only for a context file's error (a malformed entry's is in the message).
    const url = parameters.reason === 'unreadable' || parameters.reason === 'notUtf8' ? parameters.url : undefined
    super(code, message, { cause: 'cause' in parameters ? parameters.cause : undefined, details: { path: parameters.path, ...(url === undefined ? {} : { url }) } })
    this.path = parameters.path
    this.reason = parameters.reason
  }
}
