/**
 * @module
 * A DCQL query for medcred credentials from their type names and claim paths, so a verifier
 * need not write IRIs: format `ldp_vc`, `meta.type_values` the type's IRIs, no key holder
 * binding asked (a bbs-2023 credential is bound to the request by its presentation header).
 * Exported from `medcred`.
 */
import { DcqlQuery } from 'dcql'
import { credentialTypes, type CredentialTypeName } from '../credentials/credentialTypes.js'
import type { ClaimPath } from './claimPointers.js'
import { credentialTypeIris } from './credentialTypeIris.js'
import { OpenId4VpOptionsError } from './errors.js'

/** One credential asked for. */
export type DcqlCredentialRequest = {
  /** The credential query's id: the key of its credential in the response's `vp_token`. */
  id: string
  /** The credential's type. */
  type: CredentialTypeName
  /**
   * The claims asked for: each a path into the credential (`['credentialSubject', 'doseNumber']`),
   * optionally with the values accepted. Nothing else is disclosed but the type's mandatory fields.
   */
  claims?: readonly { id?: string | undefined; path: ClaimPath; values?: readonly (string | number | boolean)[] | undefined }[] | undefined
}

/**
 * Builds a DCQL query asking for medcred credentials, checked by the dcql library.
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-presentations-1_0.html#name-digital-credentials-query-l
 *
 * @param credentials - the credentials asked for, all required
 * @returns the DCQL query
 * @throws {OpenId4VpOptionsError} `ERR_OID4VP_OPTIONS_INVALID` for an unknown type or an invalid query.
 *
 * @example
 * ```ts
 * import { createDcqlQuery } from 'medcred'
 * const dcqlQuery = createDcqlQuery([{ id: 'vaccination', type: 'VaccinationCertificate', claims: [
 *   { path: ['credentialSubject', 'vaccine', 'targetDisease'], values: ['measles'] },
 *   { path: ['credentialSubject', 'doseNumber'] },
 * ] }])
 * ```
 */
export function createDcqlQuery(credentials: readonly DcqlCredentialRequest[]): DcqlQuery {
  const query = {
    credentials: credentials.map(({ id, type, claims }) => {
      if (!Object.hasOwn(credentialTypes, type)) throw new OpenId4VpOptionsError({ reason: 'credentialType', type: String(type) })
      return {
        id,
        format: 'ldp_vc' as const,
        meta: { type_values: [[credentialTypeIris.VerifiableCredential, credentialTypeIris[type]]] },
        require_cryptographic_holder_binding: false,
        ...(claims && {
          claims: claims.map((claim) => ({ ...(claim.id !== undefined && { id: claim.id }), path: [...claim.path], ...(claim.values && { values: [...claim.values] }) })),
        }),
      }
    }),
  }
  try {
    const parsed = DcqlQuery.parse(query as DcqlQuery.Input)
    DcqlQuery.validate(parsed)
    return parsed
  } catch (error) {
    throw new OpenId4VpOptionsError({ reason: 'dcqlQuery', detail: error instanceof Error ? error.message : String(error) })
  }
}
