/**
 * @module
 * The expanded type IRIs DCQL matches `ldp_vc` credentials on (`meta.type_values` holds IRIs,
 * as the bundled contexts expand a credential's `type` terms), and the reading of a
 * credential's types as IRIs.
 */
import jsonld from 'jsonld'
import type { DocumentLoader } from '../contexts/types.js'
import type { CredentialTypeName } from '../credentials/credentialTypes.js'

/** The IRI of each credential type medcred issues, and of VerifiableCredential. */
export const credentialTypeIris = {
  VerifiableCredential: 'https://www.w3.org/2018/credentials#VerifiableCredential',
  MedicalLicenseCredential: 'https://w3id.org/medcred/vocab#MedicalLicenseCredential',
  VaccinationCertificate: 'https://w3id.org/vaccination#VaccinationCertificate',
} as const satisfies Record<CredentialTypeName | 'VerifiableCredential', string>

/**
 * A credential's `type` as IRIs, expanded with its own `@context` (bundled contexts only:
 * `documentLoader` never fetches). Empty when the types cannot be expanded.
 */
export async function expandTypes(credential: Record<string, unknown>, documentLoader: DocumentLoader): Promise<string[]> {
  try {
    const expanded = (await jsonld.expand({ '@context': credential['@context'], type: credential.type } as Record<string, unknown>, { documentLoader, safe: true })) as { '@type'?: unknown }[]
    const types = expanded[0]?.['@type']
    return Array.isArray(types) ? types.filter((type): type is string => typeof type === 'string') : []
  } catch {
    return []
  }
}
