/**
 * @module
 * Errors of the Cartesi input protocol: an input or a notice that cannot be read, a value a
 * protocol helper cannot encode, a claim not accepted in time. Exported from `medcred/cartesi`.
 */
import { MedcredError, type MedcredErrorOptions } from '../errors/MedcredError.js'
import type { CartesiClientErrorCode } from './client/errors.js'

/** The codes an input decoding failure carries; the verifier reports them verbatim. */
export type InputDecodeErrorCode =
  | 'ERR_CARTESI_INPUT_TOO_LARGE'
  | 'ERR_CARTESI_INPUT_MALFORMED'
  | 'ERR_CARTESI_INPUT_VERSION'
  | 'ERR_CARTESI_ACTION_UNKNOWN'

/** The codes of the input protocol's errors (the client's own are {@link CartesiClientErrorCode}). */
export type CartesiErrorCode = InputDecodeErrorCode | 'ERR_CARTESI_NOTICE_MALFORMED' | 'ERR_CARTESI_PARAMETER_INVALID' | 'ERR_CARTESI_CLAIM_TIMEOUT'

/** Why an advance input or an inspect query cannot be read; each reason names the facts its message needs. */
export type InputDecodeErrorParameters =
  /** An advance input of `bytes` bytes, over the `maxBytes` the verifier reads. */
  | { reason: 'inputTooLarge'; bytes: number; maxBytes: number }
  /** An inspect query over the `maxBytes` the verifier reads. */
  | { reason: 'queryTooLarge'; maxBytes: number }
  /** An input of protocol `version`; the verifier reads `supported`. */
  | { reason: 'version'; version: number; supported: number }
  /** An action code the protocol does not have. */
  | { reason: 'actionUnknown'; action: number }
  /** The envelope, or the body of the action `part`, does not ABI-decode. */
  | { reason: 'notAbi'; part: string }
  /** The action decodes, but is not the canonical encoding of its value. */
  | { reason: 'notCanonical'; action: string }
  /** A status change whose status code is none of the protocol's. */
  | { reason: 'statusUnknown'; status: number; index: number | bigint }
  | { reason: 'presentationNotUtf8' }
  /** A deal predicate's operator code is none of the protocol's. */
  | { reason: 'predicateOperatorUnknown'; operator: number }
  /** A deal predicate's value at `pointer` is not JSON, or not a JSON string, number or boolean. */
  | { reason: 'predicateValueNotJson'; pointer: string }
  | { reason: 'predicateValueType'; pointer: string }
  /** A portal deposit shorter than its fixed fields. */
  | { reason: 'depositTooShort'; deposit: 'ether' | 'erc20'; minBytes: number; bytes: number }
  /** A payload that is not 0x-prefixed hex. */
  | { reason: 'notHex' }
  | { reason: 'queryNotJson' }
  /** An inspect query of the wrong shape: the schema's first issue, if any. */
  | { reason: 'queryInvalid'; issue: { path: readonly PropertyKey[]; message: string } | undefined }

/** The code and message of each reason. The verifier reports them verbatim: a message changes only on purpose. */
function describeInputDecode(parameters: InputDecodeErrorParameters): [InputDecodeErrorCode, string] {
  switch (parameters.reason) {
    case 'inputTooLarge':
      return ['ERR_CARTESI_INPUT_TOO_LARGE', `The input is ${parameters.bytes} bytes; at most ${parameters.maxBytes} are read.`]
    case 'queryTooLarge':
      return ['ERR_CARTESI_INPUT_TOO_LARGE', `The query is over ${parameters.maxBytes} bytes.`]
    case 'version':
      return ['ERR_CARTESI_INPUT_VERSION', `The input is protocol version ${parameters.version}; this verifier reads version ${parameters.supported}.`]
    case 'actionUnknown':
      return ['ERR_CARTESI_ACTION_UNKNOWN', `Action ${parameters.action} is not an action of protocol v1.`]
    case 'notAbi': {
      const { part } = parameters
      return ['ERR_CARTESI_INPUT_MALFORMED', `The ${part} cannot be ABI-decoded${part === 'envelope' ? ' as (uint16 version, uint8 action, bytes body)' : ' as its v1 body'}.`]
    }
    case 'notCanonical':
      return ['ERR_CARTESI_INPUT_MALFORMED', `The ${parameters.action} input is not in canonical ABI encoding (extra or padded bytes, or a number wider than its field).`]
    case 'statusUnknown':
      return ['ERR_CARTESI_INPUT_MALFORMED', `Status ${parameters.status} at index ${parameters.index} is not active (0), revoked (1) or suspended (2).`]
    case 'presentationNotUtf8':
      return ['ERR_CARTESI_INPUT_MALFORMED', 'The presentation is not UTF-8 text.']
    case 'predicateOperatorUnknown':
      return ['ERR_CARTESI_INPUT_MALFORMED', `Predicate operator ${parameters.operator} is not equals (1), atLeast (2), atMost (3) or oneOf (4).`]
    case 'predicateValueNotJson':
      return ['ERR_CARTESI_INPUT_MALFORMED', `A predicate value of ${parameters.pointer.slice(0, 80)} is not JSON.`]
    case 'predicateValueType':
      return ['ERR_CARTESI_INPUT_MALFORMED', `A predicate value of ${parameters.pointer.slice(0, 80)} must be a JSON string, number or boolean.`]
    case 'depositTooShort': {
      const { deposit, minBytes, bytes } = parameters
      return ['ERR_CARTESI_INPUT_MALFORMED', `${deposit === 'ether' ? 'An Ether deposit' : 'An ERC-20 deposit'} is at least ${minBytes} bytes; this one is ${bytes}.`]
    }
    case 'notHex':
      return ['ERR_CARTESI_INPUT_MALFORMED', 'The payload is not 0x-prefixed hex.']
    case 'queryNotJson':
      return ['ERR_CARTESI_INPUT_MALFORMED', 'The inspect query is not JSON.']
    case 'queryInvalid': {
      const { issue } = parameters
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
      return ['ERR_CARTESI_INPUT_MALFORMED', `The inspect query is invalid${where}: ${issue?.message ?? 'unknown shape'}.`]
    }
  }
}

/** An advance input that is not a well-formed medcred v1 envelope, or an inspect query that cannot be read; `reason` decides the code. */
export class InputDecodeError extends MedcredError {
  override name = 'InputDecodeError'
  declare readonly code: InputDecodeErrorCode
  /** What is wrong with the input. */
  readonly reason: InputDecodeErrorParameters['reason']

  constructor(parameters: InputDecodeErrorParameters, options: { cause?: unknown } = {}) {
    const [code, message] = describeInputDecode(parameters)
    super(code, message, options)
    this.reason = parameters.reason
  }
}

/** Why a notice or a report cannot be read. */
export type NoticeCodecErrorParameters =
  /** A notice without the `(version, kind)` head every medcred notice starts with. */
  | { reason: 'noHead' }
  /** A notice that does not ABI-decode as the `notice` it was read as. */
  | { reason: 'notAbi'; notice: 'verdict' | 'dealApproval' }
  /** A notice of another version or kind than the `notice` it was read as (of protocol `protocolVersion`). */
  | { reason: 'versionOrKind'; notice: 'verdict' | 'dealApproval'; version: number; kind: number; protocolVersion: number }
  /** A verdict notice whose verdict code is not one of v1. */
  | { reason: 'verdictUnknown'; verdict: number }
  /** A verdict notice whose pseudonym is neither empty nor 48 bytes (`bytes`), or is given with `holderBound` false. */
  | { reason: 'pseudonymInvalid'; bytes: number }
  /** A notice that decodes, but is not the one encoding of what it decodes to (trailing or padded bytes, a dirty word). */
  | { reason: 'notCanonical'; notice: 'verdict' | 'dealApproval' }
  | { reason: 'reportNotJson' }
  /** A report that is JSON, but not `{ ok, ... }`. */
  | { reason: 'notReport' }

function describeNotice(parameters: NoticeCodecErrorParameters): string {
  const noticeName = (notice: 'verdict' | 'dealApproval') => (notice === 'verdict' ? 'verdict' : 'deal-approval')
  switch (parameters.reason) {
    case 'noHead':
      return 'The notice has no (version, kind) head.'
    case 'notAbi':
      return `The notice cannot be ABI-decoded as a medcred ${noticeName(parameters.notice)} notice.`
    case 'versionOrKind': {
      const { notice, version, kind, protocolVersion } = parameters
      return `The notice is version ${version}, kind ${kind}; expected a v${protocolVersion} ${noticeName(notice)} notice.`
    }
    case 'verdictUnknown':
      return `Verdict ${parameters.verdict} is not a v1 verdict.`
    case 'pseudonymInvalid':
      return parameters.bytes !== 48
        ? `The verdict notice's pseudonym is ${parameters.bytes} bytes; a pseudonym is 48 bytes, or empty when none was proved.`
        : 'The verdict notice carries a pseudonym but says the proof bound no holder secret; every pseudonym proof does.'
    case 'notCanonical':
      return `The notice decodes as a medcred ${noticeName(parameters.notice)} notice, but is not its one encoding.`
    case 'reportNotJson':
      return 'The report is not JSON.'
    case 'notReport':
      return 'The report is not a medcred report ({ ok, ... }).'
  }
}

/** A notice that is not a medcred verdict or deal-approval notice, or a report that is not a medcred report. */
export class NoticeCodecError extends MedcredError {
  override name = 'NoticeCodecError'
  declare readonly code: 'ERR_CARTESI_NOTICE_MALFORMED'
  /** What is wrong with the notice or report. */
  readonly reason: NoticeCodecErrorParameters['reason']

  constructor(parameters: NoticeCodecErrorParameters, options: { cause?: unknown } = {}) {
    super('ERR_CARTESI_NOTICE_MALFORMED', describeNotice(parameters), options)
    this.reason = parameters.reason
  }
}

/** Which value a protocol helper was given that it cannot use. */
export type ProtocolParameterErrorParameters =
  /** A challenge's application, or its sender (or a deal's provider), that is not a 20-byte address; no party for a pseudonym context (a deal's or an application's), which has only the application. */
  | { reason: 'address'; party?: 'sender' | 'provider' | undefined }
  /** A challenge nonce that is not 32 bytes of hex. */
  | { reason: 'nonce' }
  /** A deal id below 1. */
  | { reason: 'dealId' }
  /** A submitted credential without a proof value to hash. */
  | { reason: 'proofValueMissing' }
  /** An issuer key that is not a Bls12381G2 (BBS) key. */
  | { reason: 'issuerKeyType'; id: string; type: string }
  /** An output index outside the outputs given. */
  | { reason: 'outputIndex'; index: number; count: number }
  /** A value an encoder's ABI type cannot hold (see {@link ProtocolEncodeError}). */
  | { reason: 'encode'; what: string; cause: unknown }

function describeProtocolParameter(parameters: ProtocolParameterErrorParameters): [string, Record<string, unknown> | undefined] {
  switch (parameters.reason) {
    case 'address':
      return [parameters.party === undefined ? 'The application must be a 20-byte address.' : `The application and the ${parameters.party} must be 20-byte addresses.`, undefined]
    case 'nonce':
      return ['The nonce must be 32 bytes of hex.', undefined]
    case 'dealId':
      return ['Deal ids start at 1.', undefined]
    case 'proofValueMissing':
      return ['The presentation has no proof.proofValue to hash.', undefined]
    case 'issuerKeyType': {
      const { id, type } = parameters
      return [`${id} is an ${type} key; issuers sign with Bls12381G2 (BBS) keys.`, { id, type }]
    }
    case 'outputIndex': {
      const { index, count } = parameters
      return [`There is no output ${index} among ${count}.`, { index, count }]
    }
    case 'encode':
      return [`Cannot encode ${parameters.what}: ${reasonOf(parameters.cause)}.`, { what: parameters.what }]
  }
}

/** A caller gave a protocol helper a value it cannot use (a short nonce, a bad address); `reason` says which. */
export class ProtocolParameterError extends MedcredError {
  override name = 'ProtocolParameterError'
  declare readonly code: 'ERR_CARTESI_PARAMETER_INVALID'
  /** The value at fault. */
  readonly reason: ProtocolParameterErrorParameters['reason']

  constructor(parameters: ProtocolParameterErrorParameters) {
    const [message, details] = describeProtocolParameter(parameters)
    super('ERR_CARTESI_PARAMETER_INVALID', message, { cause: 'cause' in parameters ? parameters.cause : undefined, details })
    this.reason = parameters.reason
  }
}

/**
 * A protocol encoder (`encodeInput`, a notice, voucher, output or deposit encoder) was given a
 * value its ABI type cannot hold: an address that is not 20 bytes, a nonce that is not 32, an
 * amount out of range. The encoder's own error is the `cause`.
 */
export class ProtocolEncodeError extends ProtocolParameterError {
  override name = 'ProtocolEncodeError'

  /** @param parameters - `what`: what was being encoded, e.g. `the submitPresentation input`. */
  constructor({ what, cause }: { what: string; cause: unknown }) {
    super({ reason: 'encode', what, cause })
  }
}

/** The encoder's own words, without a closing period: viem's short message when there is one. */
function reasonOf(cause: unknown): string {
  const message = cause instanceof Error ? ((cause as { shortMessage?: unknown }).shortMessage ?? cause.message) : cause
  return String(message).replace(/\.+$/, '')
}

/**
 * An output's epoch claim was not accepted on L1 within the client's timeout: the node may hold
 * a proof already (it stores proofs when it computes the claim), but `Application.validateOutput`
 * and `executeOutput` succeed only once the consensus accepted the claim. Not a verdict on the
 * output: wait longer, or check the node is submitting its claims.
 */
export class ClaimTimeoutError extends MedcredError {
  override name = 'ClaimTimeoutError'
  declare readonly code: 'ERR_CARTESI_CLAIM_TIMEOUT'
  /** The output waited for. */
  readonly outputIndex: bigint
  /** Its epoch, when the node had the output. */
  readonly epochIndex: bigint | undefined
  /** The last state seen: the epoch's status as the node reported it, and what was missing. */
  readonly lastStatus: string

  constructor(parameters: { outputIndex: bigint; epochIndex: bigint | undefined; lastStatus: string; timeout: number }, options?: MedcredErrorOptions) {
    const { outputIndex, epochIndex, lastStatus, timeout } = parameters
    const epoch = epochIndex === undefined ? 'its epoch unknown' : `epoch ${epochIndex}`
    super('ERR_CARTESI_CLAIM_TIMEOUT', `Gave up after ${timeout} ms waiting for the claim of output ${outputIndex} (${epoch}) to be accepted on L1; last seen: ${lastStatus}.`, {
      ...options,
      details: { outputIndex, epochIndex, lastStatus, timeout, ...options?.details },
    })
    this.outputIndex = outputIndex
    this.epochIndex = epochIndex
    this.lastStatus = lastStatus
  }
}
