/**
 * The input protocol shared by clients and the Cartesi verifier, and the client that sends
 * inputs, waits for their outputs and validates them on L1.
 *
 * @module medcred/cartesi
 */
export {
  actionCodes,
  maxInputBytes,
  noticeKinds,
  predicateOperators,
  protocolVersion,
  statusCodes,
  type ActionName,
  type CredentialStatusName,
  type PredicateOperator,
} from './protocol.js'
export { encodeInput } from './encodeInput.js'
export { decodeInput } from './decodeInput.js'
export { createPresentationChallenge, type CreatePresentationChallengeParameters } from './createPresentationChallenge.js'
export { hashDisclosedClaims } from './hashDisclosedClaims.js'
export { hashPresentation } from './hashPresentation.js'
export { issuerKeyOf } from './issuerKeyOf.js'
export { decodeVerdictNotice, encodeVerdictNotice } from './verdictNotice.js'
export { decodeDealApprovalNotice, encodeDealApprovalNotice } from './dealApprovalNotice.js'
export { decodeNotice } from './decodeNotice.js'
export { createDealChallenge, type CreateDealChallengeParameters } from './createDealChallenge.js'
export { createDealPseudonymContext, type CreateDealPseudonymContextParameters } from './createDealPseudonymContext.js'
export { createApplicationPseudonymContext, type CreateApplicationPseudonymContextParameters } from './createApplicationPseudonymContext.js'
export { decodeErc20Deposit, decodeEtherDeposit, encodeErc20Deposit, encodeEtherDeposit, type Erc20Deposit, type EtherDeposit } from './deposits.js'
export { createPaymentVoucher } from './paymentVoucher.js'
export { decodeReport, encodeReport, type FailureReport, type SuccessReport, type VerifierReport } from './reports.js'
export { decodeInspectQuery, encodeInspectQuery, type InspectQuery } from './inspectQuery.js'
export {
  ClaimTimeoutError,
  InputDecodeError,
  NoticeCodecError,
  ProtocolEncodeError,
  ProtocolParameterError,
  type CartesiErrorCode,
  type InputDecodeErrorCode,
} from './errors.js'
export type {
  AccreditIssuerAction,
  CloseDealAction,
  CreateDealAction,
  DealApprovalNotice,
  DealPredicate,
  FundDealAction,
  PredicateValue,
  SubmitToDealAction,
  WithdrawAction,
  IssuerKey,
  RotateIssuerKeysAction,
  SetCredentialStatusAction,
  StatusEntry,
  SubmitPresentationAction,
  VerdictNotice,
  VerifierAction,
  WithdrawIssuerAction,
} from './types.js'
export { applicationAbi, erc20PortalAbi, etherPortalAbi, inputBoxAbi, inputsAbi, outputsAbi } from './rollupsAbi.js'
export { encodeOutput, type RollupOutput } from './encodeOutput.js'
export { computeOutputsMerkleRoot, createOutputValidityProof, outputsTreeHeight, type OutputValidityProof } from './outputsMerkle.js'
export {
  canonicalInputBox,
  createVerifierClient,
  type CreateVerifierClientParameters,
  type VerifierActions,
  type VerifierClient,
} from './client/createVerifierClient.js'
export type { InputOutcome, InputOutput, OutputProof, ProvenOutput, VerifierClientBase } from './client/types.js'
// The client's actions, one per file: each `(client, parameters)`, bound by createVerifierClient.
export { depositErc20, type DepositErc20Parameters, type DepositErc20ReturnType } from './client/actions/depositErc20.js'
export { depositEther, type DepositEtherParameters, type DepositEtherReturnType } from './client/actions/depositEther.js'
export { executeVoucher, type ExecuteVoucherParameters, type ExecuteVoucherReturnType } from './client/actions/executeVoucher.js'
export { getDealChallenge, type GetDealChallengeParameters, type GetDealChallengeReturnType } from './client/actions/getDealChallenge.js'
export { getPresentationChallenge, type GetPresentationChallengeParameters, type GetPresentationChallengeReturnType } from './client/actions/getPresentationChallenge.js'
export { inspectVerifier, type InspectVerifierParameters, type InspectVerifierReturnType } from './client/actions/inspectVerifier.js'
export { sendInput, type SendInputParameters, type SendInputReturnType } from './client/actions/sendInput.js'
export { validateNotice, type ValidateNoticeParameters, type ValidateNoticeReturnType } from './client/actions/validateNotice.js'
export { validateOutput, type ValidateOutputParameters, type ValidateOutputReturnType } from './client/actions/validateOutput.js'
export { waitForAcceptedProof, type WaitForAcceptedProofParameters, type WaitForAcceptedProofReturnType } from './client/actions/waitForAcceptedProof.js'
export { waitForInput, type WaitForInputParameters, type WaitForInputReturnType } from './client/actions/waitForInput.js'
export { waitForProof, type WaitForProofParameters, type WaitForProofReturnType } from './client/actions/waitForProof.js'
export {
  NodeRequestError,
  NodeRpcError,
  TransactionFailedError,
  WaitTimeoutError,
  type CartesiClientErrorCode,
  type NodeRequestErrorParameters,
  type NodeRpcErrorParameters,
  type TransactionFailedErrorParameters,
} from './client/errors.js'
