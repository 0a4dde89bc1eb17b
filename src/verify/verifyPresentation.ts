/**
 * @module
 * Verifies a presentation for this verifier's challenge (and domain): its holder proof when
 * it has one, then every credential in it through {@link verifyCredential}'s checks.
 */
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import jsigs from 'jsonld-signatures'
import { createDocumentLoader } from '../contexts/createDocumentLoader.js'
import type { DocumentLoader } from '../contexts/types.js'
import { MedcredError } from '../errors/MedcredError.js'
import { fail, failWith, pass } from './checks/check.js'
import { readUntrustedJson } from './checks/readUntrustedJson.js'
import type { PresentationVerificationResult, VerificationCheck, VerificationOptions } from './types.js'
import { assertOptions } from './assertOptions.js'
import { inputFailure } from './checks/inputFailure.js'
import { verifyBoundedCredential } from './verifyCredential.js'
import { inputLimitError, VerifyOptionsError } from './errors.js'
import { checkStatementCounts, resolveLimits } from '../suites/inputBounds/limits.js'
import { countStatements, expandDocument } from '../suites/inputBounds/statementCounts.js'

export type VerifyPresentationParameters = VerificationOptions & {
  /** The presentation: an object or JSON text, from anyone. */
  presentation: unknown
  /** The challenge this verifier issued; every credential must be derived for it. */
  challenge: string
  /** This verifier's domain: when given, a holder proof over it is required. */
  domain?: string | undefined
  /** Require an eddsa-rdfc-2022 holder proof even without a domain. */
  requireHolderProof?: boolean | undefined
}

/**
 * Verifies a Verifiable Presentation and each credential in it.
 *
 * A holder proof, when present (or required), must be a valid eddsa-rdfc-2022
 * `authentication` proof over this challenge and domain by the key of `holder`, and every
 * credential whose subject has an `id` must be about that holder.
 *
 * - Spec: https://www.w3.org/TR/vc-data-model-2.0/#presentations-0
 *
 * @param parameters - {@link VerifyPresentationParameters}
 * @returns {@link PresentationVerificationResult}
 * @throws {VerifyOptionsError} `ERR_VERIFY_OPTIONS_INVALID` when the options are wrong.
 *
 * @example
 * ```ts
 * import { createDidResolver, verifyPresentation } from 'medcred'
 * const result = await verifyPresentation({
 *   presentation, challenge, trustedIssuers: [schoolDid], now: new Date(),
 *   didResolver: createDidResolver(),
 * })
 * ```
 */
export async function verifyPresentation(parameters: VerifyPresentationParameters): Promise<PresentationVerificationResult> {
  assertOptions(parameters)
  if (typeof parameters.challenge !== 'string' || parameters.challenge === '') {
    throw new VerifyOptionsError({ option: 'challenge' })
  }
  const documentLoader = createDocumentLoader({ didResolver: parameters.didResolver, contexts: parameters.contexts })
  const failed = (check: VerificationCheck): PresentationVerificationResult => ({
    verified: false,
    checks: [check],
    holder: undefined,
    credentials: [],
  })
  let presentation: Record<string, unknown>
  try {
    presentation = readUntrustedJson(parameters.presentation, 'presentation', parameters.limits, parameters.contexts)
  } catch (error) {
    return failed(inputFailure(error))
  }
  const types = ([] as unknown[]).concat(presentation.type ?? [])
  const credentials = presentation.verifiableCredential
  if (
    !Array.isArray(presentation['@context']) ||
    presentation['@context'][0] !== 'https://www.w3.org/ns/credentials/v2' ||
    !types.includes('VerifiablePresentation') ||
    !Array.isArray(credentials) ||
    credentials.length === 0 ||
    !credentials.every((c) => c !== null && typeof c === 'object' && !Array.isArray(c))
  ) {
    return failed(
      fail('input', 'ERR_VERIFY_PRESENTATION_MALFORMED', 'The presentation must be a VC 2.0 VerifiablePresentation with at least one credential object.'),
    )
  }
  const checks: VerificationCheck[] = [pass('input')]
  let holder: string | undefined
  if (presentation.proof !== undefined || parameters.domain !== undefined || parameters.requireHolderProof) {
    // The holder proof canonicalises the whole presentation: its statements are counted first.
    const bounded = await boundPresentation(presentation, documentLoader, parameters)
    if (bounded) return failed(bounded)
    const outcome = await checkHolderProof(presentation, parameters.challenge, parameters.domain, documentLoader)
    checks.push(outcome.check)
    holder = outcome.holder
  }
  const results = []
  for (const credential of credentials as Record<string, unknown>[]) {
    const { result } = await verifyBoundedCredential(credential, { ...parameters, presentationHeader: parameters.challenge }, documentLoader)
    const subjectId = result.disclosed?.id
    if (holder !== undefined && subjectId !== undefined && subjectId !== holder) {
      result.checks.push(fail('holder', 'ERR_VERIFY_HOLDER_MISMATCH', `The credential is about ${String(subjectId)}, not the holder ${holder}.`))
      result.verified = false
    }
    results.push(result)
  }
  return {
    verified: checks.every((c) => c.ok) && results.every((r) => r.verified),
    checks,
    holder,
    credentials: results,
  }
}

/**
 * The presentation's statements, blank nodes and node depth (every credential's included)
 * within `limits`, before its holder proof canonicalises them: the failed check, or `undefined`.
 */
async function boundPresentation(presentation: Record<string, unknown>, documentLoader: DocumentLoader, parameters: VerificationOptions): Promise<VerificationCheck | undefined> {
  let expanded: unknown[]
  try {
    expanded = await expandDocument(presentation, documentLoader)
  } catch (error) {
    // Not JSON-LD: its holder proof cannot verify, and canonicalising it would fail the same way.
    const known = MedcredError.find(error)
    return known ? failWith('holder', known) : fail('holder', 'ERR_VERIFY_HOLDER_PROOF_INVALID', 'The holder proof does not verify.')
  }
  const exceeded = checkStatementCounts(countStatements(expanded), resolveLimits(parameters.limits))
  return exceeded ? inputFailure(inputLimitError('presentation', exceeded)) : undefined
}

async function checkHolderProof(
  presentation: Record<string, unknown>,
  challenge: string,
  domain: string | undefined,
  documentLoader: DocumentLoader,
): Promise<{ check: VerificationCheck; holder?: string }> {
  const proof = presentation.proof as Record<string, unknown> | undefined
  if (proof === null || typeof proof !== 'object' || Array.isArray(proof)) {
    return { check: fail('holder', 'ERR_VERIFY_HOLDER_PROOF_MISSING', 'The presentation has no holder proof.') }
  }
  if (proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-rdfc-2022') {
    return {
      check: fail('holder', 'ERR_VERIFY_CRYPTOSUITE_UNSUPPORTED', 'The holder proof must be an eddsa-rdfc-2022 Data Integrity proof.'),
    }
  }
  if (proof.challenge !== challenge) {
    return { check: fail('challenge', 'ERR_VERIFY_CHALLENGE_MISMATCH', 'The presentation was made for another challenge.') }
  }
  if (domain !== undefined && proof.domain !== domain) {
    return { check: fail('holder', 'ERR_VERIFY_DOMAIN_MISMATCH', `The presentation was made for another domain than ${domain}.`) }
  }
  try {
    const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 })
    const purpose = new jsigs.purposes.AuthenticationProofPurpose({ challenge, ...(domain === undefined ? {} : { domain }) })
    const result = await jsigs.verify(presentation, { suite, purpose, documentLoader })
    const signer = result.results?.[0]?.purposeResult?.controller?.id
    if (!result.verified || typeof signer !== 'string') {
      const known = MedcredError.find(result.error)
      return {
        check: known ? failWith('holder', known) : fail('holder', 'ERR_VERIFY_HOLDER_PROOF_INVALID', 'The holder proof does not verify.'),
      }
    }
    if (presentation.holder !== undefined && presentation.holder !== signer) {
      return { check: fail('holder', 'ERR_VERIFY_HOLDER_MISMATCH', `The presentation names holder ${String(presentation.holder)} but ${signer} signed it.`) }
    }
    return { check: pass('holder'), holder: signer }
  } catch (error) {
    const known = MedcredError.find(error)
    return { check: known ? failWith('holder', known) : fail('holder', 'ERR_VERIFY_HOLDER_PROOF_INVALID', 'The holder proof does not verify.') }
  }
}
