/**
 * @module
 * Constants of medcred's Cartesi input protocol, version 1 (docs/protocol.md).
 */

/** The envelope version this code reads and writes. */
export const protocolVersion = 1

/** Largest advance payload the verifier reads: the rollups' own input bound, 64 KiB. */
export const maxInputBytes = 64 * 1024

/** Action numbers, fixed by protocol v1; 16 and above are kept for data deals. */
export const actionCodes = {
  accreditIssuer: 1,
  withdrawIssuer: 2,
  rotateIssuerKeys: 3,
  setCredentialStatus: 4,
  submitPresentation: 5,
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
export const noticeKinds = { verdict: 1 } as const
