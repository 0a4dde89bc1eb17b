/**
 * @module
 * Decodes an advance payload into a typed action, strictly: one canonical encoding per
 * action, so two different byte strings never mean the same thing to the verifier.
 */
import { decodeAbiParameters, type Hex, hexToBigInt, hexToBytes, size, slice } from 'viem'
import { actionParameters, envelopeParameters, pseudonymousDealParameters } from './actionParameters.js'
import { encodeInput } from './encodeInput.js'
import { InputDecodeError } from './errors.js'
import { type ActionName, actionCodes, maxInputBytes, predicateOperatorNames, protocolVersion, statusNames } from './protocol.js'
import type { DealPredicate, PredicateValue, VerifierAction } from './types.js'

const actionNames = new Map(Object.entries(actionCodes).map(([name, code]) => [code as number, name as ActionName]))
const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Decodes an advance payload of protocol v1.
 *
 * - Docs: docs/protocol.md
 *
 * @param payload - the input payload as the rollup delivers it
 * @returns {@link VerifierAction}
 * @throws {InputDecodeError} `ERR_CARTESI_INPUT_TOO_LARGE` over 64 KiB,
 *   `ERR_CARTESI_INPUT_MALFORMED` when the bytes are not a canonical v1 envelope,
 *   `ERR_CARTESI_INPUT_VERSION` for another protocol version, `ERR_CARTESI_ACTION_UNKNOWN`.
 *
 * @example
 * ```ts
 * import { decodeInput } from 'medcred/cartesi'
 * const action = decodeInput(payload) // { action: 'withdrawIssuer', did: '…' }
 * ```
 */
export function decodeInput(payload: Hex): VerifierAction {
  if (size(payload) > maxInputBytes) {
    throw new InputDecodeError({ reason: 'inputTooLarge', bytes: size(payload), maxBytes: maxInputBytes })
  }
  const [version, code, body] = decode('envelope', () => decodeAbiParameters(envelopeParameters, payload))
  if (version !== protocolVersion) {
    throw new InputDecodeError({ reason: 'version', version, supported: protocolVersion })
  }
  const name = actionNames.get(code)
  if (name === undefined) throw new InputDecodeError({ reason: 'actionUnknown', action: code })
  const action = decodeBody(name, body)
  if (!isCanonical(action, payload)) {
    throw new InputDecodeError({ reason: 'notCanonical', action: name })
  }
  return action
}

/**
 * Whether the action re-encodes to the very payload. viem's decoder reads a uint8/16/32 word
 * without a range check, so a wider number decodes and only fails here, on re-encoding.
 */
function isCanonical(action: VerifierAction, payload: Hex): boolean {
  try {
    return encodeInput(action).toLowerCase() === payload.toLowerCase()
  } catch {
    return false
  }
}

function decodeBody(name: ActionName, body: Hex): VerifierAction {
  switch (name) {
    case 'accreditIssuer': {
      const [did, controller, credentialTypes, keys, statusLists] = decode(name, () => decodeAbiParameters(actionParameters.accreditIssuer, body))
      return { action: name, did, controller, credentialTypes, keys, statusLists }
    }
    case 'withdrawIssuer': {
      const [did] = decode(name, () => decodeAbiParameters(actionParameters.withdrawIssuer, body))
      return { action: name, did }
    }
    case 'rotateIssuerKeys': {
      const [did, add, remove] = decode(name, () => decodeAbiParameters(actionParameters.rotateIssuerKeys, body))
      return { action: name, did, add, remove }
    }
    case 'setCredentialStatus': {
      const [did, statusList, entries] = decode(name, () => decodeAbiParameters(actionParameters.setCredentialStatus, body))
      return {
        action: name,
        did,
        statusList,
        entries: entries.map(({ index, status }) => {
          const statusName = statusNames.get(status)
          if (statusName === undefined) {
            throw new InputDecodeError({ reason: 'statusUnknown', status, index })
          }
          return { index, status: statusName }
        }),
      }
    }
    case 'submitPresentation': {
      const [nonce, presentation] = decode(name, () => decodeAbiParameters(actionParameters.submitPresentation, body))
      return { action: name, nonce, presentation: presentationText(presentation) }
    }
    case 'createDeal': {
      // The first head word is the offset of credentialType, just past the head: 10 words in
      // createDeal's first layout (a sybil-open deal), 11 with `perPseudonym`. Any other value
      // is read as the first layout, and fails the canonical check.
      const perPseudonymLayout = size(body) >= 32 && hexToBigInt(slice(body, 0, 32)) === BigInt(pseudonymousDealParameters.length * 32)
      const [credentialType, requiredFields, predicates, issuers, maxApprovals, reward, asset, expiresAt, consumerKey, funding, perPseudonym] = perPseudonymLayout
        ? decode(name, () => decodeAbiParameters(pseudonymousDealParameters, body))
        : [...decode(name, () => decodeAbiParameters(actionParameters.createDeal, body)), false]
      return {
        action: name,
        credentialType,
        requiredFields,
        predicates: predicates.map(decodePredicate),
        issuers,
        maxApprovals,
        reward,
        asset,
        expiresAt,
        consumerKey,
        funding,
        // perPseudonym false is the first layout's meaning, written the long way: not canonical.
        sybilOpen: !perPseudonym,
      }
    }
    case 'fundDeal': {
      const [dealId, amount] = decode(name, () => decodeAbiParameters(actionParameters.fundDeal, body))
      return { action: name, dealId, amount }
    }
    case 'submitToDeal': {
      const [dealId, presentation, deliveryHash] = decode(name, () => decodeAbiParameters(actionParameters.submitToDeal, body))
      return { action: name, dealId, presentation: presentationText(presentation), deliveryHash }
    }
    case 'closeDeal': {
      const [dealId] = decode(name, () => decodeAbiParameters(actionParameters.closeDeal, body))
      return { action: name, dealId }
    }
    case 'withdraw': {
      const [asset, amount] = decode(name, () => decodeAbiParameters(actionParameters.withdraw, body))
      return { action: name, asset, amount }
    }
  }
}

function presentationText(bytes: Hex): string {
  try {
    return utf8.decode(hexToBytes(bytes))
  } catch (cause) {
    throw new InputDecodeError({ reason: 'presentationNotUtf8' }, { cause })
  }
}

/** A predicate's operator must be known and each value a JSON string, finite number or boolean. */
function decodePredicate(predicate: { pointer: string; operator: number; values: readonly string[] }): DealPredicate {
  const operator = predicateOperatorNames.get(predicate.operator)
  if (operator === undefined) throw new InputDecodeError({ reason: 'predicateOperatorUnknown', operator: predicate.operator })
  const values = predicate.values.map((text): PredicateValue => {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (cause) {
      throw new InputDecodeError({ reason: 'predicateValueNotJson', pointer: predicate.pointer }, { cause })
    }
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value
    throw new InputDecodeError({ reason: 'predicateValueType', pointer: predicate.pointer })
  })
  return { pointer: predicate.pointer, operator, values }
}

/** Runs a viem decoder, turning any failure into one typed error that names the part. */
function decode<Result>(part: string, run: () => Result): Result {
  try {
    return run()
  } catch (cause) {
    throw new InputDecodeError({ reason: 'notAbi', part }, { cause })
  }
}
