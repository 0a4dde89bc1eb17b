/**
 * @module
 * medcred/cartesi: the input protocol shared by clients and the Cartesi verifier.
 */
export { actionCodes, maxInputBytes, protocolVersion, statusCodes, type ActionName, type CredentialStatusName } from './protocol.js'
export { encodeInput } from './encodeInput.js'
export { decodeInput } from './decodeInput.js'
export { createPresentationChallenge, type CreatePresentationChallengeParameters } from './createPresentationChallenge.js'
export { hashDisclosedClaims } from './hashDisclosedClaims.js'
export { decodeVerdictNotice, encodeVerdictNotice } from './verdictNotice.js'
export { decodeReport, encodeReport, type FailureReport, type SuccessReport, type VerifierReport } from './reports.js'
export { decodeInspectQuery, encodeInspectQuery, type InspectQuery } from './inspectQuery.js'
export { InputDecodeError, NoticeCodecError, ProtocolParameterError, type InputDecodeErrorCode } from './errors.js'
export type {
  AccreditIssuerAction,
  IssuerKey,
  RotateIssuerKeysAction,
  SetCredentialStatusAction,
  StatusEntry,
  SubmitPresentationAction,
  VerdictNotice,
  VerifierAction,
  WithdrawIssuerAction,
} from './types.js'
export { applicationAbi, inputBoxAbi, inputsAbi, outputsAbi } from './rollupsAbi.js'
export { encodeOutput, type RollupOutput } from './encodeOutput.js'
export { computeOutputsMerkleRoot, createOutputValidityProof, outputsTreeHeight, type OutputValidityProof } from './outputsMerkle.js'
export {
  canonicalInputBox,
  createVerifierClient,
  type CreateVerifierClientParameters,
  type InputOutcome,
  type InputOutput,
  type VerifierClient,
} from './client/createVerifierClient.js'
export { NodeRequestError, TransactionFailedError, WaitTimeoutError } from './client/errors.js'
