/**
 * @module
 * The typed actions of protocol v1 and the verdict a notice carries.
 */
import type { Address, Hex } from 'viem'
import type { CredentialStatusName } from './protocol.js'

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

/** Any action of protocol v1. */
export type VerifierAction =
  | AccreditIssuerAction
  | WithdrawIssuerAction
  | RotateIssuerKeysAction
  | SetCredentialStatusAction
  | SubmitPresentationAction

/** What a verdict notice says about one verified presentation; never a claim value. */
export type VerdictNotice = {
  kind: 'verdict'
  /** keccak256 of the presentation bytes as submitted. */
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
}
