/**
 * @module
 * Verifies one credential as a verifier receives it: untrusted JSON in, a structured
 * result out, every check named, nothing thrown for bad input.
 */
import { createDocumentLoader } from '../contexts/createDocumentLoader.js'
import type { DocumentLoader } from '../contexts/types.js'
import { hasPresentationHeader } from '../suites/bbs-2023/presentationHeader.js'
import { verifyBbs2023Proof } from '../suites/bbs-2023/verifyBbs2023Proof.js'
import type { VerifiableCredential } from '../suites/types.js'
import { fail, findMedcredError, pass } from './checks/check.js'
import { checkDisclosure } from './checks/checkDisclosure.js'
import { checkIssuer } from './checks/checkIssuer.js'
import { checkStatus } from './checks/checkStatus.js'
import { checkValidity } from './checks/checkValidity.js'
import { readUntrustedJson } from './checks/readUntrustedJson.js'
import { VerifyOptionsError } from './errors.js'
import type { CredentialVerificationResult, VerificationCheck, VerificationOptions } from './types.js'

export type VerifyCredentialParameters = VerificationOptions & {
  /** The derived credential: an object or JSON text, from anyone. */
  credential: unknown
  /**
   * The presentation header the credential must have been derived with: the challenge this
   * verifier issued (a string, as UTF-8) or raw bytes. Checked only when given.
   */
  presentationHeader?: string | Uint8Array | undefined
}

/**
 * Verifies a selectively disclosed (derived) credential.
 *
 * Checks, in order: input bounds and shape, the bbs-2023 proof, the issuer (signer and
 * trust, optionally per type), the validity window at `now`, status, the presentation
 * header, and the required disclosures. Never throws for bad input: a failure is a check
 * with a stable `code`.
 *
 * - Spec: https://www.w3.org/TR/vc-data-model-2.0/#verification
 *
 * @param parameters - {@link VerifyCredentialParameters}
 * @returns {@link CredentialVerificationResult}
 * @throws {VerifyOptionsError} `ERR_VERIFY_OPTIONS_INVALID` only when the options are wrong
 *   (no clock, no resolver), never for the credential.
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
  const documentLoader = createDocumentLoader({ didResolver: parameters.didResolver })
  let credential: Record<string, unknown>
  try {
    credential = readUntrustedJson(parameters.credential, 'credential', parameters.limits)
  } catch (error) {
    return { verified: false, checks: [inputFailure(error)], issuer: undefined, types: [], disclosed: undefined }
  }
  return verifyParsedCredential(credential, parameters, documentLoader)
}

/** Verification of an already bounded credential; {@link verifyPresentation} reuses it. */
export async function verifyParsedCredential(
  credential: Record<string, unknown>,
  parameters: Omit<VerifyCredentialParameters, 'credential' | 'limits'>,
  documentLoader: DocumentLoader,
): Promise<CredentialVerificationResult> {
  const types = ([] as unknown[]).concat(credential.type ?? []).filter((t): t is string => typeof t === 'string')
  const issuerField = credential.issuer
  const issuer =
    typeof issuerField === 'string'
      ? issuerField
      : typeof (issuerField as { id?: unknown } | undefined)?.id === 'string'
        ? (issuerField as { id: string }).id
        : undefined
  const subject = credential.credentialSubject
  const disclosed = subject && typeof subject === 'object' && !Array.isArray(subject) ? (subject as Record<string, unknown>) : undefined
  const result = (checks: VerificationCheck[]): CredentialVerificationResult => ({
    verified: checks.every((c) => c.ok),
    checks,
    issuer,
    types,
    disclosed,
  })

  const shape = checkShape(credential, types, disclosed)
  if (!shape.ok) return result([shape])
  const checks: VerificationCheck[] = [shape]

  const proof = credential.proof as Record<string, unknown>
  let signer: string | undefined
  if (proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'bbs-2023') {
    const name = proof.type === 'DataIntegrityProof' ? String(proof.cryptosuite) : String(proof.type)
    checks.push(fail('proof', 'ERR_VERIFY_CRYPTOSUITE_UNSUPPORTED', `Proof type "${name}" is not supported; medcred verifies bbs-2023.`))
  } else {
    const outcome = await verifyBbs2023Proof(credential, documentLoader)
    if (outcome.verified) {
      signer = outcome.signer
      checks.push(pass('proof'))
    } else {
      // A refused context or an unresolvable DID says what is wrong; a bad signature says only that.
      const known = findMedcredError(outcome.error)
      checks.push(
        known
          ? fail('proof', known.code, known.message)
          : fail('proof', 'ERR_VERIFY_PROOF_INVALID', 'The credential proof does not verify.'),
      )
    }
  }
  checks.push(checkIssuer({ issuer, signer, types, trustedIssuers: parameters.trustedIssuers }))
  checks.push(checkValidity(credential, parameters.now))
  const status = await checkStatus(credential as VerifiableCredential, parameters.statusChecker, parameters.now)
  if (status) checks.push(status)
  if (parameters.presentationHeader !== undefined) {
    checks.push(
      hasPresentationHeader(proof.proofValue, parameters.presentationHeader)
        ? pass('challenge')
        : fail('challenge', 'ERR_VERIFY_CHALLENGE_MISMATCH', 'The credential was not derived for this challenge.'),
    )
  }
  if (parameters.requiredFields?.length) checks.push(checkDisclosure(credential, parameters.requiredFields))
  return result(checks)
}

function checkShape(
  credential: Record<string, unknown>,
  types: readonly string[],
  subject: Record<string, unknown> | undefined,
): VerificationCheck {
  const context = credential['@context']
  const problem = !Array.isArray(context) || context[0] !== 'https://www.w3.org/ns/credentials/v2'
    ? 'its first @context must be https://www.w3.org/ns/credentials/v2'
    : !types.includes('VerifiableCredential')
      ? 'its type must include VerifiableCredential'
      : subject === undefined
        ? 'it must have one credentialSubject object'
        : credential.proof === null || typeof credential.proof !== 'object' || Array.isArray(credential.proof)
          ? 'it must carry exactly one proof object'
          : undefined
  return problem ? fail('input', 'ERR_VERIFY_CREDENTIAL_MALFORMED', `The credential is malformed: ${problem}.`) : pass('input')
}

/** A failed `input` check from an error thrown while reading untrusted input. */
export function inputFailure(error: unknown): VerificationCheck {
  const known = findMedcredError(error)
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
  if (!Array.isArray(parameters.trustedIssuers)) {
    throw new VerifyOptionsError('"trustedIssuers" must be an array of DIDs or { id, types }')
  }
}
