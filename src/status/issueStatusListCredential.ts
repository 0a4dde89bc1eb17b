/**
 * @module
 * Publishes a status list as a credential signed by the issuer's BBS key. bbs-2023 base
 * proofs are for holders, so the list is issued and then derived with everything revealed:
 * the published form verifies like any derived credential, under the same issuer DID.
 */
import type { DocumentLoader } from '../contexts/types.js'
import type { KeyPair } from '../keys/types.js'
import { deriveCredential } from '../suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../suites/bbs-2023/issueCredential.js'
import type { VerifiableCredential } from '../suites/types.js'
import type { StatusList } from './types.js'

export type IssueStatusListCredentialParameters = {
  list: StatusList
  /** The issuer's key pair: the same issuer as the credentials on the list. */
  issuerKey: KeyPair
  /** Start of the list credential's validity; verifiers reject it before then. */
  validFrom: Date
  /** End of validity, so verifiers fetch a fresh list; omit for none. */
  validUntil?: Date | undefined
  documentLoader: DocumentLoader
}

/**
 * Issues the BitstringStatusListCredential for a list.
 *
 * - Spec: https://www.w3.org/TR/vc-bitstring-status-list/#bitstringstatuslistcredential
 *
 * @param parameters - {@link IssueStatusListCredentialParameters}
 * @returns the credential to publish at `list.id`
 * @throws {IssueCredentialError} when the key cannot sign.
 *
 * @example
 * ```ts
 * import { issueStatusListCredential } from 'medcred'
 * const published = await issueStatusListCredential({ list, issuerKey, validFrom: new Date(), documentLoader })
 * ```
 */
export async function issueStatusListCredential(parameters: IssueStatusListCredentialParameters): Promise<VerifiableCredential> {
  const { list, issuerKey, validFrom, validUntil, documentLoader } = parameters
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: list.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerKey.controller,
    validFrom: isoSeconds(validFrom),
    ...(validUntil ? { validUntil: isoSeconds(validUntil) } : {}),
    credentialSubject: {
      id: `${list.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: list.purpose,
      encodedList: list.encodedList,
    },
  }
  const signed = await issueCredential({ credential, issuerKey, documentLoader })
  return deriveCredential({ credential: signed, reveal: ['/id', '/credentialSubject'], documentLoader })
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
