import { MedcredError } from '../errors/MedcredError.js'

/** Signing a credential failed: the key cannot sign it, or the document is unusable. */
export class IssueCredentialError extends MedcredError {
  override name = 'IssueCredentialError'
  constructor(reason: string, cause?: unknown) {
    super('ERR_ISSUE_FAILED', `Cannot issue the credential: ${reason}.`, { cause })
  }
}

/** Deriving a selectively disclosed credential failed. */
export class DeriveCredentialError extends MedcredError {
  override name = 'DeriveCredentialError'
  constructor(reason: string, cause?: unknown) {
    super('ERR_DERIVE_FAILED', `Cannot derive the credential: ${reason}.`, { cause })
  }
}

/** A proof object whose options cannot be read (a verificationMethod that is not a URL). */
export class ProofMalformedError extends MedcredError {
  override name = 'ProofMalformedError'
  constructor(reason: string) {
    super('ERR_VERIFY_PROOF_MALFORMED', `The proof is malformed: ${reason}.`)
  }
}

/** The reason to show for a library failure: ours carry a message fit for people. */
export function reasonOf(error: unknown): string {
  const message = MedcredError.find(error)?.message ?? (error instanceof Error ? error.message : String(error))
  return message.replace(/\.$/, '')
}
