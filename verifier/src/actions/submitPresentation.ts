/**
 * @module
 * submitPresentation: anyone submits a derived credential made for this verifier; a verified
 * one becomes a stored verdict and a notice, a refused one a rejected input and a report.
 */
import { type Hex, keccak256, stringToBytes } from 'viem'
import { createPresentationChallenge } from '../../../src/cartesi/createPresentationChallenge.js'
import { hashDisclosedClaims } from '../../../src/cartesi/hashDisclosedClaims.js'
import { maxInputBytes } from '../../../src/cartesi/protocol.js'
import type { SubmitPresentationAction } from '../../../src/cartesi/types.js'
import { encodeVerdictNotice } from '../../../src/cartesi/verdictNotice.js'
import { createDocumentLoader } from '../../../src/contexts/createDocumentLoader.js'
import { getByJsonPointer } from '../../../src/disclosure/toJsonPointer.js'
import { findMedcredError } from '../../../src/verify/checks/check.js'
import { readUntrustedJson } from '../../../src/verify/checks/readUntrustedJson.js'
import { verifyParsedCredential } from '../../../src/verify/verifyCredential.js'
import { InputRejectedError } from '../errors.js'
import { findIssuer } from '../state/issuers.js'
import { isNonceUsed, saveVerdict } from '../state/verdicts.js'
import { createStateDidResolver } from '../verification/createStateDidResolver.js'
import { createStateStatusChecker } from '../verification/createStateStatusChecker.js'
import type { ActionContext, ActionOutcome } from './types.js'

export async function submitPresentation(context: ActionContext, action: SubmitPresentationAction): Promise<ActionOutcome> {
  const { database, metadata, config } = context
  // 1. A nonce is spent once per sender: a replayed input is refused before any work.
  if (isNonceUsed(database, metadata.msgSender, action.nonce)) {
    throw new InputRejectedError('ERR_VERIFIER_NONCE_USED', `Nonce ${action.nonce} was already used by ${metadata.msgSender}.`)
  }
  // 2. Read the credential within bounds, and find its type and the policy for it.
  const credential = readCredential(action.presentation)
  const credentialType = credentialTypeOf(credential, config.disclosurePolicies)
  const policy = config.disclosurePolicies[credentialType] as (typeof config.disclosurePolicies)[string]
  // 3. Trust comes from the verifier's tables: the issuer, its types, its keys, its lists.
  const issuerDid = issuerOf(credential)
  const issuer = findIssuer(database, issuerDid)
  const trusted = issuer && issuer.withdrawnAt === undefined ? [{ id: issuer.did, types: issuer.credentialTypes }] : []
  const didResolver = createStateDidResolver(database)
  // 4. Every check of in-process verification, at the block's time, bound to this input.
  const result = await verifyParsedCredential(
    credential,
    {
      trustedIssuers: trusted,
      now: new Date(Number(metadata.blockTimestamp) * 1000),
      didResolver,
      statusChecker: createStateStatusChecker(database, issuerDid),
      presentationHeader: createPresentationChallenge({
        chainId: metadata.chainId,
        application: metadata.appContract,
        sender: metadata.msgSender,
        nonce: action.nonce,
      }),
      requiredFields: policy.required,
    },
    createDocumentLoader({ didResolver }),
  )
  const failed = result.checks.find((check) => !check.ok)
  if (failed && !failed.ok) throw new InputRejectedError(failed.code, failed.message)
  // 5. Inputs are public on L1: refuse presentations that reveal what the policy keeps hidden.
  // Judged on what was disclosed: a BbsBlsSignatureProof2020 carries placeholder ids that reveal nothing.
  const disclosed = { credentialSubject: result.disclosed ?? {} }
  const exposed = policy.forbidden.filter((pointer) => getByJsonPointer(disclosed, pointer) !== undefined)
  if (exposed.length > 0) {
    throw new InputRejectedError('ERR_VERIFIER_DISCLOSURE_FORBIDDEN', `The presentation reveals ${exposed.join(', ')}, which a ${credentialType} must not put on a public chain.`)
  }
  // 6. Record the verdict, spend the nonce, and prove it with a notice.
  const verdict = {
    presentationHash: keccak256(stringToBytes(action.presentation)),
    inputIndex: metadata.inputIndex,
    sender: metadata.msgSender,
    issuer: issuerDid,
    credentialType,
    verdict: 'verified' as const,
    blockTimestamp: metadata.blockTimestamp,
    disclosedClaimsHash: hashDisclosedClaims(result.disclosed ?? {}),
  }
  saveVerdict(database, { ...verdict, issuerId: (issuer as { id: number }).id, nonce: action.nonce })
  const notice: Hex = encodeVerdictNotice({ kind: 'verdict', ...verdict })
  return {
    outputs: [{ type: 'notice', payload: notice }],
    result: { presentationHash: verdict.presentationHash, issuer: issuerDid, credentialType, verdict: 'verified' },
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
