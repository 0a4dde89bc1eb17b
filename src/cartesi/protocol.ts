/**
 * @module
 * Constants of medcred's Cartesi input protocol, version 1 (docs/protocol.md).
 */

/** The envelope version this code reads and writes. */
export const protocolVersion = 1

/** Largest advance payload the verifier reads: the rollups' own input bound, 64 KiB. */
export const maxInputBytes = 64 * 1024

/** Action numbers, fixed by protocol v1; 16 and above are data deals (docs/deals.md). */
export const actionCodes = {
  accreditIssuer: 1,
  withdrawIssuer: 2,
  rotateIssuerKeys: 3,
  setCredentialStatus: 4,
  submitPresentation: 5,
  createDeal: 16,
  fundDeal: 17,
  submitToDeal: 18,
  closeDeal: 19,
  withdraw: 20,
} as const

/** The name of an action of protocol v1. */
export type ActionName = keyof typeof actionCodes

/** A credential status as the verifier stores it; the number is its wire value. */
export const statusCodes = { active: 0, revoked: 1, suspended: 2 } as const

/** A credential's status: active, revoked or suspended. */
export type CredentialStatusName = keyof typeof statusCodes

/** The status a wire value stands for (the inverse of {@link statusCodes}). */
export const statusNames: ReadonlyMap<number, CredentialStatusName> = new Map(
  Object.entries(statusCodes).map(([name, code]) => [code, name as CredentialStatusName]),
)

/** Verdict values a notice carries. Refused presentations are rejected inputs, not notices. */
export const verdictCodes = { verified: 1 } as const

/** Notice kinds: the first field after the version tells a contract how to read the rest. */
export const noticeKinds = { verdict: 1, dealApproval: 2 } as const

/** How a deal predicate compares a revealed value with the deal's values; the number is its wire value. */
export const predicateOperators = { equals: 1, atLeast: 2, atMost: 3, oneOf: 4 } as const

/** A deal predicate's comparison: `equals`, `atLeast` (>=), `atMost` (<=) or `oneOf`. */
export type PredicateOperator = keyof typeof predicateOperators

/** The operator a wire value stands for (the inverse of {@link predicateOperators}). */
export const predicateOperatorNames: ReadonlyMap<number, PredicateOperator> = new Map(
  Object.entries(predicateOperators).map(([name, code]) => [code, name as PredicateOperator]),
)
