/**
 * @module
 * The one verification every submitted credential goes through, whether it asks for a
 * verdict or for a deal's reward. On the wire the field is `presentation`; what it holds is a
 * derived credential, not a VerifiablePresentation, hence this module's name. Steps: bounds,
 * issuer trust from the tables, proof, then, on the signed statements alone, type and policy,
 * validity at the block's time, status, challenge, required and forbidden fields.
 */
import { hashDisclosedClaims, maxInputBytes } from 'medcred/cartesi'
import {
  checkDisclosure,
  createDocumentLoader,
  MedcredError,
  readUntrustedJson,
  type VerifiedProof,
  verifyBoundedCredential,
} from 'medcred/internal'
import { type Hex, keccak256 } from 'viem'
import type { ActionContext } from '../actions/types.js'
import { InputRejectedError } from '../errors.js'
import { keepsStatus } from '../state/credentialStatus.js'
import { findIssuer, type IssuerRecord } from '../state/issuers.js'
import { createStateDidResolver } from './createStateDidResolver.js'
import { createStateStatusChecker } from './createStateStatusChecker.js'

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
}

/**
 * Verifies a submitted derived credential against the verifier's state at the input's block
 * time, bound to `challenge`.
 *
 * @param submission - the presentation text, the challenge it must be bound to, optionally
 *   JSON pointers to reveal besides the type's policy and the one credential type accepted
 * @throws {InputRejectedError} with the failed check's code.
 */
export async function verifySubmittedCredential(
  context: ActionContext,
  submission: { presentation: string; challenge: string; extraRequired?: readonly string[]; credentialType?: string },
): Promise<VerifiedSubmission> {
  const { database, metadata, config } = context
  // 1. Read the credential within bounds. Trust comes from the verifier's tables, looked up
  // for the issuer the signed statements name.
  const credential = readCredential(submission.presentation)
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
    },
    createDocumentLoader({ didResolver, contexts: config.contexts }),
  )
  const failed = result.checks.find((check) => !check.ok)
  if (failed && !failed.ok) throw new InputRejectedError(failed.code, failed.message)
  // 3. The verified type and its policy, read from the signed statements.
  const credentialType = credentialTypeOf(result.types, config.disclosurePolicies)
  if (submission.credentialType !== undefined && credentialType !== submission.credentialType) {
    throw new InputRejectedError('ERR_VERIFIER_CREDENTIAL_TYPE_MISMATCH', `A ${submission.credentialType} is asked for, not a ${credentialType}.`)
  }
  const policy = config.disclosurePolicies[credentialType] as (typeof config.disclosurePolicies)[string]
  const verifiedCredential = result.credential as Record<string, unknown>
  // An issuer that keeps status lists here must not see its status entry hidden: a revoked
  // credential would then verify.
  const statusRequired = keepsStatus(database, (issuer as IssuerRecord).id) ? ['/credentialStatus'] : []
  // Inputs are public on L1: refuse presentations that reveal what the policy keeps hidden.
  const required = [...new Set([...policy.required, ...statusRequired, ...(submission.extraRequired ?? [])])]
  const disclosure = checkDisclosure(verifiedCredential, required, policy.forbidden).find((check) => !check.ok)
  if (disclosure && !disclosure.ok) throw new InputRejectedError(disclosure.code, disclosure.message)
  const disclosed = result.disclosed as Record<string, unknown>
  return {
    credential: verifiedCredential,
    // The issuer check passed, so the lookup found the verified issuer's record.
    issuer: issuer as IssuerRecord,
    credentialType,
    disclosed,
    presentationHash: keccak256((proof as VerifiedProof).proofBytes),
    disclosedClaimsHash: hashDisclosedClaims(disclosed),
  }
}

function readCredential(text: string): Record<string, unknown> {
  try {
    return readUntrustedJson(text, 'presentation', { maxBytes: maxInputBytes })
  } catch (error) {
    const known = MedcredError.find(error)
    throw new InputRejectedError(known?.code ?? 'ERR_VERIFY_INPUT_MALFORMED', known?.message ?? 'The presentation cannot be read.', { cause: error })
  }
}

/** Exactly one of the verified credential's types (besides VerifiableCredential) must have a policy. */
function credentialTypeOf(verifiedTypes: readonly string[], policies: ActionContext['config']['disclosurePolicies']): string {
  const types = verifiedTypes.filter((t) => Object.hasOwn(policies, t))
  if (types.length !== 1) {
    throw new InputRejectedError(
      'ERR_VERIFIER_CREDENTIAL_TYPE_UNSUPPORTED',
      `The credential must be exactly one of ${Object.keys(policies).join(', ')}.`,
    )
  }
  return types[0] as string
}
