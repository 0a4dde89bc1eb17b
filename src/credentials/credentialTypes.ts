/**
 * @module
 * The registry of credential types medcred issues: for each, the JSON-LD contexts, the `type`
 * array and the `type` of its subject. Builders, suites and verifiers read it so the three can
 * never disagree about what a MedicalLicenseCredential looks like.
 */

const credentialsV2 = 'https://www.w3.org/ns/credentials/v2'

/** What identifies one credential type on the wire. */
export type CredentialTypeDefinition = {
  /** The `@context` array, VC 2.0 first; every URL is bundled with medcred. */
  readonly context: readonly string[]
  /** The credential's `type` array. */
  readonly type: readonly string[]
  /** The `type` of its `credentialSubject`. */
  readonly subjectType: string
  /**
   * Fields every derived credential of this type reveals, on top of the envelope's
   * (issuer, type, validity, status): what any verifier of the type needs.
   */
  readonly mandatoryPointers: readonly string[]
}

/**
 * Every credential type medcred knows, by name.
 *
 * @example
 * ```ts
 * import { credentialTypes } from 'medcred'
 * credentialTypes.MedicalLicenseCredential.context
 * // ['https://www.w3.org/ns/credentials/v2', 'https://w3id.org/medcred/medical-licence/v1']
 * ```
 */
export const credentialTypes = {
  MedicalLicenseCredential: {
    context: [credentialsV2, 'https://w3id.org/medcred/medical-licence/v1'],
    type: ['VerifiableCredential', 'MedicalLicenseCredential'],
    subjectType: 'LicensedPractitioner',
    mandatoryPointers: ['/credentialSubject/profession', '/credentialSubject/jurisdiction'],
  },
  VaccinationCertificate: {
    context: [credentialsV2, 'https://w3id.org/medcred/vaccination/v1'],
    type: ['VerifiableCredential', 'VaccinationCertificate'],
    subjectType: 'VaccinationEvent',
    mandatoryPointers: [],
  },
} as const satisfies Record<string, CredentialTypeDefinition>

/** The name of a credential type in {@link credentialTypes}. */
export type CredentialTypeName = keyof typeof credentialTypes
