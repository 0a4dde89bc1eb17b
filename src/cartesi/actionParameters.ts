/**
 * @module
 * The ABI layout of the v1 envelope and of each action's body: one table both codecs read.
 */
import { parseAbiParameters } from 'viem'
import type { ActionName } from './protocol.js'

/** `(uint16 version, uint8 action, bytes body)`: every input starts with this. */
export const envelopeParameters = parseAbiParameters('uint16 version, uint8 action, bytes body')

/** The body layout of each action. */
export const actionParameters = {
  accreditIssuer: parseAbiParameters(
    'string did, address controller, string[] credentialTypes, (string id, bytes publicKey)[] keys, string[] statusLists',
  ),
  withdrawIssuer: parseAbiParameters('string did'),
  rotateIssuerKeys: parseAbiParameters('string did, (string id, bytes publicKey)[] add, string[] remove'),
  setCredentialStatus: parseAbiParameters('string did, string statusList, (uint32 index, uint8 status)[] entries'),
  submitPresentation: parseAbiParameters('bytes32 nonce, bytes presentation'),
} as const satisfies Record<ActionName, unknown>

/** The verdict notice layout, flat so a contract can `abi.decode` it in one step. */
export const verdictNoticeParameters = parseAbiParameters(
  'uint16 version, uint8 kind, bytes32 presentationHash, address sender, string issuer, string credentialType, uint8 verdict, uint64 blockTimestamp, bytes32 disclosedClaimsHash',
)
