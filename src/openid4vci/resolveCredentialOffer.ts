/**
 * @module
 * The holder's first step: from an offer URI (a link, a scanned QR code) to what a wallet
 * shows before accepting: the issuer, the credentials offered with their claims, and whether
 * a transaction code is needed. Exported from `medcred`; runs in browsers and Node.
 */
import { preAuthorizedCodeGrantIdentifier } from '@openid4vc/oauth2'
import type { CredentialOfferObject, IssuerMetadataResult } from '@openid4vc/openid4vci'
import { OpenId4VciHolderError } from './errors.js'
import { createHolderClient, type HolderTransport, isAllowedUrl, toHolderError, withUrlPolicy } from './holderTransport.js'
import type { ProofFeature } from '../suites/types.js'
import { holderCommitmentMember } from './holderCommitmentMember.js'
import { isProofFeature } from '../suites/proofFeatures.js'

export type ResolveCredentialOfferParameters = {
  /**
   * The offer URI: `openid-credential-offer://?credential_offer=…` (by value) or
   * `…?credential_offer_uri=…` (by reference, fetched here). Any scheme is accepted, so an
   * https link carrying the same query works too.
   */
  offerUri: string
  /** The fetch to reach the issuer with; default: the global fetch. */
  fetch?: typeof fetch | undefined
  /**
   * Accept http issuers on a loopback host (127.0.0.1, [::1], localhost), for tests and local
   * development; every other URL must be https. Default false.
   */
  allowHttpLoopback?: boolean | undefined
}

/** One credential of the offer, as the issuer's metadata describes it. */
export type OfferedCredential = {
  /** The credential configuration id, which the credential request names. */
  configurationId: string
  /** The credential's display name (the metadata's first), if any. */
  name: string | undefined
  description: string | undefined
  /** `credential_definition.type` and `@context` of the configuration. */
  types: string[]
  contexts: string[]
  /** The claims the credential holds, with their display names. */
  claims: { path: (string | number | null)[]; name: string | undefined }[]
  /** The JWS algorithms the issuer accepts for the key proof. */
  proofAlgorithms: string[]
  /**
   * When the issuer signs this configuration blindly over the holder's commitment (medcred's
   * `medcred_holder_commitment` member): the bbs-2023 feature option. The holder then needs a
   * holder secret to request it, and keeps the credential's `secretProverBlind`.
   */
  holderCommitment: ProofFeature | undefined
}

/** The transaction code the offer asks for (sent to the holder on another channel). */
export type OfferedTxCode = {
  inputMode: 'numeric' | 'text'
  length: number | undefined
  /** The issuer's hint where to find it, e.g. "Sent to you by mail". */
  description: string | undefined
}

/** A resolved offer: what a wallet shows, and what the next steps need. */
export type ResolvedCredentialOffer = {
  /** The credential offer object. */
  offer: CredentialOfferObject
  /** The credential issuer identifier (an https URL). */
  credentialIssuer: string
  /** The issuer's display name from its metadata, if any. */
  issuerName: string | undefined
  /** The credentials offered, in the offer's order. */
  credentials: OfferedCredential[]
  /** The transaction code needed to redeem the offer, or undefined when none is. */
  txCode: OfferedTxCode | undefined
  /** The issuer's metadata and its authorization server's, as @openid4vc/openid4vci read them. */
  issuerMetadata: IssuerMetadataResult
  /** How the next steps reach the issuer (the same fetch and URL policy). */
  transport: HolderTransport
}

type Display = { name?: string | undefined; description?: string | undefined }

/**
 * Resolves an offer with @openid4vc/openid4vci: reads the offer (by value, or by reference
 * from `credential_offer_uri`), then the credential issuer metadata and the authorization
 * server metadata of the offer's `credential_issuer`, which must name that same issuer. Only
 * pre-authorised code offers of `ldp_vc` credentials signed bbs-2023 are accepted.
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#name-credential-offer
 * - Spec: https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#name-credential-issuer-metadata
 *
 * @param parameters - {@link ResolveCredentialOfferParameters}
 * @returns {@link ResolvedCredentialOffer}
 * @throws {OpenId4VciHolderError} `ERR_OID4VCI_OFFER_INVALID` (not an offer URI or object),
 *   `ERR_OID4VCI_OFFER_UNSUPPORTED` (no pre-authorised code, or a configuration that is not
 *   an ldp_vc signed bbs-2023), `ERR_OID4VCI_METADATA_INVALID` (unreadable, or of another
 *   issuer), `ERR_OID4VCI_URL_INSECURE`, `ERR_OID4VCI_ISSUER_UNREACHABLE`.
 *
 * @example
 * ```ts
 * import { resolveCredentialOffer } from 'medcred'
 * const resolved = await resolveCredentialOffer({ offerUri })
 * resolved.credentials[0].name // 'Vaccination certificate'
 * resolved.txCode // { inputMode: 'numeric', length: 6, description: … }
 * ```
 */
export async function resolveCredentialOffer(parameters: ResolveCredentialOfferParameters): Promise<ResolvedCredentialOffer> {
  const transport: HolderTransport = { fetch: parameters.fetch, allowHttpLoopback: parameters.allowHttpLoopback ?? false }
  const { offerUri } = parameters
  let query: URLSearchParams
  try {
    query = new URL(String(offerUri).trim()).searchParams
  } catch {
    throw new OpenId4VciHolderError({ reason: 'offerNotUri' })
  }
  if (!query.has('credential_offer') && !query.has('credential_offer_uri')) throw new OpenId4VciHolderError({ reason: 'offerNotUri' })
  return withUrlPolicy(transport, async () => {
    const client = createHolderClient(transport)
    let offer: CredentialOfferObject
    try {
      offer = await client.resolveCredentialOffer(String(offerUri).trim())
    } catch (error) {
      throw toHolderError(error, 'offer')
    }
    const credentialIssuer = offer.credential_issuer
    if (!isAllowedUrl(credentialIssuer, transport)) throw new OpenId4VciHolderError({ reason: 'urlInsecure', url: credentialIssuer })
    const grant = offer.grants?.[preAuthorizedCodeGrantIdentifier]
    if (!grant) throw new OpenId4VciHolderError({ reason: 'offerGrantUnsupported' })
    let issuerMetadata: IssuerMetadataResult
    try {
      issuerMetadata = await client.resolveIssuerMetadata(credentialIssuer)
    } catch (error) {
      throw toHolderError(error, 'metadata', credentialIssuer)
    }
    const configurations = issuerMetadata.credentialIssuer.credential_configurations_supported as Record<string, Record<string, any> | undefined>
    const credentials = offer.credential_configuration_ids.map((configurationId): OfferedCredential => {
      const configuration = configurations[configurationId]
      const signing = configuration?.credential_signing_alg_values_supported as unknown
      if (configuration?.format !== 'ldp_vc' || !Array.isArray(signing) || !signing.includes('bbs-2023')) {
        throw new OpenId4VciHolderError({ reason: 'offerConfigurationUnsupported', configurationId })
      }
      // 1.0 puts display and claims under credential_metadata; drafts had them at the top.
      const metadata = (configuration.credential_metadata ?? configuration) as { display?: Display[]; claims?: unknown }
      const display = metadata.display?.[0]
      const claims = Array.isArray(metadata.claims) ? (metadata.claims as { path?: unknown; display?: Display[] }[]) : []
      const definition = (configuration.credential_definition ?? {}) as { type?: unknown; '@context'?: unknown }
      const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [])
      return {
        configurationId,
        name: display?.name,
        description: display?.description,
        types: strings(definition.type),
        contexts: strings(definition['@context']),
        claims: claims
          .filter((claim) => Array.isArray(claim.path))
          .map((claim) => ({ path: claim.path as (string | number | null)[], name: claim.display?.[0]?.name })),
        proofAlgorithms: strings(configuration.proof_types_supported?.jwt?.proof_signing_alg_values_supported),
        holderCommitment: readFeatureOption((configuration as Record<string, unknown>)[holderCommitmentMember]),
      }
    })
    const txCode = grant.tx_code
    return {
      offer,
      credentialIssuer,
      issuerName: (issuerMetadata.credentialIssuer.display as Display[] | undefined)?.[0]?.name,
      credentials,
      txCode: txCode ? { inputMode: txCode.input_mode ?? 'numeric', length: txCode.length, description: txCode.description } : undefined,
      issuerMetadata,
      transport,
    }
  })
}

/** The feature option of a configuration's `medcred_holder_commitment` member, if it names one. */
function readFeatureOption(member: unknown): ProofFeature | undefined {
  const option = (member as { feature_option?: unknown } | undefined)?.feature_option
  return isProofFeature(option) ? option : undefined
}
