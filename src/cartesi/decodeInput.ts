/**
 * @module
 * Decodes an advance payload into a typed action, strictly: one canonical encoding per
 * action, so two different byte strings never mean the same thing to the verifier.
 */
import { decodeAbiParameters, type Hex, hexToBytes, size } from 'viem'
import { actionParameters, envelopeParameters } from './actionParameters.js'
import { encodeInput } from './encodeInput.js'
import { InputDecodeError } from './errors.js'
import { type ActionName, actionCodes, maxInputBytes, protocolVersion, statusNames } from './protocol.js'
import type { VerifierAction } from './types.js'

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
    throw new InputDecodeError('ERR_CARTESI_INPUT_TOO_LARGE', `The input is ${size(payload)} bytes; at most ${maxInputBytes} are read.`)
  }
  const [version, code, body] = decode('envelope', () => decodeAbiParameters(envelopeParameters, payload))
  if (version !== protocolVersion) {
    throw new InputDecodeError('ERR_CARTESI_INPUT_VERSION', `The input is protocol version ${version}; this verifier reads version ${protocolVersion}.`)
  }
  const name = actionNames.get(code)
  if (name === undefined) throw new InputDecodeError('ERR_CARTESI_ACTION_UNKNOWN', `Action ${code} is not an action of protocol v1.`)
  const action = decodeBody(name, body)
  if (encodeInput(action).toLowerCase() !== payload.toLowerCase()) {
    throw new InputDecodeError('ERR_CARTESI_INPUT_MALFORMED', `The ${name} input is not in canonical ABI encoding (extra or padded bytes).`)
  }
  return action
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
            throw new InputDecodeError('ERR_CARTESI_INPUT_MALFORMED', `Status ${status} at index ${index} is not active (0), revoked (1) or suspended (2).`)
          }
          return { index, status: statusName }
        }),
      }
    }
    case 'submitPresentation': {
      const [nonce, presentation] = decode(name, () => decodeAbiParameters(actionParameters.submitPresentation, body))
      let text: string
      try {
        text = utf8.decode(hexToBytes(presentation))
      } catch (cause) {
        throw new InputDecodeError('ERR_CARTESI_INPUT_MALFORMED', 'The presentation is not UTF-8 text.', { cause })
      }
      return { action: name, nonce, presentation: text }
    }
  }
}

/** Runs a viem decoder, turning any failure into one typed error that names the part. */
function decode<Result>(part: string, run: () => Result): Result {
  try {
    return run()
  } catch (cause) {
    throw new InputDecodeError('ERR_CARTESI_INPUT_MALFORMED', `The ${part} cannot be ABI-decoded${part === 'envelope' ? ' as (uint16 version, uint8 action, bytes body)' : ' as its v1 body'}.`, { cause })
  }
}
