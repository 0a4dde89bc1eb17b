/**
 * @module
 * Verifies one credential as a verifier receives it: untrusted JSON in, a structured
 * result out, every check named, nothing thrown for bad input.
 */
import { bytesToHex } from '@noble/hashes/utils'
import { createDocumentLoader } from '../contexts/createDocumentLoader.js'
import type { ContextIntegrityError, PinnedContextError } from '../contexts/errors.js'
import type { DocumentLoader } from '../contexts/types.js'
import { encodeChallenge, equalBytes } from '../suites/challenge.js'
import { assertOptions } from './assertOptions.js'
import { fail, failureOf, internalFailure, pass } from './checks/check.js'
import { checkDisclosure } from './checks/checkDisclosure.js'
import { checkIssuer } from './checks/checkIssuer.js'
import { checkFeatureAccepted } from './checks/checkFeatureAccepted.js'
import { checkProof, type VerifiedProof } from './checks/checkProof.js'
import { checkProofFeatures } from './checks/checkProofFeatures.js'
import { checkStatus } from './checks/checkStatus.js'
import { checkValidity } from './checks/checkValidity.js'
import { inputFailure } from './checks/inputFailure.js'
import { readUntrustedJson } from './checks/readUntrustedJson.js'
import { inputLimitError } from './errors.js'
import { findProofSuite, notJsonLd, pipelineSuiteOf } from './findProofSuite.js'
import { readingContextFor } from './signedGraph/readingContext.js'
import { checkMessageCount, checkStatementCounts, resolveLimits } from '../suites/inputBounds/limits.js'
import { countStatements, expandDocument } from '../suites/inputBounds/statementCounts.js'
import type { ProofSuite } from '../suites/registry.js'
import type { ExpandedCredential } from '../suites/types.js'
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
  /**
   * The context the credential's pseudonym must be for (vc-di-bbs `nym_domain`, the IETF
   * draft's `context_id`): this verifier's own, as text (UTF-8) or bytes. When given, the
   * credential must prove a bbs-2023 pseudonym for it (`ERR_VERIFY_PROOF_FEATURE_MISSING`
   * otherwise), reported as `pseudonym`; a credential with a pseudonym cannot be verified
   * without it (`ERR_VERIFY_PSEUDONYM_CONTEXT_MISSING`).
   */
  pseudonymContext?: string | Uint8Array | undefined
  /**
   * Whether the credential must be bound to a secret only its holder knows (bbs-2023 anonymous
   * holder binding, alone or with a pseudonym): `ERR_VERIFY_PROOF_FEATURE_MISSING` otherwise.
   */
  requireHolderBinding?: boolean | undefined
}

/**
 * Verifies a selectively disclosed (derived) credential.
 *
 * Checks, in order: input bounds (size, depth, duplicate keys, JSON values and contexts on the
 * JSON; statements, blank nodes and BBS messages before any canonicalisation or BBS work: see
 * `limits`), the proof (its feature option first, when `proofFeatures` names the accepted ones), the issuer (signer and trust, optionally per type), the validity window
 * at `now`, status, the challenge, and the required and forbidden disclosures. Never throws for
 * bad input: a failure is a check with a stable `code`.
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
 *   (no clock, no resolver, an unknown feature option), never for the credential; {@link ContextIntegrityError} or
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
    credential = readUntrustedJson(parameters.credential, 'credential', parameters.limits, parameters.contexts)
  } catch (error) {
    return { verified: false, checks: [inputFailure(error)], issuer: undefined, types: [], disclosed: undefined, credential: undefined }
  }
  return (await verifyBoundedCredential(credential, parameters, documentLoader)).result
}

/** What a credential claims before its proof is checked: unsigned, so good only for refusing early. */
export type ClaimedCredential = {
  /**
   * The types its credential node names, as the verified view would name them (terms of
   * medcred's reading context, full IRIs where it has none), sorted.
   */
  types: string[]
}

/** The parameters of {@link verifyBoundedCredential}. */
export type VerifyBoundedCredentialParameters = Omit<VerifyCredentialParameters, 'credential'> & {
  /**
   * Called once the credential is measured, before its proof: a failed check refuses it at once.
   * What it reads is unsigned, so it may refuse early (a type this verifier never accepts) but
   * never accept: every check after the proof still runs on the signed statements.
   */
  screen?: ((claimed: ClaimedCredential) => VerificationCheck | undefined) | undefined
  /**
   * Whether a pseudonym for `pseudonymContext` is asked only of a proof whose header names a
   * pseudonym option (`pseudonym`, `holder_binding_pseudonym`), any other verifying without
   * one: a verifier that takes a pseudonym when the holder offers one (the Cartesi verifier's
   * submitPresentation). The header is read before any BBS work, on the form the suite
   * verifies, so every JSON-LD form of a proof gets the same verdict. Default: a given context
   * is required.
   */
  pseudonymOptional?: boolean | undefined
}

/**
 * Verification of a credential already bounded by readUntrustedJson; {@link verifyPresentation}
 * and the Cartesi verifier reuse it. Before any canonicalisation or BBS work the credential is
 * measured: its statements and blank nodes on the expanded JSON-LD, the feature option and the
 * BBS messages its proof covers on the proof value (`proofFeatures`, `limits`). After the proof, every check reads the verified view
 * (the signed statements), never the JSON. Also returns the proof that verified, when one did.
 */
export async function verifyBoundedCredential(
  input: Record<string, unknown>,
  parameters: VerifyBoundedCredentialParameters,
  documentLoader: DocumentLoader,
): Promise<{ result: CredentialVerificationResult; proof?: VerifiedProof }> {
  const refused = (checks: VerificationCheck[]) => ({
    result: { verified: false, checks, issuer: undefined, types: [], disclosed: undefined, credential: undefined },
  })
  const limits = resolveLimits(parameters.limits)
  // 1. The statements, counted on the expanded JSON-LD (linear: readUntrustedJson bounded the
  // JSON it grows with), before anything canonicalises them.
  let expanded: ExpandedCredential
  try {
    // A credential in its suite's form is expanded by the suite, in parts its proof check reuses.
    const suite = pipelineSuiteOf(input)
    expanded = suite ? await suite.expand(input, documentLoader) : { whole: await expandDocument(input, documentLoader) }
  } catch (error) {
    return refused(notJsonLd(input, error))
  }
  const counts = countStatements(expanded.whole)
  const counted = checkStatementCounts(counts, limits)
  if (counted) return refused([inputFailure(inputLimitError('credential', counted))])
  // 2. The suite, and the credential in the JSON-LD form it verifies.
  const found = await findProofSuite(input, documentLoader, expanded.whole)
  if ('failed' in found) return refused([found.failed])
  const { credential, suite } = found
  const proofObject = credential.proof as Record<string, unknown>
  // 3. The feature option its proof value's header names, when the caller takes only some: a
  // feature's own generators cost hashing to the curve, so a refusal must come before anything.
  const featureOption = suite.featureOption(proofObject)
  const notAccepted = checkFeatureAccepted(featureOption, parameters.proofFeatures)
  if (notAccepted) return refused([pass('input'), notAccepted])
  // 4. The BBS messages the proof value says it covers, before any BBS work.
  let messages: number
  try {
    messages = suite.countMessages(proofObject, counts.statements)
  } catch (error) {
    return refused([pass('input'), failureOf('proof', error, invalidProof)])
  }
  const tooManyMessages = checkMessageCount(messages, limits)
  if (tooManyMessages) return refused([inputFailure(inputLimitError('credential', tooManyMessages))])
  // 5. The caller's early refusals, on what the credential claims.
  if (parameters.screen) {
    const screened = parameters.screen(await claimedCredential(expanded.whole, suite, parameters.contexts))
    if (screened && !screened.ok) return refused([screened])
  }
  // 6. The proof: on success, the statements it covers, what it is bound to and what its
  // feature option proved, which must be what the verifier requires and accepts.
  const pseudonymAsked = parameters.pseudonymOptional !== true || featureOption === 'pseudonym' || featureOption === 'holder_binding_pseudonym'
  const pseudonymContext = parameters.pseudonymContext === undefined || !pseudonymAsked ? undefined : encodeChallenge(parameters.pseudonymContext)
  const { check: proofCheck, proof } = await checkProof(credential, suite, documentLoader, { pseudonymContext, expanded })
  if (!proof) return refused([pass('input'), proofCheck])
  const featureFailure =
    checkProofFeatures(proof, { pseudonym: pseudonymContext !== undefined, holderBinding: parameters.requireHolderBinding === true }) ??
    checkFeatureAccepted(proof.feature ?? 'baseline', parameters.proofFeatures)
  if (featureFailure) return refused([pass('input'), featureFailure])
  // 7. The verified view: from here on nothing reads the JSON.
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
      ...(proof.feature && { proofFeature: proof.feature }),
      ...(proof.pseudonym && { pseudonym: bytesToHex(proof.pseudonym) }),
    },
    proof,
  }
}

const invalidProof = { code: 'ERR_VERIFY_PROOF_INVALID', message: 'The credential proof does not verify.' } as const

/**
 * The types the one node typed VerifiableCredential names in the default graph of an expanded
 * credential, named as the verified view names them; none when there is no such single node.
 */
async function claimedCredential(expanded: readonly unknown[], suite: ProofSuite, pinned: VerifyBoundedCredentialParameters['contexts']): Promise<ClaimedCredential> {
  const roots = expanded.filter((node): node is Record<string, unknown> => {
    const types = (node as { '@type'?: unknown })['@type']
    return Array.isArray(types) && types.includes(verifiableCredentialIri)
  })
  const typeIris = roots.length === 1 ? (roots[0]!['@type'] as unknown[]).filter((type): type is string => typeof type === 'string') : []
  const context = await readingContextFor(suite.contexts, typeIris, pinned)
  return { types: typeIris.map((iri) => context.termFor(iri)?.term ?? iri).sort() }
}

const verifiableCredentialIri = 'https://www.w3.org/2018/credentials#VerifiableCredential'
