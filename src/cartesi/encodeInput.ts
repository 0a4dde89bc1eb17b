/**
 * @module
 * Encodes a verifier action as the payload of an `InputBox.addInput` call.
 */
import { encodeAbiParameters, type Hex, stringToHex } from 'viem'
import { actionParameters, envelopeParameters, pseudonymousDealParameters } from './actionParameters.js'
import { encodeOrThrow } from './encodeOrThrow.js'
import { actionCodes, predicateOperators, protocolVersion, statusCodes } from './protocol.js'
import type { VerifierAction } from './types.js'

/**
 * Encodes an action of protocol v1 as an input payload.
 *
 * - Docs: docs/protocol.md
 *
 * @param action - {@link VerifierAction}
 * @returns the payload, ABI-encoded `(uint16 version, uint8 action, bytes body)`
 * @throws {ProtocolEncodeError} `ERR_CARTESI_PARAMETER_INVALID` for a value the action's ABI
 *   types cannot hold (a nonce that is not 32 bytes, an address that is not 20).
 *
 * @example
 * ```ts
 * import { encodeInput } from 'medcred/cartesi'
 * const payload = encodeInput({ action: 'withdrawIssuer', did: 'did:key:zUC7…' })
 * ```
 */
export function encodeInput(action: VerifierAction): Hex {
  return encodeOrThrow(`the ${action.action} input`, () => encodeAbiParameters(envelopeParameters, [protocolVersion, actionCodes[action.action], encodeBody(action)]))
}

function encodeBody(action: VerifierAction): Hex {
  switch (action.action) {
    case 'accreditIssuer':
      return encodeAbiParameters(actionParameters.accreditIssuer, [
        action.did,
        action.controller,
        action.credentialTypes,
        action.keys,
        action.statusLists,
      ])
    case 'withdrawIssuer':
      return encodeAbiParameters(actionParameters.withdrawIssuer, [action.did])
    case 'rotateIssuerKeys':
      return encodeAbiParameters(actionParameters.rotateIssuerKeys, [action.did, action.add, action.remove])
    case 'setCredentialStatus':
      return encodeAbiParameters(actionParameters.setCredentialStatus, [
        action.did,
        action.statusList,
        action.entries.map(({ index, status }) => ({ index, status: statusCodes[status] })),
      ])
    case 'submitPresentation':
      return encodeAbiParameters(actionParameters.submitPresentation, [action.nonce, stringToHex(action.presentation)])
    case 'createDeal': {
      const terms = [
        action.credentialType,
        action.requiredFields,
        action.predicates.map(({ pointer, operator, values }) => ({ pointer, operator: predicateOperators[operator], values: values.map((value) => JSON.stringify(value)) })),
        action.issuers,
        action.maxApprovals,
        action.reward,
        action.asset,
        action.expiresAt,
        action.consumerKey,
        action.funding,
      ] as const
      // A sybil-open deal keeps createDeal's first layout; any other is paid once per pseudonym.
      return action.sybilOpen === true
        ? encodeAbiParameters(actionParameters.createDeal, terms)
        : encodeAbiParameters(pseudonymousDealParameters, [...terms, true])
    }
    case 'fundDeal':
      return encodeAbiParameters(actionParameters.fundDeal, [action.dealId, action.amount])
    case 'submitToDeal':
      return encodeAbiParameters(actionParameters.submitToDeal, [action.dealId, stringToHex(action.presentation), action.deliveryHash])
    case 'closeDeal':
      return encodeAbiParameters(actionParameters.closeDeal, [action.dealId])
    case 'withdraw':
      return encodeAbiParameters(actionParameters.withdraw, [action.asset, action.amount])
  }
}
