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
  constructor(code: ContextManifestErrorCode, path: string, message: string, options: { url?: string | undefined; cause?: unknown } = {}) {
    super(code, message, { cause: options.cause, details: { path, ...(options.url === undefined ? {} : { url: options.url }) } })
    this.path = path
  }
}
