/**
 * @module
 * Verifies one credential as a verifier receives it: untrusted JSON in, a structured
 * result out, every check named, nothing thrown for bad input.
 */
import { createDocumentLoader } from '../contexts/createDocumentLoader.js'
import type { DocumentLoader } from '../contexts/types.js'
import type { VerifiableCredential } from '../suites/types.js'
import { fail, findMedcredError, pass } from './checks/check.js'
import { checkCompactForm } from './checks/checkCompactForm.js'
import { checkDisclosure } from './checks/checkDisclosure.js'
import { checkIssuer } from './checks/checkIssuer.js'
import { checkProof, type ProofSuite, proofSuiteOf } from './checks/checkProof.js'
import { checkStatus } from './checks/checkStatus.js'
import { checkValidity } from './checks/checkValidity.js'
import { readUntrustedJson } from './checks/readUntrustedJson.js'
import { VerifyOptionsError } from './errors.js'
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
 * Checks, in order: input bounds and shape, the proof, the issuer (signer and trust,
 * optionally per type), the validity window at `now`, status, the challenge, and the
 * required disclosures. Never throws for bad input: a failure is a check with a stable `code`.
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
  const proof = credential.proof
  const hasProof = proof !== null && typeof proof === 'object' && !Array.isArray(proof)
  const suite = hasProof ? proofSuiteOf(proof as Record<string, unknown>) : undefined
  const disclosed =
    subject && typeof subject === 'object' && !Array.isArray(subject)
      ? (suite?.disclosedSubject(subject as Record<string, unknown>) ?? (subject as Record<string, unknown>))
      : undefined
  const result = (checks: VerificationCheck[]): CredentialVerificationResult => ({
    verified: checks.every((c) => c.ok),
    checks,
    issuer,
    types,
    disclosed,
  })

  const shape = checkShape(credential, types, disclosed, hasProof, suite)
  if (!shape.ok) return result([shape])
  const checks: VerificationCheck[] = [shape]

  const { check: proofCheck, signer } = await checkProof(credential, suite, documentLoader)
  checks.push(proofCheck)
  if (proofCheck.ok) {
    // Everything below reads the JSON: it must be the one form the proven statements have.
    const form = await checkCompactForm(credential, documentLoader)
    if (!form.ok) return result([...checks, form])
  }
  checks.push(checkIssuer({ issuer, signer, types, trustedIssuers: parameters.trustedIssuers }))
  checks.push(checkValidity(credential, parameters.now))
  const status = await checkStatus(credential as VerifiableCredential, parameters.statusChecker, parameters.now)
  if (status) checks.push(status)
  if (parameters.presentationHeader !== undefined) {
    checks.push(
      suite?.isBoundTo(proof as Record<string, unknown>, parameters.presentationHeader)
        ? pass('challenge')
        : fail('challenge', 'ERR_VERIFY_CHALLENGE_MISMATCH', 'The credential was not derived for this challenge.'),
    )
  }
  if (parameters.requiredFields?.length) checks.push(checkDisclosure(credential, parameters.requiredFields))
  return result(checks)
}

/** The VC data models medcred reads; a suite's credentials use one of them. */
const dataModelContexts = ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/2018/credentials/v1']

function checkShape(
  credential: Record<string, unknown>,
  types: readonly string[],
  subject: Record<string, unknown> | undefined,
  hasProof: boolean,
  suite: ProofSuite | undefined,
): VerificationCheck {
  const context = credential['@context']
  // A suite fixes the data model (bbs-2023: VC 2.0, the 2020 suites: VC 1.1); a proof no
  // suite reads gets past this check so that the proof check can say which type it was.
  const firstContexts = suite ? [suite.firstContext] : dataModelContexts
  const problem = !Array.isArray(context) || !firstContexts.includes(context[0] as string)
    ? `its first @context must be ${firstContexts.join(' or ')}`
    : !types.includes('VerifiableCredential')
      ? 'its type must include VerifiableCredential'
      : subject === undefined
        ? 'it must have one credentialSubject object'
        : !hasProof
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
