/**
 * @module
 * Which of a holder's credentials answer a verifier's DCQL query, and exactly which claims
 * each would disclose: the dcql library matches, this file names the claims for display.
 * Exported from `medcred`.
 */
import { DcqlQuery, type DcqlW3cVcCredential } from 'dcql'
import type { DocumentLoader } from '../contexts/types.js'
import { getByJsonPointer } from '../disclosure/toJsonPointer.js'
import type { VerifiableCredential } from '../suites/types.js'
import { claimPathText, claimPointers, type ClaimPath } from './claimPointers.js'
import { expandTypes } from './credentialTypeIris.js'
import type { ResolvedOpenId4VpRequest } from './resolveRequest.js'

export type MatchCredentialsParameters = {
  request: ResolvedOpenId4VpRequest
  /** The holder's stored credentials, with their bbs-2023 base proofs. */
  credentials: readonly VerifiableCredential[]
  /** Loads their contexts (bundled only), to read their types as IRIs. */
  documentLoader: DocumentLoader
}

/** One claim a credential query asks for, as the holder would disclose it. */
export type RequestedClaim = {
  id?: string | undefined
  path: ClaimPath
  /** The path as text, e.g. `credentialSubject.vaccine.targetDisease`. */
  label: string
  /** The JSON pointers it names in this credential (several when the path has a `null`). */
  pointers: string[]
  /** The values at those pointers, in order. */
  values: unknown[]
}

/** The credentials answering one credential query. */
export type CredentialQueryMatch = {
  /** The credential query's id. */
  id: string
  /** Whether the verifier needs an answer to it. */
  required: boolean
  matches: { index: number; credential: VerifiableCredential; claims: RequestedClaim[] }[]
}

export type MatchCredentialsReturnType = {
  /** Whether the credentials can answer the whole query. */
  canBeSatisfied: boolean
  queries: CredentialQueryMatch[]
}

/**
 * Matches the holder's credentials against the request's DCQL query (the dcql library's
 * `DcqlQuery.query`) and lists, for each match, the claims it would disclose: those of the first
 * claim set it satisfies. The issuer's mandatory fields are disclosed too (see docs/protocols.md).
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-presentations-1_0.html#name-selecting-claims-and-creden
 *
 * @param parameters - {@link MatchCredentialsParameters}
 * @returns the matches, by credential query
 *
 * @example
 * ```ts
 * const { queries } = await matchOpenId4VpCredentials({ request, credentials: stored, documentLoader })
 * for (const claim of queries[0].matches[0].claims) console.log(claim.label, claim.values)
 * ```
 */
export async function matchOpenId4VpCredentials(parameters: MatchCredentialsParameters): Promise<MatchCredentialsReturnType> {
  const { request, credentials, documentLoader } = parameters
  const inputs = await Promise.all(credentials.map((credential) => dcqlCredentialOf(credential, documentLoader)))
  const result = DcqlQuery.query(request.dcqlQuery, inputs)
  const optional = new Set(
    (request.dcqlQuery.credential_sets ?? []).filter((set) => set.required === false).flatMap((set) => set.options.flat()),
  )
  const queries = request.dcqlQuery.credentials.map((query): CredentialQueryMatch => {
    const match = result.credential_matches[query.id]
    const matches = (match?.success ? match.valid_credentials : []).map(({ input_credential_index: index, claims }) => {
      const credential = credentials[index] as VerifiableCredential
      const claimIndexes = claims.valid_claim_sets[0].valid_claim_indexes ?? []
      return { index, credential, claims: claimIndexes.map((claimIndex) => requestedClaim(query.claims?.[claimIndex] as { id?: string; path: ClaimPath }, credential)) }
    })
    return { id: query.id, required: !optional.has(query.id), matches }
  })
  return { canBeSatisfied: result.can_be_satisfied, queries }
}

/** A credential as the dcql library reads it: `ldp_vc`, its types as IRIs, its JSON as claims. */
export async function dcqlCredentialOf(credential: VerifiableCredential, documentLoader: DocumentLoader): Promise<DcqlW3cVcCredential> {
  return {
    credential_format: 'ldp_vc',
    type: await expandTypes(credential, documentLoader),
    claims: credential as unknown as DcqlW3cVcCredential['claims'],
    // bbs-2023 binds a derived credential to the request, not to a holder key.
    cryptographic_holder_binding: false,
  }
}

function requestedClaim(claim: { id?: string; path: ClaimPath }, credential: VerifiableCredential): RequestedClaim {
  const pointers = claimPointers(claim.path, credential)
  return {
    ...(claim.id !== undefined && { id: claim.id }),
    path: claim.path,
    label: claimPathText(claim.path),
    pointers,
    values: pointers.map((pointer) => getByJsonPointer(credential, pointer)),
  }
}
