/**
 * @module
 * Reads the certificate a patient loads (a file or pasted text) into what the wallet needs.
 */
import { WalletInputError } from './errors.js'
import { type DisclosableField, listDisclosableFields } from './listDisclosableFields.js'
import { readBaseProofPointers } from './readBaseProofPointers.js'
import type { VerifiableCredential } from 'medcred'

/** A loaded certificate: the credential, the issuer's mandatory pointers, and its fields. */
export type LoadedCertificate = {
  credential: VerifiableCredential
  mandatoryPointers: string[]
  fields: DisclosableField[]
}

/**
 * Parses and checks a certificate given as JSON text.
 *
 * @param text - the certificate as the issuer handed it over
 * @returns {@link LoadedCertificate}
 * @throws {WalletInputError} `ERR_WALLET_CERTIFICATE_INVALID` when the text is not JSON, not
 *   a credential, or has no bbs-2023 base proof.
 */
export function readCertificate(text: string): LoadedCertificate {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (cause) {
    throw new WalletInputError('ERR_WALLET_CERTIFICATE_INVALID', 'The certificate is not JSON. Load the .json file the issuer gave you.', cause)
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || !('credentialSubject' in parsed)) {
    throw new WalletInputError('ERR_WALLET_CERTIFICATE_INVALID', 'This JSON is not a credential: it has no credentialSubject.')
  }
  const credential = parsed as VerifiableCredential
  if (credential.proof?.cryptosuite !== 'bbs-2023') {
    throw new WalletInputError('ERR_WALLET_CERTIFICATE_INVALID', 'The certificate has no bbs-2023 proof, so fields cannot be disclosed selectively.')
  }
  const mandatoryPointers = readBaseProofPointers(credential.proof.proofValue)
  return { credential, mandatoryPointers, fields: listDisclosableFields(credential, mandatoryPointers) }
}
