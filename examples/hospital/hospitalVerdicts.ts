/**
 * Verifies one clinician's presentation twice: in-process (the hospital's own check, offline)
 * and through the Cartesi verifier (a public verdict notice, validated on L1).
 */
import { type DidDocumentResolver, type TrustedIssuer, verifyCredential } from 'medcred'
import type { VerifierClient } from 'medcred/cartesi'
import type { Hex } from 'viem'

/** The two verdicts on one presentation. */
export type HospitalVerdicts = {
  inProcess: { verified: boolean; errors: { check: string; code: string; message: string }[]; disclosed: Record<string, unknown> | undefined }
  cartesi: {
    inputIndex: string
    /** `ACCEPTED` with a verdict notice, or `REJECTED` with a report saying why. */
    status: string
    verified: boolean
    issuer?: string | undefined
    credentialType?: string | undefined
    /** Whether `Application.validateOutput` accepted the verdict notice on L1. */
    noticeValid?: boolean | undefined
    error?: { code: string; message: string } | undefined
  }
}

export type VerifyBothWaysParameters = {
  client: VerifierClient
  /** The presentation (a derived credential) as the clinician sent it. */
  presentation: Record<string, unknown>
  nonce: Hex
  trustedIssuers: readonly TrustedIssuer[]
  didResolver: DidDocumentResolver
  requiredFields?: readonly string[] | undefined
  now: Date
}

/** Runs both verifications; the in-process one first, as it answers in milliseconds. */
export async function verifyBothWays(parameters: VerifyBothWaysParameters): Promise<HospitalVerdicts> {
  const { client, presentation, nonce } = parameters
  const local = await verifyCredential({
    credential: presentation,
    presentationHeader: client.challenge(nonce),
    trustedIssuers: parameters.trustedIssuers,
    didResolver: parameters.didResolver,
    requiredFields: parameters.requiredFields,
    now: parameters.now,
  })
  const inProcess = {
    verified: local.verified,
    errors: local.checks.flatMap((check) => (check.ok ? [] : [{ check: check.name, code: check.code, message: check.message }])),
    disclosed: local.disclosed,
  }
  const { inputIndex } = await client.send({ action: 'submitPresentation', nonce, presentation: JSON.stringify(presentation) })
  const outcome = await client.waitForInput(inputIndex)
  const verdict = outcome.verdicts[0]
  const failure = outcome.reports.find((report) => !report.ok)
  return {
    inProcess,
    cartesi: {
      inputIndex: inputIndex.toString(),
      status: outcome.status,
      verified: verdict?.verdict === 'verified',
      ...(verdict
        ? { issuer: verdict.issuer, credentialType: verdict.credentialType, noticeValid: await client.validateNotice(verdict.outputIndex) }
        : {}),
      ...(failure && !failure.ok ? { error: { code: failure.code, message: failure.message } } : {}),
    },
  }
}
