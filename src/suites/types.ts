/** A Data Integrity proof as it appears on a credential or presentation. */
export type DataIntegrityProof = {
  type: 'DataIntegrityProof' | (string & {})
  cryptosuite?: 'bbs-2023' | 'eddsa-rdfc-2022' | (string & {}) | undefined
  verificationMethod: string
  proofPurpose: string
  proofValue: string
  created?: string | undefined
  challenge?: string | undefined
  domain?: string | undefined
  [key: string]: unknown
}

/** A W3C Verifiable Credential (VC Data Model 2.0) as JSON-LD. */
export type VerifiableCredential = {
  '@context': (string | Record<string, unknown>)[]
  id?: string | undefined
  type: string[]
  issuer: string | { id: string; [key: string]: unknown }
  validFrom?: string | undefined
  validUntil?: string | undefined
  credentialSubject: Record<string, unknown>
  credentialStatus?: Record<string, unknown> | Record<string, unknown>[] | undefined
  proof: DataIntegrityProof
  [key: string]: unknown
}

/** A W3C Verifiable Presentation (VC Data Model 2.0) as JSON-LD. */
export type VerifiablePresentation = {
  '@context': (string | Record<string, unknown>)[]
  id?: string | undefined
  type: string[]
  holder?: string | undefined
  verifiableCredential: VerifiableCredential[]
  proof?: DataIntegrityProof | undefined
  [key: string]: unknown
}
