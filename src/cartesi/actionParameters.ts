/**
 * @module
 * The ABI layout of the v1 envelope and of each action's body: one table both codecs read.
 */
import { parseAbiParameters } from 'viem'
import type { ActionName } from './protocol.js'

/** `(uint16 version, uint8 action, bytes body)`: every input starts with this. */
export const envelopeParameters = parseAbiParameters('uint16 version, uint8 action, bytes body')

/** createDeal's terms, the fields of both its layouts. */
const createDealTerms =
  'string credentialType, string[] requiredFields, (string pointer, uint8 operator, string[] values)[] predicates, string[] issuers, uint32 maxApprovals, uint256 reward, address asset, uint64 expiresAt, bytes32 consumerKey, uint256 funding'

/**
 * A deal paid once per pseudonym: createDeal's terms and `bool perPseudonym`, always true (a
 * false one would say what the shorter layout says, so it is not canonical).
 */
export const pseudonymousDealParameters = parseAbiParameters(`${createDealTerms}, bool perPseudonym`)

/** The body layout of each action. */
export const actionParameters = {
  accreditIssuer: parseAbiParameters(
    'string did, address controller, string[] credentialTypes, (string id, bytes publicKey)[] keys, string[] statusLists',
  ),
  withdrawIssuer: parseAbiParameters('string did'),
  rotateIssuerKeys: parseAbiParameters('string did, (string id, bytes publicKey)[] add, string[] remove'),
  setCredentialStatus: parseAbiParameters('string did, string statusList, (uint32 index, uint8 status)[] entries'),
  submitPresentation: parseAbiParameters('bytes32 nonce, bytes presentation'),
  // A sybil-open deal: the layout createDeal first had, with the meaning it had (paid once per address).
  createDeal: parseAbiParameters(createDealTerms),
  fundDeal: parseAbiParameters('uint64 dealId, uint256 amount'),
  submitToDeal: parseAbiParameters('uint64 dealId, bytes presentation, bytes32 deliveryHash'),
  closeDeal: parseAbiParameters('uint64 dealId'),
  withdraw: parseAbiParameters('address asset, uint256 amount'),
} as const satisfies Record<ActionName, unknown>

/**
 * The verdict notice layout, flat so a contract can `abi.decode` it in one step. `holderBound`
 * and `pseudonym` came last, appended: a contract that decodes the first nine fields reads
 * them as before.
 */
export const verdictNoticeParameters = parseAbiParameters(
  'uint16 version, uint8 kind, bytes32 presentationHash, address sender, string issuer, string credentialType, uint8 verdict, uint64 blockTimestamp, bytes32 disclosedClaimsHash, bool holderBound, bytes pseudonym',
)

/** The verdict notice as verifiers wrote it before holder binding: the first nine fields. */
export const plainVerdictNoticeParameters = parseAbiParameters(
  'uint16 version, uint8 kind, bytes32 presentationHash, address sender, string issuer, string credentialType, uint8 verdict, uint64 blockTimestamp, bytes32 disclosedClaimsHash',
)

/** The deal-approval notice layout, flat like the verdict notice. */
export const dealApprovalNoticeParameters = parseAbiParameters(
  'uint16 version, uint8 kind, uint64 dealId, address provider, bytes32 presentationHash, bytes32 disclosedClaimsHash, bytes32 deliveryHash, address asset, uint256 reward, uint64 blockTimestamp, bytes pseudonym',
)
