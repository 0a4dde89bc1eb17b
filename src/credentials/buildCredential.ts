/**
 * @module
 * Wraps a credential subject in the VC 2.0 envelope of a registered credential type.
 */
import { credentialTypes, type CredentialTypeName } from './credentialTypes.js'
import type { BitstringStatusListEntry } from '../status/types.js'
import type { UnsignedCredential } from './types.js'
import { withoutUndefined } from './withoutUndefined.js'

/** The envelope fields of a validated input. */
export type CredentialEnvelope = {
  id?: string | undefined
  issuer: string
  validFrom: string
  validUntil?: string | undefined
  credentialStatus?: BitstringStatusListEntry | undefined
}

/**
 * Builds the unsigned credential: contexts and types from {@link credentialTypes}, the
 * envelope fields, then the subject.
 *
 * @param name - the registered credential type.
 * @param envelope - validated envelope fields.
 * @param credentialSubject - the validated, already shaped subject.
 * @returns the unsigned credential; arrays are fresh copies, so callers may change them.
 */
export function buildCredential<Name extends CredentialTypeName, Subject>(
  name: Name,
  envelope: CredentialEnvelope,
  credentialSubject: Subject,
): UnsignedCredential<Name, Subject> {
  const { context, type } = credentialTypes[name]
  const { id, issuer, validFrom, validUntil, credentialStatus } = envelope
  // The casts restate the registry entry for `Name`: TypeScript cannot index it by a generic key.
  return withoutUndefined({
    '@context': [...context] as UnsignedCredential<Name, Subject>['@context'],
    id,
    type: [...type] as UnsignedCredential<Name, Subject>['type'],
    issuer,
    validFrom,
    validUntil,
    credentialSubject,
    credentialStatus: credentialStatus && withoutUndefined(credentialStatus),
  })
}
