/**
 * @module
 * The CLI's errors: a failed operation (exit code 1) and a wrong command line (exit code 2).
 * Each takes the facts of its reason and writes its own message, which the command prints with
 * its code. {@link CliErrorCode} is exported from `medcred/node`.
 */
import { MedcredError } from '../errors/MedcredError.js'

/** Every code the `medcred` command ends with, besides the library codes it passes through. */
export type CliErrorCode = CliFailureCode | 'ERR_CLI_USAGE'

/** Why a CLI operation failed (exit code 1). */
export type CliFailureCode =
  | 'ERR_CLI_FILE_UNREADABLE'
  | 'ERR_CLI_FILE_UNWRITABLE'
  | 'ERR_CLI_FILE_NOT_JSON'
  | 'ERR_CLI_FILE_NOT_OBJECT'
  | 'ERR_CLI_FILE_EXISTS'
  | 'ERR_CLI_BACKUP_EXISTS'
  | 'ERR_CLI_PASSPHRASE_MISSING'
  | 'ERR_CLI_KEY_UNENCRYPTED'
  | 'ERR_CLI_KEY_TYPE'
  | 'ERR_CLI_ISSUER_KEY_MISMATCH'
  | 'ERR_CLI_CREDENTIAL_NOT_DERIVED'
  | 'ERR_CLI_WRONG_LIST'
  | 'ERR_CLI_NO_STATUS'
  | 'ERR_CLI_CONTEXT_CONFLICT'
  | 'ERR_CLI_DEVNODE_UNAVAILABLE'
  | 'ERR_CLI_LISTEN_FAILED'
  | 'ERR_CLI_PRIVATE_KEY_MISSING'
  | 'ERR_CLI_PRIVATE_KEY_INVALID'
  | 'ERR_CLI_CHAIN_UNREACHABLE'
  | 'ERR_CLI_INPUT_REJECTED'
  | 'ERR_CLI_DEAL_UNKNOWN'
  | 'ERR_CLI_DEAL_CLOSED'
  | 'ERR_CLI_INSPECT_FAILED'

/**
 * Why a CLI operation failed; each reason names the facts its message needs. A reason with an
 * `error` keeps it as the `cause`; a secret (a passphrase, a private key) is never a fact.
 */
export type CliErrorParameters =
  /** A file (or `-`, standard input) that cannot be read. */
  | { reason: 'fileUnreadable'; path: string; error: unknown }
  /** An output file that cannot be written: its errno decides the words. */
  | { reason: 'fileUnwritable'; path: string; error: unknown }
  /** A file (or `-`, standard input) that is not JSON. */
  | { reason: 'fileNotJson'; path: string }
  | { reason: 'fileNotObject'; path: string }
  /** `keys generate --out` names an existing file, without `--force`. */
  | { reason: 'fileExists'; path: string }
  /** `keys generate --force` would keep the old file as `backup`, which exists. */
  | { reason: 'backupExists'; backup: string }
  /** An encrypted key file, and no passphrase in `variable`. */
  | { reason: 'keyFileEncrypted'; path: string; variable: string }
  /** `keys generate --encrypt`, and no passphrase in `variable`. */
  | { reason: 'encryptPassphraseMissing'; variable: string }
  /** `keys generate` with neither a passphrase in `variable` nor `--unencrypted`. */
  | { reason: 'keyUnencrypted'; variable: string }
  /** `serve --key` holds a key of a type serve does not issue with. */
  | { reason: 'keyType'; path: string; type: string }
  /** `issue --key` is a key of `controller`, not of the credential's `issuer` (if it names one). */
  | { reason: 'issuerKeyMismatch'; issuer: string | undefined; keyPath: string; controller: string }
  /** `verify` of a base credential, or of a presentation of one. */
  | { reason: 'credentialNotDerived'; path: string; kind: 'credential' | 'presentation' }
  /** A status command given a list of the other purpose. */
  | { reason: 'wrongList'; path: string; listPurpose: unknown; command: string; purpose: string }
  | { reason: 'noStatus'; path: string }
  /** Two `--context` manifests pin `url` differently. */
  | { reason: 'contextConflict'; url: string; manifests: readonly [string, string] }
  /** The dev node's module did not load (not a clone with dev dependencies). */
  | { reason: 'devnodeUnavailable'; error: unknown }
  /** `serve` cannot listen: EADDRINUSE is said in words, anything else by its message. */
  | { reason: 'listenFailed'; host: string; port: number; error: unknown }
  | { reason: 'privateKeyMissing'; variable: string }
  /** The private key is not 32 bytes of hex (never quoted). */
  | { reason: 'privateKeyNotHex'; variable: string }
  /** The private key is out of secp256k1's range (never quoted; the library's error is no cause, it quotes the key). */
  | { reason: 'privateKeyOutOfRange'; variable: string }
  | { reason: 'chainUnreachable'; rpcUrl: string; error: unknown }
  /** The verifier rejected an input: its failed report, if it sent one. */
  | { reason: 'inputRejected'; inputIndex: number | bigint; report: { message: string; code: string } | undefined }
  | { reason: 'dealUnknown'; dealId: bigint }
  | { reason: 'dealClosed'; dealId: bigint }
  /** The verifier refused an inspect query: its message and code. */
  | { reason: 'inspectFailed'; message: string; code: string }

const cliCodes = {
  fileUnreadable: 'ERR_CLI_FILE_UNREADABLE',
  fileUnwritable: 'ERR_CLI_FILE_UNWRITABLE',
  fileNotJson: 'ERR_CLI_FILE_NOT_JSON',
  fileNotObject: 'ERR_CLI_FILE_NOT_OBJECT',
  fileExists: 'ERR_CLI_FILE_EXISTS',
  backupExists: 'ERR_CLI_BACKUP_EXISTS',
  keyFileEncrypted: 'ERR_CLI_PASSPHRASE_MISSING',
  encryptPassphraseMissing: 'ERR_CLI_PASSPHRASE_MISSING',
  keyUnencrypted: 'ERR_CLI_KEY_UNENCRYPTED',
  keyType: 'ERR_CLI_KEY_TYPE',
  issuerKeyMismatch: 'ERR_CLI_ISSUER_KEY_MISMATCH',
  credentialNotDerived: 'ERR_CLI_CREDENTIAL_NOT_DERIVED',
  wrongList: 'ERR_CLI_WRONG_LIST',
  noStatus: 'ERR_CLI_NO_STATUS',
  contextConflict: 'ERR_CLI_CONTEXT_CONFLICT',
  devnodeUnavailable: 'ERR_CLI_DEVNODE_UNAVAILABLE',
  listenFailed: 'ERR_CLI_LISTEN_FAILED',
  privateKeyMissing: 'ERR_CLI_PRIVATE_KEY_MISSING',
  privateKeyNotHex: 'ERR_CLI_PRIVATE_KEY_INVALID',
  privateKeyOutOfRange: 'ERR_CLI_PRIVATE_KEY_INVALID',
  chainUnreachable: 'ERR_CLI_CHAIN_UNREACHABLE',
  inputRejected: 'ERR_CLI_INPUT_REJECTED',
  dealUnknown: 'ERR_CLI_DEAL_UNKNOWN',
  dealClosed: 'ERR_CLI_DEAL_CLOSED',
  inspectFailed: 'ERR_CLI_INSPECT_FAILED',
} as const satisfies Record<CliErrorParameters['reason'], CliFailureCode>

/** An errno error's code, if it has one. */
function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code
}

/** An error's message, for a cause medcred did not make. */
function messageOf(error: unknown): string {
  return (error as Error | undefined)?.message ?? 'unknown error'
}

function describeFailure(parameters: CliErrorParameters): string {
  switch (parameters.reason) {
    case 'fileUnreadable':
      return `Cannot read ${parameters.path}: ${errnoOf(parameters.error) === 'ENOENT' ? 'no such file' : messageOf(parameters.error)}.`
    case 'fileUnwritable': {
      const errno = errnoOf(parameters.error)
      const why = errno === 'ENOENT' ? 'its folder does not exist' : errno === 'EACCES' ? 'permission denied' : errno === 'EISDIR' ? 'it is a folder' : messageOf(parameters.error)
      return `Cannot write ${parameters.path}: ${why}.`
    }
    case 'fileNotJson':
      return `${parameters.path === '-' ? 'Standard input' : parameters.path} is not valid JSON.`
    case 'fileNotObject':
      return `${parameters.path} must hold a JSON object.`
    case 'fileExists':
      return `${parameters.path} exists already: medcred does not overwrite a key file. Choose another --out, or pass --force to replace it (the old file is kept as ${parameters.path}.bak).`
    case 'backupExists':
      return `--force keeps the file it replaces as ${parameters.backup}, which exists already: move ${parameters.backup} away first (medcred never deletes a key file).`
    case 'keyFileEncrypted':
      return `${parameters.path} is encrypted: set ${parameters.variable} to its passphrase.`
    case 'encryptPassphraseMissing':
      return `--encrypt needs the passphrase in ${parameters.variable}.`
    case 'keyUnencrypted':
      return `Refusing to write an unencrypted private key: set ${parameters.variable} to encrypt it, or pass --unencrypted to write it in the clear.`
    case 'keyType':
      return `${parameters.path} holds an ${parameters.type} key; medcred serve issues with a Bls12381G2 key (bbs-2023).`
    case 'issuerKeyMismatch': {
      const { issuer, keyPath, controller } = parameters
      const named = issuer === undefined ? 'The credential names no issuer' : `The credential's issuer is ${issuer}`
      return `${named}, but ${keyPath} is a key of ${controller}: sign with the issuer's key, or build the credential with "issuer": "${controller}".`
    }
    case 'credentialNotDerived': {
      const what = parameters.kind === 'credential' ? `${parameters.path} is a base (underived) bbs-2023 credential` : `${parameters.path} presents a base (underived) bbs-2023 credential`
      return `${what}, as \`medcred issue\` writes it for the holder: derive it first (\`medcred derive --credential <signed.json> --reveal <path>... --challenge <challenge>\`) and verify the derived credential.`
    }
    case 'wrongList':
      return `${parameters.path} is a ${String(parameters.listPurpose)} list; ${parameters.command} needs a ${parameters.purpose} list.`
    case 'noStatus':
      return `${parameters.path} has no credentialStatus entry.`
    case 'contextConflict':
      return `${parameters.manifests[0]} and ${parameters.manifests[1]} pin ${parameters.url} differently; give it once.`
    case 'devnodeUnavailable':
      return 'medcred devnode runs from a clone of the medcred repository, with its dev dependencies installed (npm ci).'
    case 'listenFailed': {
      const why = errnoOf(parameters.error) === 'EADDRINUSE' ? 'the port is in use' : ((parameters.error as Error | undefined)?.message ?? String(parameters.error))
      return `Cannot listen on ${parameters.host}:${parameters.port}: ${why}.`
    }
    case 'privateKeyMissing':
      return `Set ${parameters.variable} to the account's private key (32 bytes of hex).`
    case 'privateKeyNotHex':
      return `${parameters.variable} is not 32 bytes of 0x-prefixed hex.`
    case 'privateKeyOutOfRange':
      return `${parameters.variable} is not a secp256k1 private key (it must be above 0 and below the curve order).`
    case 'chainUnreachable':
      return `The chain at ${parameters.rpcUrl} does not answer.`
    case 'inputRejected': {
      const { report } = parameters
      return `The verifier rejected input ${parameters.inputIndex}: ${report ? `${report.message} (${report.code})` : 'no reason reported'}`
    }
    case 'dealUnknown':
      return `The verifier has no deal ${parameters.dealId}.`
    case 'dealClosed':
      return `Deal ${parameters.dealId} is closed.`
    case 'inspectFailed':
      return `The verifier refused the query: ${parameters.message} (${parameters.code}).`
  }
}

/**
 * A CLI operation failed for a reason the user can fix (exit code 1); `reason` decides the code.
 *
 * @example
 * ```ts
 * new CliError({ reason: 'noStatus', path: 'vc.json' }).message // 'vc.json has no credentialStatus entry.'
 * ```
 */
export class CliError extends MedcredError {
  override name = 'CliError'
  declare readonly code: CliFailureCode
  /** Why the operation failed. */
  readonly reason: CliErrorParameters['reason']
  constructor(parameters: CliErrorParameters) {
    super(cliCodes[parameters.reason], describeFailure(parameters), { cause: 'error' in parameters ? parameters.error : undefined })
    this.reason = parameters.reason
  }
}

/** How the command line is wrong; each reason names the options and values its message quotes. */
export type CliUsageErrorParameters =
  /** An option's value that is not what it must be: `expected` in words, e.g. `a port number`. */
  | { reason: 'invalidValue'; option: string; expected: string; value: string }
  | { reason: 'notAddress'; option: string; value: string }
  | { reason: 'notHttpUrl'; option: string; value: string }
  /** Both or neither of two options that exclude each other. */
  | { reason: 'exactlyOne'; options: readonly [string, string] }
  /** One of two options that go together, without the other. */
  | { reason: 'together'; options: readonly [string, string] }
  /** `option` given without `needed`. */
  | { reason: 'needs'; option: string; needed: string }
  /** `keys generate --out -`: a private key is never printed. */
  | { reason: 'privateKeyToStdout' }
  /** A `--trust` value that is not a DID, optionally `=Type,Type`. */
  | { reason: 'trustSyntax'; value: string }
  /** A field path `toJsonPointer` refused: its error says why. */
  | { reason: 'fieldPath'; path: string; error: Error }
  /** A `--where` predicate that does not parse, compares a non-number, or has a value of another type. */
  | { reason: 'whereSyntax' | 'whereNotNumber' | 'whereValue'; text: string }

function describeUsage(parameters: CliUsageErrorParameters): string {
  switch (parameters.reason) {
    case 'invalidValue':
      return `${parameters.option} must be ${parameters.expected}, not "${parameters.value}".`
    case 'notAddress':
      return `${parameters.option} "${parameters.value}" is not an address.`
    case 'notHttpUrl':
      return `${parameters.option} "${parameters.value}" is not an http(s) URL.`
    case 'exactlyOne':
      return `Give exactly one of ${parameters.options[0]} and ${parameters.options[1]}.`
    case 'together':
      return `${parameters.options[0]} and ${parameters.options[1]} go together.`
    case 'needs':
      return `${parameters.option} needs ${parameters.needed}.`
    case 'privateKeyToStdout':
      return '--out must name a file: a private key is not printed.'
    case 'trustSyntax':
      return `--trust takes a DID, optionally =Type,Type; got "${parameters.value}".`
    case 'fieldPath':
      return `"${parameters.path}" is not a field path: ${parameters.error.message}`
    case 'whereSyntax':
      return `--where "${parameters.text}" is not path=value, path>=n, path<=n or path=[values].`
    case 'whereNotNumber':
      return `--where "${parameters.text}" compares with a number.`
    case 'whereValue':
      return `--where "${parameters.text}": values are strings, numbers or booleans.`
  }
}

/**
 * The command line itself is wrong (exit code 2, printed without its code).
 *
 * @example
 * ```ts
 * new CliUsageError({ reason: 'needs', option: '--presentation', needed: '--challenge' }).message // '--presentation needs --challenge.'
 * ```
 */
export class CliUsageError extends MedcredError {
  override name = 'CliUsageError'
  declare readonly code: 'ERR_CLI_USAGE'
  /** How the command line is wrong. */
  readonly reason: CliUsageErrorParameters['reason']
  constructor(parameters: CliUsageErrorParameters) {
    super('ERR_CLI_USAGE', describeUsage(parameters), { cause: parameters.reason === 'fieldPath' ? parameters.error : undefined })
    this.reason = parameters.reason
  }
}
