/**
 * @module
 * The one verification every submitted credential goes through, whether it asks for a
 * verdict or for a deal's reward. On the wire the field is `presentation`; what it holds is a
 * derived credential, not a VerifiablePresentation, hence this module's name. Steps: bounds
 * (the machine's {@link machineInputLimits}, counts only, so every replay decides the same),
 * the proof's feature option (read from its header: the options the submission takes, and
 * whether its pseudonym is checked), the claimed type (unsigned: it may refuse early, never accept), issuer trust from the tables,
 * proof, then, on the signed statements alone, type and policy, validity at the block's time,
 * status, challenge, required and forbidden fields.
 */
import { hashDisclosedClaims, maxInputBytes } from 'medcred/cartesi'
import { checkDisclosure, createDocumentLoader, proofFeatureOptions, readUntrustedJson, type VerifiedProof, verifyBoundedCredential } from 'medcred/internal'
import type { InputLimits, ProofFeatureOption } from 'medcred'
import { type Hex, keccak256 } from 'viem'
import type { ActionContext } from '../actions/types.js'
import { CheckFailedError, CredentialTypeMismatchError, CredentialTypeUnsupportedError, SubmissionUnreadableError } from '../errors.js'
import { keepsStatus } from '../state/credentialStatus.js'
import { findIssuer, type IssuerRecord } from '../state/issuers.js'
import { createStateDidResolver } from './createStateDidResolver.js'
import { createStateStatusChecker } from './createStateStatusChecker.js'

/**
 * The machine's bounds on a submitted credential, fixed with the machine (a replay must decide
 * the same): one input is one credential, at most 64 KiB, so tighter than the library's
 * defaults where a hostile input would cost the most. BBS messages most of all: each message
 * costs an MSM term, and its generator (a hash to the curve, ~80 M riscv64 instructions) is
 * computed by the warm-up for every count up to this bound, before the first input. Real
 * licences and vaccination certificates stay far inside: a derived vaccination certificate
 * has 31 statements, 7 blank nodes, ~25 BBS messages, 37 JSON values (331 with inline copies of
 * its contexts) and 6 context applications (16).
 */
export const machineInputLimits = {
  maxBytes: maxInputBytes,
  maxDepth: 32,
  maxJsonValues: 1024,
  maxContexts: 32,
  maxStatements: 512,
  maxBlankNodes: 128,
  maxMessages: 64,
} as const satisfies Required<{ [Name in keyof InputLimits]: number }>

/** A presentation that passed every check. */
export type VerifiedSubmission = {
  /** The verified credential as its signed statements say it, in canonical JSON (never the JSON as submitted). */
  credential: Record<string, unknown>
  issuer: IssuerRecord
  credentialType: string
  /** The revealed credentialSubject, in canonical JSON: one form whatever JSON-LD form was submitted. */
  disclosed: Record<string, unknown>
  /** keccak256 of the bytes of the proof that verified: one per presentation, whatever its JSON-LD form. */
  presentationHash: Hex
  disclosedClaimsHash: Hex
  /** The feature option the proof that verified proved: `baseline` for a plain proof. */
  proofFeature: ProofFeatureOption
  /** The pseudonym the proof proved for the submission's pseudonym context (48 bytes); absent without one. */
  pseudonym?: Hex | undefined
}

/**
 * The pseudonym a submission asks for, by its context id: `required`, only a proof with a
 * pseudonym for it passes (feature `pseudonym` or `holder_binding_pseudonym`: a deal paid per
 * pseudonym); not required, any feature option passes, and a proof whose header names a
 * pseudonym must prove it for this context (submitPresentation).
 */
export type SubmissionPseudonym = { context: string; required: boolean }

/**
 * Verifies a submitted derived credential against the verifier's state at the input's block
 * time, bound to `challenge`.
 *
 * @param submission - the presentation text, the challenge it must be bound to, optionally
 *   JSON pointers to reveal besides the type's policy, the one credential type accepted, and
 *   the {@link SubmissionPseudonym}: absent, only a plain proof passes
 * @throws {InputRejectedError} with the failed check's code: a {@link CheckFailedError}, or the
 *   verifier's own refusal of the credential's type.
 */
export async function verifySubmittedCredential(
  context: ActionContext,
  submission: { presentation: string; challenge: string; extraRequired?: readonly string[]; credentialType?: string; pseudonym?: SubmissionPseudonym },
): Promise<VerifiedSubmission> {
  const { database, metadata, config } = context
  // 1. Read the credential within bounds. Trust comes from the verifier's tables, looked up
  // for the issuer the signed statements name.
  const credential = readCredential(submission.presentation, config.contexts)
  // The record the trust check found is the verified issuer's: kept, not looked up again.
  let issuer: IssuerRecord | undefined
  const trustedIssuers = (did: string) => {
    issuer = findIssuer(database, did)
    return issuer && issuer.withdrawnAt === undefined ? { id: issuer.did, types: issuer.credentialTypes } : undefined
  }
  const didResolver = createStateDidResolver(database)
  // 2. Every check of in-process verification, at the block's time, bound to the challenge.
  const { result, proof } = await verifyBoundedCredential(
    credential,
    {
      trustedIssuers,
      now: new Date(Number(metadata.blockTimestamp) * 1000),
      didResolver,
      statusChecker: createStateStatusChecker(database),
      presentationHeader: submission.challenge,
      contexts: config.contexts,
      limits: machineInputLimits,
      // Refused on the proof value's header before any work: only the options this submission
      // takes (the warm-up prepared the generators of every interface, plain, blind and
      // pseudonym). Anonymous holder binding alone proves no pseudonym, so no deal takes it.
      ...proofOptions(submission.pseudonym),
      // Before the proof, a type this verifier would refuse after it is refused at once.
      screen: ({ types }) => screenType(types, config.disclosurePolicies, submission.credentialType),
    },
    createDocumentLoader({ didResolver, contexts: config.contexts }),
  )
  const failed = result.checks.find((check) => !check.ok)
  if (failed && !failed.ok) throw new CheckFailedError({ check: failed })
  // 3. The verified type and its policy, read from the signed statements.
  const credentialType = credentialTypeOf(result.types, config.disclosurePolicies)
  const mismatch = typeMismatch(credentialType, submission.credentialType)
  if (mismatch) throw mismatch
  const policy = config.disclosurePolicies[credentialType] as (typeof config.disclosurePolicies)[string]
  const verifiedCredential = result.credential as Record<string, unknown>
  // An issuer that keeps status lists here must not see its status entry hidden: a revoked
  // credential would then verify.
  const statusRequired = keepsStatus(database, (issuer as IssuerRecord).id) ? ['/credentialStatus'] : []
  // Inputs are public on L1: refuse presentations that reveal what the policy keeps hidden.
  const required = [...new Set([...policy.required, ...statusRequired, ...(submission.extraRequired ?? [])])]
  const disclosure = checkDisclosure(verifiedCredential, required, policy.forbidden).find((check) => !check.ok)
  if (disclosure && !disclosure.ok) throw new CheckFailedError({ check: disclosure })
  const disclosed = result.disclosed as Record<string, unknown>
  return {
    credential: verifiedCredential,
    // The issuer check passed, so the lookup found the verified issuer's record.
    issuer: issuer as IssuerRecord,
    credentialType,
    disclosed,
    presentationHash: keccak256((proof as VerifiedProof).proofBytes),
    disclosedClaimsHash: hashDisclosedClaims(disclosed),
    proofFeature: result.proofFeature ?? 'baseline',
    ...(result.pseudonym === undefined ? {} : { pseudonym: `0x${result.pseudonym}` as const }),
  }
}

/** The feature options a submission takes, and the pseudonym context its proof is checked against. */
function proofOptions(pseudonym: SubmissionPseudonym | undefined) {
  if (pseudonym === undefined) return { proofFeatures: ['baseline'] as const }
  if (pseudonym.required) return { proofFeatures: ['pseudonym', 'holder_binding_pseudonym'] as const, pseudonymContext: pseudonym.context }
  return { proofFeatures: proofFeatureOptions, pseudonymContext: pseudonym.context, pseudonymOptional: true }
}

function readCredential(text: string, contexts: ActionContext['config']['contexts']): Record<string, unknown> {
  try {
    return readUntrustedJson(text, 'presentation', machineInputLimits, contexts)
  } catch (cause) {
    throw new SubmissionUnreadableError({ cause })
  }
}

/** Exactly one of the verified credential's types (besides VerifiableCredential) must have a policy. */
function credentialTypeOf(verifiedTypes: readonly string[], policies: ActionContext['config']['disclosurePolicies']): string {
  const type = policyTypeOf(verifiedTypes, policies)
  if (typeof type !== 'string') throw type
  return type
}

/** The one type with a policy among `types`, or the refusal. */
function policyTypeOf(types: readonly string[], policies: ActionContext['config']['disclosurePolicies']): string | CredentialTypeUnsupportedError {
  const known = types.filter((t) => Object.hasOwn(policies, t))
  if (known.length === 1) return known[0] as string
  return new CredentialTypeUnsupportedError({ reason: 'notExactlyOne', accepted: Object.keys(policies) })
}

/** The refusal when a deal asks for another type than the credential's. */
function typeMismatch(credentialType: string, asked: string | undefined): CredentialTypeMismatchError | undefined {
  if (asked === undefined || credentialType === asked) return undefined
  return new CredentialTypeMismatchError({ asked, credentialType })
}

/**
 * The claimed types (unsigned) judged as the verified ones will be: a credential this verifier
 * would refuse once verified is refused, thrown with the verifier's own code, before its proof
 * costs anything. Never an acceptance: the verified types are judged again after the proof.
 */
function screenType(claimed: readonly string[], policies: ActionContext['config']['disclosurePolicies'], asked: string | undefined): undefined {
  const type = policyTypeOf(claimed, policies)
  const refusal = typeof type === 'string' ? typeMismatch(type, asked) : type
  if (refusal) throw refusal
  return undefined
}
