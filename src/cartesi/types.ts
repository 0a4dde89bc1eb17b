/**
 * @module
 * The typed actions of protocol v1 and the verdict a notice carries.
 */
import type { Address, Hex } from 'viem'
import type { CredentialStatusName, PredicateOperator } from './protocol.js'

/** A BBS public key of an issuer: its verification method id and the 96-byte G2 point. */
export type IssuerKey = {
  /** Verification method id, `<issuer DID>#<fragment>`. */
  id: string
  /** The compressed BLS12-381 G2 public key (96 bytes). */
  publicKey: Hex
}

/** A root authority accredits an issuer for some credential types (or re-accredits it). */
export type AccreditIssuerAction = {
  action: 'accreditIssuer'
  did: string
  /** The address that may rotate the issuer's keys and set its credentials' status. */
  controller: Address
  credentialTypes: readonly string[]
  keys: readonly IssuerKey[]
  /** Status list credential URLs the issuer's credentials point to. */
  statusLists: readonly string[]
}

/** A root authority withdraws an issuer's accreditation. */
export type WithdrawIssuerAction = { action: 'withdrawIssuer'; did: string }

/** The issuer's controller adds and retires keys. */
export type RotateIssuerKeysAction = {
  action: 'rotateIssuerKeys'
  did: string
  add: readonly IssuerKey[]
  /** Verification method ids to retire. */
  remove: readonly string[]
}

/** One status change: the credential at `index` of the list becomes `status`. */
export type StatusEntry = { index: number; status: CredentialStatusName }

/** The issuer's controller sets the status of credentials by status-list index. */
export type SetCredentialStatusAction = {
  action: 'setCredentialStatus'
  did: string
  /** The status list credential URL, as credentials carry it in `statusListCredential`. */
  statusList: string
  entries: readonly StatusEntry[]
}

/** Anyone submits a derived credential whose presentation header is its challenge. */
export type SubmitPresentationAction = {
  action: 'submitPresentation'
  /** 32 bytes chosen by the sender, accepted once per sender. */
  nonce: Hex
  /** The derived credential as JSON text. */
  presentation: string
}

/** A value a deal predicate compares with: a JSON string, number or boolean. */
export type PredicateValue = string | number | boolean

/**
 * A condition on a revealed value: `equals` and `oneOf` compare JSON values, `atLeast` and
 * `atMost` compare numbers. On the wire each value is its JSON text.
 */
export type DealPredicate = {
  /** JSON pointer of the revealed value, e.g. `/credentialSubject/vaccine/targetDisease`. */
  pointer: string
  operator: PredicateOperator
  /** One value, or for `oneOf` the accepted values. */
  values: readonly PredicateValue[]
}

/** A consumer publishes a deal: what it asks for, whom it trusts, what it pays. */
export type CreateDealAction = {
  action: 'createDeal'
  /** The one credential type the deal accepts. */
  credentialType: string
  /** JSON pointers a presentation must reveal, besides the type's policy and the predicates' pointers. */
  requiredFields: readonly string[]
  predicates: readonly DealPredicate[]
  /** Accepted issuer DIDs: each must be accredited for the credential type. */
  issuers: readonly string[]
  maxApprovals: number
  /** Paid to each approved provider, in the asset's smallest unit (wei). */
  reward: bigint
  /** The zero address for ETH, else an ERC-20 token. */
  asset: Address
  /** Block timestamp (seconds) after which no submission is approved and anyone may close the deal. */
  expiresAt: bigint
  /** The consumer's X25519 public key (32 bytes) for encrypted delivery. */
  consumerKey: Hex
  /** Moved from the consumer's balance into the deal's budget at creation; may be 0. */
  funding: bigint
  /**
   * `true` accepts plain (baseline) presentations and pays once per address, as deals did
   * before pseudonyms: one patient with many addresses is paid many times. Absent or `false`:
   * every submission must show a pseudonym for the deal's context
   * (`createDealPseudonymContext`), and the deal pays once per pseudonym, whatever address
   * submits. See docs/deals.md#pseudonyms.
   */
  sybilOpen?: boolean | undefined
}

/** The consumer moves more of its balance into a deal's budget. */
export type FundDealAction = { action: 'fundDeal'; dealId: bigint; amount: bigint }

/** A provider submits a presentation derived with the deal's challenge. */
export type SubmitToDealAction = {
  action: 'submitToDeal'
  dealId: bigint
  /** The derived credential as JSON text. */
  presentation: string
  /** Hash of the encrypted record delivered off-chain, or zero when none. */
  deliveryHash: Hex
}

/** The consumer (or anyone after expiry) closes a deal; its unspent budget goes back by voucher. */
export type CloseDealAction = { action: 'closeDeal'; dealId: bigint }

/** The sender takes free balance out by voucher. */
export type WithdrawAction = { action: 'withdraw'; asset: Address; amount: bigint }

/** Any action of protocol v1. */
export type VerifierAction =
  | AccreditIssuerAction
  | WithdrawIssuerAction
  | RotateIssuerKeysAction
  | SetCredentialStatusAction
  | SubmitPresentationAction
  | CreateDealAction
  | FundDealAction
  | SubmitToDealAction
  | CloseDealAction
  | WithdrawAction

/** What a deal-approval notice says: who was approved for which deal and paid what; never a claim value. */
export type DealApprovalNotice = {
  kind: 'dealApproval'
  dealId: bigint
  provider: Address
  /** keccak256 of the bytes of the proof value that verified (`hashPresentation`): one per presentation, whatever its JSON-LD form. */
  presentationHash: Hex
  /** keccak256 of the disclosed claims (see {@link hashDisclosedClaims}). */
  disclosedClaimsHash: Hex
  /** keccak256 of the compact JWE delivered to the consumer, or zero. */
  deliveryHash: Hex
  /** The zero address for ETH, else the ERC-20 token. */
  asset: Address
  reward: bigint
  blockTimestamp: bigint
  /**
   * The provider's pseudonym for the deal's context (48 bytes), absent for a sybil-open deal.
   * Not a claim: it lets a consumer count distinct credentials (patients) across approvals,
   * and links nothing outside this deal.
   */
  pseudonym?: Hex | undefined
}

/** What a verdict notice says about one verified presentation; never a claim value. */
export type VerdictNotice = {
  kind: 'verdict'
  /** keccak256 of the bytes of the proof value that verified (`hashPresentation`): one per presentation, whatever its JSON-LD form. */
  presentationHash: Hex
  /** Who submitted it (the input's msg_sender). */
  sender: Address
  /** The issuer DID. */
  issuer: string
  /** The credential type, e.g. `MedicalLicenseCredential`. */
  credentialType: string
  verdict: 'verified'
  /** The input's block timestamp, in seconds: the instant the credential was judged at. */
  blockTimestamp: bigint
  /** keccak256 of the disclosed claims (see {@link hashDisclosedClaims}). */
  disclosedClaimsHash: Hex
  /**
   * Whether the proof showed knowledge of the holder's secret committed at issuance: true for
   * every bbs-2023 feature option (`anonymous_holder_binding`, `pseudonym`,
   * `holder_binding_pseudonym`), false for a plain proof.
   */
  holderBound: boolean
  /**
   * The holder's pseudonym for the application's context (48 bytes), absent unless the proof
   * proved one. The same credential shows the same one in every presentation to this
   * application, from any address; it links nothing outside the application.
   */
  pseudonym?: Hex | undefined
}
