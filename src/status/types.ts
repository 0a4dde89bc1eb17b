/**
 * @module
 * Bitstring Status List types: an issuer's list as it keeps it, and a credential's entry in
 * it. Exported from `medcred`.
 */
/** Why a list flips a credential's bit: permanently (revocation) or reversibly (suspension). */
export type StatusPurpose = 'revocation' | 'suspension'

/**
 * An issuer's status list, as plain JSON the issuer keeps between runs. Indices are handed
 * out in a scattered but collision-free order (`offset + n * stride` modulo the length, the
 * stride odd and the length a power of two), so neighbouring credentials do not get
 * neighbouring bits.
 */
export type StatusList = {
  /** URL of the status list credential, where verifiers obtain it. */
  id: string
  purpose: StatusPurpose
  /** Number of bits; a power of two, at least 131,072 for herd privacy (the spec's minimum). */
  length: number
  /** The bits, GZIP-compressed and multibase base64url-encoded, as in the credential. */
  encodedList: string
  /** How many indices have been handed out. */
  allocated: number
  offset: number
  stride: number
}

/** The `credentialStatus` entry a credential carries (W3C Bitstring Status List v1.0). */
export type BitstringStatusListEntry = {
  id?: string | undefined
  type: 'BitstringStatusListEntry'
  statusPurpose: StatusPurpose
  statusListIndex: string
  statusListCredential: string
}
