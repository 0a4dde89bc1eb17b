/**
 * @module
 * Verifies one credential as a verifier receives it: untrusted JSON in, a structured
 * result out, every check named, nothing thrown for bad input.
 */
import { createDocumentLoader } from '../contexts/createDocumentLoader.js'
import type { ContextIntegrityError, PinnedContextError } from '../contexts/errors.js'
import type { DocumentLoader } from '../contexts/types.js'
import { encodeChallenge, equalBytes } from '../suites/challenge.js'
import { MedcredError } from '../errors/MedcredError.js'
import { fail, internalFailure, pass } from './checks/check.js'
import { checkDisclosure } from './checks/checkDisclosure.js'
import { checkIssuer } from './checks/checkIssuer.js'
import { checkProof, type VerifiedProof } from './checks/checkProof.js'
import { checkStatus } from './checks/checkStatus.js'
import { checkValidity } from './checks/checkValidity.js'
import { readUntrustedJson } from './checks/readUntrustedJson.js'
import { VerifyOptionsError } from './errors.js'
import { findProofSuite } from './findProofSuite.js'
import { createVerifiedView, type VerifiedView } from './signedGraph/createVerifiedView.js'
import { SignedGraphError } from './signedGraph/errors.js'
import type { CredentialVerificationResult, VerificationCheck, VerificationOptions } from './types.js'

export type VerifyCredentialParameters = VerificationOptions & {
  /** The derived credential: an object or JSON text, from anyone. */
  credential: unknown
  /**
   * The challenge the credential must have been derived with: the one this verifier issued (a
   * string, as UTF-8) or raw bytes; bbs-2023 carries it as the presentation header, the 2020
   * suite as the proof's nonce. Checked only when given.
   */
  presentationHeader?: string | Uint8Array | undefined
}

/**
 * Verifies a selectively disclosed (derived) credential.
 *
 * Checks, in order: input bounds (size, depth, duplicate keys), the proof, the issuer (signer
 * and trust, optionally per type), the validity window at `now`, status, the challenge, and
 * the required and forbidden disclosures. Never throws for bad input: a failure is a check
 * with a stable `code`.
 *
 * What is judged is what was signed: once the proof verifies, every check reads the signed
 * statements (the verified view), never the JSON around them. Any JSON-LD form of a credential
 * (expanded, flattened, inline contexts, arrays) gets the same verdict and the same
 * `disclosed` and `credential`, in medcred's canonical JSON.
 *
 * The proof's type picks the suite: a bbs-2023 Data Integrity proof (VC 2.0), or a legacy
 * BbsBlsSignatureProof2020 / BbsBlsSignature2020 proof (VC 1.1, whose `issuanceDate` and
 * `expirationDate` bound its validity). Either suite accepts the issuer key as a Multikey.
 *
 * - Spec: https://www.w3.org/TR/vc-data-model-2.0/#verification
 *
 * @param parameters - {@link VerifyCredentialParameters}
 * @returns {@link CredentialVerificationResult}
 * @throws {VerifyOptionsError} `ERR_VERIFY_OPTIONS_INVALID` only when the options are wrong
 *   (no clock, no resolver), never for the credential; {@link ContextIntegrityError} or
 *   {@link PinnedContextError} when a context in `contexts` does not match its pin.
 *
 * @example
 * ```ts
 * import { createDidResolver, verifyCredential } from 'medcred'
 * const result = await verifyCredential({
 *   credential, trustedIssuers: [schoolDid], now: new Date(), didResolver: createDidResolver(),
 *   requiredFields: ['credentialSubject.speciality'],
 * })
 * if (!result.verified) console.log(result.checks.filter((c) => !c.ok))
 * ```
 */
export async function verifyCredential(parameters: VerifyCredentialParameters): Promise<CredentialVerificationResult> {
  assertOptions(parameters)
  const documentLoader = createDocumentLoader({ didResolver: parameters.didResolver, contexts: parameters.contexts })
  let credential: Record<string, unknown>
  try {
    credential = readUntrustedJson(parameters.credential, 'credential', parameters.limits)
  } catch (error) {
    return { verified: false, checks: [inputFailure(error)], issuer: undefined, types: [], disclosed: undefined, credential: undefined }
  }
  return (await verifyBoundedCredential(credential, parameters, documentLoader)).result
}

/**
 * Verification of a credential already bounded by readUntrustedJson; {@link verifyPresentation}
 * and the Cartesi verifier reuse it. After the proof, every check reads the verified view (the
 * signed statements), never the JSON. Also returns the proof that verified, when one did.
 */
export async function verifyBoundedCredential(
  input: Record<string, unknown>,
  parameters: Omit<VerifyCredentialParameters, 'credential' | 'limits'>,
  documentLoader: DocumentLoader,
): Promise<{ result: CredentialVerificationResult; proof?: VerifiedProof }> {
  const refused = (checks: VerificationCheck[]) => ({
    result: { verified: false, checks, issuer: undefined, types: [], disclosed: undefined, credential: undefined },
  })
  // 1. The suite, and the credential in the JSON-LD form it verifies.
  const found = await findProofSuite(input, documentLoader)
  if ('failed' in found) return refused([found.failed])
  const { credential, suite } = found
  // 2. The proof: on success, the statements it covers and what it is bound to.
  const { check: proofCheck, proof } = await checkProof(credential, suite, documentLoader)
  if (!proof) return refused([pass('input'), proofCheck])
  // 3. The verified view: from here on nothing reads the JSON.
  let view: VerifiedView
  try {
    view = await createVerifiedView(proof.statements, suite, parameters.contexts)
  } catch (error) {
    // The statements came out of a verified proof: only their shape can be the credential's fault.
    return refused([pass('input'), proofCheck, error instanceof SignedGraphError ? fail('input', error.code, error.message) : internalFailure('input', error)])
  }
  const checks: VerificationCheck[] = [pass('input'), proofCheck]
  checks.push(checkIssuer({ issuer: view.issuer, signer: proof.signer, types: view.types, trustedIssuers: parameters.trustedIssuers }))
  checks.push(checkValidity(view.credential, parameters.now))
  const status = await checkStatus(view.credential, parameters.statusChecker, parameters.now)
  if (status) checks.push(status)
  if (parameters.presentationHeader !== undefined) {
    // The binding the proof check itself verified, never a second reading of the proof value.
    checks.push(
      proof.binding !== undefined && equalBytes(proof.binding, encodeChallenge(parameters.presentationHeader))
        ? pass('challenge')
        : fail('challenge', 'ERR_VERIFY_CHALLENGE_MISMATCH', 'The credential was not derived for this challenge.'),
    )
  }
  checks.push(...checkDisclosure(view.credential, parameters.requiredFields ?? [], parameters.forbiddenFields ?? []))
  return {
    result: {
      verified: checks.every((c) => c.ok),
      checks,
      issuer: view.issuer,
      types: view.types,
      disclosed: view.subject,
      credential: view.credential,
    },
    proof,
  }
}

/** A failed `input` check from an error thrown while reading untrusted input. */
export function inputFailure(error: unknown): VerificationCheck {
  const known = MedcredError.find(error)
  return known
    ? fail('input', known.code, known.message)
    : fail('input', 'ERR_VERIFY_INPUT_MALFORMED', 'The input cannot be read.')
}

/** Catches misuse early: these are the caller's mistakes, so they throw. */
export function assertOptions(parameters: Partial<VerificationOptions>): void {
  if (!(parameters.now instanceof Date) || Number.isNaN(parameters.now.getTime())) {
    throw new VerifyOptionsError('"now" must be a valid Date (the verifier\'s clock)')
  }
  if (typeof parameters.didResolver?.resolveDid !== 'function') {
    throw new VerifyOptionsError('"didResolver" must resolve DIDs (see createDidResolver)')
  }
  if (!Array.isArray(parameters.trustedIssuers) && typeof parameters.trustedIssuers !== 'function') {
    throw new VerifyOptionsError('"trustedIssuers" must be an array of DIDs or { id, types }, or a lookup function')
  }
}
