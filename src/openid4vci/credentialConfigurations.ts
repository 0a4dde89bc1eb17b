/**
 * @module
 * One OpenID4VCI credential configuration per medcred credential type: format `ldp_vc`, the
 * bbs-2023 cryptosuite, the holder-binding methods and key proof the issuer accepts, and the
 * claims with their display names. Read by the issuer metadata and the credential endpoint.
 */
import { type CredentialTypeName, credentialTypes } from '../credentials/credentialTypes.js'
import type { ProofFeature } from '../suites/types.js'

/** The JWS algorithms the issuer accepts for a holder's key proof (verified with jose). */
export const proofSigningAlgorithms = ['EdDSA', 'ES256'] as const

/** A claim as 1.0 writes it in `credential_metadata.claims`: a path and its display names. */
export type ClaimDescription = {
  path: string[]
  display: { name: string; locale: string }[]
}

/** A credential configuration of the issuer metadata, format `ldp_vc` (OpenID4VCI 1.0 A.1.2). */
export type LdpVcCredentialConfiguration = {
  format: 'ldp_vc'
  scope: string
  cryptographic_binding_methods_supported: string[]
  credential_signing_alg_values_supported: string[]
  proof_types_supported: { jwt: { proof_signing_alg_values_supported: string[] } }
  credential_definition: { '@context': string[]; type: string[] }
  credential_metadata: {
    display: { name: string; locale: string; description?: string }[]
    claims: ClaimDescription[]
  }
  /**
   * medcred's extension: the credential is signed blindly over a commitment to the holder's
   * secrets, for this bbs-2023 feature option; the credential request carries the commitment
   * (`medcred_holder_commitment`), as does its key proof.
   */
  medcred_holder_commitment?: { feature_option: ProofFeature } | undefined
}


const claim = (path: string, name: string): ClaimDescription => ({ path: ['credentialSubject', ...path.split('.')], display: [{ name, locale: 'en' }] })

/** What a wallet shows of each credential type: its name and its claims' names. */
const displays: Record<CredentialTypeName, { name: string; description: string; claims: ClaimDescription[] }> = {
  MedicalLicenseCredential: {
    name: 'Medical licence',
    description: 'A licence to practise medicine, issued by a licensing authority.',
    claims: [
      claim('name', 'Name'),
      claim('profession', 'Profession'),
      claim('speciality', 'Speciality'),
      claim('licenceNumber', 'Licence number'),
      claim('jurisdiction', 'Jurisdiction'),
      claim('licensingBody', 'Licensing body'),
      claim('degree.name', 'Degree'),
      claim('degree.school', 'Medical school'),
      claim('degree.graduationDate', 'Graduation date'),
    ],
  },
  VaccinationCertificate: {
    name: 'Vaccination certificate',
    description: 'One vaccine dose, as the administering centre recorded it.',
    claims: [
      claim('recipient.name', 'Name'),
      claim('recipient.birthDate', 'Date of birth'),
      claim('vaccine.medicinalProductName', 'Vaccine'),
      claim('vaccine.marketingAuthorizationHolder', 'Manufacturer'),
      claim('vaccine.vaccineCode.code', 'Vaccine code'),
      claim('vaccine.targetDisease', 'Target disease'),
      claim('doseNumber', 'Dose number'),
      claim('seriesSize', 'Doses in series'),
      claim('dateOfVaccination', 'Date of vaccination'),
      claim('batchNumber', 'Batch number'),
      claim('administeringCentre', 'Administering centre'),
      claim('countryOfVaccination', 'Country of vaccination'),
    ],
  },
}

/**
 * The credential configuration id of each credential type: the type's name (one configuration
 * per type, so the name identifies it).
 */
export const credentialConfigurationIds = Object.keys(credentialTypes) as CredentialTypeName[]

/** The credential configuration of one credential type. */
export function credentialConfigurationOf(name: CredentialTypeName): LdpVcCredentialConfiguration {
  const type = credentialTypes[name]
  const display = displays[name]
  return {
    format: 'ldp_vc',
    scope: name,
    // A key proven as a JWK is recorded as did:jwk; a did:key as itself.
    cryptographic_binding_methods_supported: ['did:key', 'jwk'],
    credential_signing_alg_values_supported: ['bbs-2023'],
    proof_types_supported: { jwt: { proof_signing_alg_values_supported: [...proofSigningAlgorithms] } },
    credential_definition: { '@context': [...type.context], type: [...type.type] },
    credential_metadata: {
      display: [{ name: display.name, locale: 'en', description: display.description }],
      claims: display.claims.map((entry) => structuredClone(entry)),
    },
  }
}

/** Whether `id` names a credential configuration of this issuer. */
export function isCredentialConfigurationId(id: unknown): id is CredentialTypeName {
  return typeof id === 'string' && (credentialConfigurationIds as string[]).includes(id)
}
