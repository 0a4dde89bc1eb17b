/**
 * @module
 * submitPresentation: anyone submits a derived credential made for this verifier; a verified
 * one becomes a stored verdict and a notice, a refused one a rejected input and a report. Any
 * bbs-2023 feature option is taken: the submitter chooses by the proof it derived. A proof
 * with a pseudonym must prove it for the application's context, so the application
 * recognises a returning holder and learns nothing about it elsewhere.
 */
import { createApplicationPseudonymContext, createPresentationChallenge, encodeVerdictNotice, type SubmitPresentationAction } from 'medcred/cartesi'
import type { Hex } from 'viem'
import { NonceUsedError } from '../errors.js'
import { isNonceUsed, saveVerdict } from '../state/verdicts.js'
import { verifySubmittedCredential } from '../verification/verifySubmittedCredential.js'
import type { ActionContext, ActionOutcome } from './types.js'

export async function submitPresentation(context: ActionContext, action: SubmitPresentationAction): Promise<ActionOutcome> {
  const { database, metadata } = context
  // 1. A nonce is spent once per sender: a replayed input is refused before any work.
  if (isNonceUsed(database, metadata.msgSender, action.nonce)) {
    throw new NonceUsedError({ nonce: action.nonce, sender: metadata.msgSender })
  }
  // 2. Every check, bound to this chain, application, sender and nonce; a pseudonym, when the
  // proof's header names one, for this chain and application (from any sender).
  const { chainId, appContract: application } = metadata
  const verified = await verifySubmittedCredential(context, {
    presentation: action.presentation,
    challenge: createPresentationChallenge({ chainId, application, sender: metadata.msgSender, nonce: action.nonce }),
    pseudonym: { context: createApplicationPseudonymContext({ chainId, application }), required: false },
  })
  // 3. Record the verdict, spend the nonce, and prove it with a notice.
  const verdict = {
    presentationHash: verified.presentationHash,
    inputIndex: metadata.inputIndex,
    sender: metadata.msgSender,
    issuer: verified.issuer.did,
    credentialType: verified.credentialType,
    verdict: 'verified' as const,
    blockTimestamp: metadata.blockTimestamp,
    disclosedClaimsHash: verified.disclosedClaimsHash,
    // Every feature option proves knowledge of a secret the issuer signed a commitment to.
    holderBound: verified.proofFeature !== 'baseline',
    ...(verified.pseudonym === undefined ? {} : { pseudonym: verified.pseudonym }),
  }
  saveVerdict(database, { ...verdict, issuerId: verified.issuer.id, nonce: action.nonce })
  const notice: Hex = encodeVerdictNotice({ kind: 'verdict', ...verdict })
  return {
    outputs: [{ type: 'notice', payload: notice }],
    result: {
      presentationHash: verdict.presentationHash,
      issuer: verdict.issuer,
      credentialType: verdict.credentialType,
      verdict: 'verified',
      holderBound: verdict.holderBound,
      ...(verdict.pseudonym === undefined ? {} : { pseudonym: verdict.pseudonym }),
    },
  }
}
