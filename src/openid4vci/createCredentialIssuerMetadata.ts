/**
 * @module
 * The credential issuer metadata a wallet reads at `/.well-known/openid-credential-issuer`:
 * one `ldp_vc` configuration per medcred credential type, its endpoints, and the issuer as its
 * own authorization server. Exported from `medcred/node`.
 */
import type { CredentialIssuerMetadata, IssuerMetadataResult } from '@openid4vc/openid4vci'
import { Openid4vciVersion } from '@openid4vc/openid4vci'
import { credentialConfigurationIds, credentialConfigurationOf } from './credentialConfigurations.js'
import { holderCommitmentMember } from './holderCommitmentMember.js'
import { createAuthorizationServerMetadata } from './createAuthorizationServerMetadata.js'
import { endpointsOf } from './endpoints.js'
import type { OpenId4VciIssuerContext } from './types.js'

/** The issuer metadata document (OpenID4VCI 1.0 §12.2.4). */
export type CreateCredentialIssuerMetadataReturnType = CredentialIssuerMetadata

/**
 * Builds the credential issuer metadata and checks it against the spec's schema
 * (@openid4vc/openid4vci). It lists no `authorization_servers`: the issuer is its own.
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#name-credential-issuer-metadata
 *
 * @param context - the issuer, from {@link createOpenId4VciIssuer}
 * @returns the metadata JSON
 *
 * @example
 * ```ts
 * import { createOpenId4VciIssuer } from 'medcred/node'
 * const issuer = createOpenId4VciIssuer({ credentialIssuer: 'https://school.example', issuerKey, documentLoader })
 * issuer.credentialIssuerMetadata().credential_configurations_supported.MedicalLicenseCredential.format // 'ldp_vc'
 * ```
 */
export function createCredentialIssuerMetadata(context: OpenId4VciIssuerContext): CreateCredentialIssuerMetadataReturnType {
  const endpoints = endpointsOf(context.credentialIssuer)
  return context.vciIssuer.createCredentialIssuerMetadata({
    credential_issuer: context.credentialIssuer,
    credential_endpoint: endpoints.credential,
    nonce_endpoint: endpoints.nonce,
    credential_configurations_supported: Object.fromEntries(
      credentialConfigurationIds.map((id) => {
        const featureOption = context.holderBinding.get(id)
        return [id, { ...credentialConfigurationOf(id), ...(featureOption ? { [holderCommitmentMember]: { feature_option: featureOption } } : {}) }]
      }),
    ),
    display: [{ name: context.issuerKey.controller, locale: 'en' }],
  })
}

/** The metadata as @openid4vc/openid4vci's issuer functions take it (offers, requests, proofs). */
export function issuerMetadataResult(context: OpenId4VciIssuerContext): IssuerMetadataResult {
  const credentialIssuer = createCredentialIssuerMetadata(context)
  return {
    originalDraftVersion: Openid4vciVersion.V1,
    credentialIssuer,
    authorizationServers: [createAuthorizationServerMetadata(context)],
    knownCredentialConfigurations: context.vciIssuer.getKnownCredentialConfigurationsSupported(credentialIssuer),
  }
}
