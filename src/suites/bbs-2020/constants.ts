/**
 * @module
 * The names the BbsBlsSignature2020 suites put on the wire (W3C CCG "BBS+ Signatures 2020").
 */

/** The VC 1.1 context: 2020 credentials put it first. */
export const credentialsV1Context = 'https://www.w3.org/2018/credentials/v1'

/**
 * The suite context that defines both proof types. w3id.org serves the same document under a
 * second URL, which deployed credentials use as often as this one.
 */
export const bbsContext = 'https://w3id.org/security/bbs/v1'
export const bbsContextAlias = 'https://w3id.org/security/suites/bls12381-2020/v1'

/** The proof a BBS+ issuer signs: every statement of the credential. */
export const signatureProofType = 'BbsBlsSignature2020'

/** The proof a holder derives: a zero-knowledge proof that reveals some statements. */
export const derivedProofType = 'BbsBlsSignatureProof2020'

/**
 * Derived credentials name each revealed node that had no `id` as `urn:bnid:<label>`, where
 * `<label>` is the blank node label the issuer's canonicalization gave it (`_:c14n3`).
 */
export const blankNodePlaceholderPrefix = 'urn:bnid:'

/** Whether a proof `type` names a 2020 signature or derived proof (plain, compact or full IRI). */
export function bbs2020ProofKind(type: unknown): 'signature' | 'derived' | undefined {
  for (const [kind, name] of [['signature', signatureProofType], ['derived', derivedProofType]] as const) {
    if (type === name || type === `sec:${name}` || type === `https://w3id.org/security#${name}`) return kind
  }
  return undefined
}
