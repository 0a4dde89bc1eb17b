/**
 * @module
 * The one verification every submitted presentation goes through, whether it asks for a
 * verdict or for a deal's reward: bounds, type and policy, issuer trust from the tables,
 * proof, validity at the block's time, status, challenge, required and forbidden fields.
 */
import { type Hex, keccak256, stringToBytes } from 'viem'
import { hashDisclosedClaims } from '../../../src/cartesi/hashDisclosedClaims.js'
import { maxInputBytes } from '../../../src/cartesi/protocol.js'
import { createDocumentLoader } from '../../../src/contexts/createDocumentLoader.js'
import { getByJsonPointer } from '../../../src/disclosure/toJsonPointer.js'
import { findMedcredError } from '../../../src/verify/checks/check.js'
import { readUntrustedJson } from '../../../src/verify/checks/readUntrustedJson.js'
import { verifyParsedCredential } from '../../../src/verify/verifyCredential.js'
import type { ActionContext } from '../actions/types.js'
import { InputRejectedError } from '../errors.js'
import { findIssuer, type IssuerRecord } from '../state/issuers.js'
import { createStateDidResolver } from './createStateDidResolver.js'
import { createStateStatusChecker } from './createStateStatusChecker.js'

/** A presentation that passed every check. */
export type VerifiedSubmission = {
  /** The verified credential as submitted: its revealed values are covered by the proof. */
  credential: Record<string, unknown>
  issuer: IssuerRecord
  credentialType: string
  /** The revealed credentialSubject. */
  disclosed: Record<string, unknown>
  /** keccak256 of the presentation bytes as submitted. */
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
export async function verifySubmittedPresentation(
  context: ActionContext,
  submission: { presentation: string; challenge: string; extraRequired?: readonly string[]; credentialType?: string },
): Promise<VerifiedSubmission> {
  const { database, metadata, config } = context
  // 1. Read the credential within bounds, and find its type and the policy for it.
  const credential = readCredential(submission.presentation)
  const credentialType = credentialTypeOf(credential, config.disclosurePolicies)
  if (submission.credentialType !== undefined && credentialType !== submission.credentialType) {
    throw new InputRejectedError('ERR_VERIFIER_CREDENTIAL_TYPE_MISMATCH', `A ${submission.credentialType} is asked for, not a ${credentialType}.`)
  }
  const policy = config.disclosurePolicies[credentialType] as (typeof config.disclosurePolicies)[string]
  // 2. Trust comes from the verifier's tables: the issuer, its types, its keys, its lists.
  const issuerDid = issuerOf(credential)
  const issuer = findIssuer(database, issuerDid)
  const trusted = issuer && issuer.withdrawnAt === undefined ? [{ id: issuer.did, types: issuer.credentialTypes }] : []
  const didResolver = createStateDidResolver(database)
  // 3. Every check of in-process verification, at the block's time, bound to the challenge.
  const result = await verifyParsedCredential(
    credential,
    {
      trustedIssuers: trusted,
      now: new Date(Number(metadata.blockTimestamp) * 1000),
      didResolver,
      statusChecker: createStateStatusChecker(database, issuerDid),
      presentationHeader: submission.challenge,
      requiredFields: [...new Set([...policy.required, ...(submission.extraRequired ?? [])])],
    },
    createDocumentLoader({ didResolver }),
  )
  const failed = result.checks.find((check) => !check.ok)
  if (failed && !failed.ok) throw new InputRejectedError(failed.code, failed.message)
  // 4. Inputs are public on L1: refuse presentations that reveal what the policy keeps hidden.
  // Judged on what was disclosed: a BbsBlsSignatureProof2020 carries placeholder ids that reveal nothing.
  const disclosed = result.disclosed ?? {}
  const exposed = policy.forbidden.filter((pointer) => getByJsonPointer({ credentialSubject: disclosed }, pointer) !== undefined)
  if (exposed.length > 0) {
    throw new InputRejectedError('ERR_VERIFIER_DISCLOSURE_FORBIDDEN', `The presentation reveals ${exposed.join(', ')}, which a ${credentialType} must not put on a public chain.`)
  }
  return {
    credential,
    // A verified proof means the issuer resolved from the tables: it is on record.
    issuer: issuer as IssuerRecord,
    credentialType,
    disclosed,
    presentationHash: keccak256(stringToBytes(submission.presentation)),
    disclosedClaimsHash: hashDisclosedClaims(disclosed),
  }
}

function readCredential(text: string): Record<string, unknown> {
  try {
    return readUntrustedJson(text, 'presentation', { maxBytes: maxInputBytes })
  } catch (error) {
    const known = findMedcredError(error)
    throw new InputRejectedError(known?.code ?? 'ERR_VERIFY_INPUT_MALFORMED', known?.message ?? 'The presentation cannot be read.', { cause: error })
  }
}

/** Exactly one of the credential's types (besides VerifiableCredential) must have a policy. */
function credentialTypeOf(credential: Record<string, unknown>, policies: ActionContext['config']['disclosurePolicies']): string {
  const types = ([] as unknown[]).concat(credential.type ?? []).filter((t): t is string => typeof t === 'string' && Object.hasOwn(policies, t))
  if (types.length !== 1) {
    throw new InputRejectedError(
      'ERR_VERIFIER_CREDENTIAL_TYPE_UNSUPPORTED',
      `The credential must be exactly one of ${Object.keys(policies).join(', ')}.`,
    )
  }
  return types[0] as string
}

function issuerOf(credential: Record<string, unknown>): string {
  const field = credential.issuer
  const id = typeof field === 'string' ? field : typeof (field as { id?: unknown } | null)?.id === 'string' ? (field as { id: string }).id : undefined
  if (id === undefined) throw new InputRejectedError('ERR_VERIFY_ISSUER_MISSING', 'The credential names no issuer.')
  return id
}
