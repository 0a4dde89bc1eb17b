/// <reference path="./types/multikey.d.ts" preserve="true" />
// The directive above makes the published .d.ts carry the module declarations of the untyped
// Digital Bazaar Multikey packages (shipped as src/types/multikey.d.ts; see package.json "files"):
// without them, keys/types.d.ts fails a consumer's `tsc --strict` (TS7016).
/**
 * Health credentials as W3C Verifiable Credentials with BBS selective disclosure.
 * Everything here runs in Node >= 20 and in browsers; Node-only parts are in `medcred/node`.
 *
 * @module medcred
 */
// src/{keys,did,credentials,deals}/index.ts are the whole public surface of their areas and are
// re-exported in full; test/exports.test.ts snapshots the resulting names.
export { MedcredError, type MedcredErrorOptions } from './errors/MedcredError.js'
export type { MedcredErrorCode } from './errors/MedcredErrorCode.js'

export { createDocumentLoader, listBundledContexts, type CreateDocumentLoaderParameters } from './contexts/createDocumentLoader.js'
export { ContextIntegrityError, ContextNotBundledError, PinnedContextError, type ContextErrorCode } from './contexts/errors.js'
export type { DocumentLoader, PinnedContext, RemoteDocument } from './contexts/types.js'

export * from './keys/index.js'

export * from './did/index.js'

export * from './credentials/index.js'

export { mandatoryPointersFor } from './disclosure/mandatoryPointers.js'
export { toJsonPointer } from './disclosure/toJsonPointer.js'
export { RevealPathError, type DisclosureErrorCode } from './disclosure/errors.js'

export * from './holderBinding/index.js'
export { issueCredential, type IssueCredentialParameters } from './suites/bbs-2023/issueCredential.js'
export { deriveCredential, type DeriveCredentialParameters } from './suites/bbs-2023/deriveCredential.js'
export { DeriveCredentialError, IssueCredentialError, type DeriveCredentialErrorCode, type IssueCredentialErrorCode } from './suites/errors.js'
export type { DataIntegrityProof, ProofFeature, ProofFeatureOption, VerifiableCredential, VerifiablePresentation } from './suites/types.js'

/** BBS proof and signature verification (IETF BLS12-381-SHA-256), single and batched: `bbs.verifyProof`, … */
export * as bbs from './bbs/index.js'
export { issueBbs2020Credential, type IssueBbs2020CredentialParameters } from './suites/bbs-2020/issueBbs2020Credential.js'
export { deriveBbs2020Credential, type DeriveBbs2020CredentialParameters } from './suites/bbs-2020/deriveBbs2020Credential.js'
export { migrateToBbs2023, type MigrateToBbs2023Parameters } from './suites/bbs-2020/migrateToBbs2023.js'
export { importBls12381G2Key2020, type Bls12381G2Key2020 } from './suites/bbs-2020/importBls12381G2Key2020.js'
export { withoutPlaceholders } from './suites/bbs-2020/withoutPlaceholders.js'
export { Bbs2020KeyError, type Bbs2020ErrorCode, type Bbs2020KeyErrorCode, MigrateCredentialError } from './suites/bbs-2020/errors.js'

export {
  presentCredentials,
  PresentCredentialsError,
  type PresentCredentialsErrorCode,
  type PresentCredentialsParameters,
} from './presentations/presentCredentials.js'

export { verifyCredential, type VerifyCredentialParameters } from './verify/verifyCredential.js'
export { verifyPresentation, type VerifyPresentationParameters } from './verify/verifyPresentation.js'
export { parseTrustedIssuer } from './verify/parseTrustedIssuer.js'
export { TrustedIssuerSyntaxError, VerifyOptionsError, type UntrustedInputErrorCode, type VerificationCheckCode, type VerifyErrorCode } from './verify/errors.js'
export type {
  CredentialStatusValue,
  CredentialVerificationResult,
  InputLimits,
  PresentationVerificationResult,
  StatusChecker,
  TrustedIssuer,
  TrustedIssuers,
  VerificationCheck,
  VerificationCheckName,
  VerificationOptions,
} from './verify/types.js'

export { allocateStatusEntry } from './status/allocateStatusEntry.js'
export { createBitstringStatusChecker, type CreateBitstringStatusCheckerParameters } from './status/createBitstringStatusChecker.js'
export { createStatusList, type CreateStatusListParameters } from './status/createStatusList.js'
export { issueStatusListCredential, type IssueStatusListCredentialParameters } from './status/issueStatusListCredential.js'
export { setCredentialStatus, type SetCredentialStatusParameters } from './status/setCredentialStatus.js'
export { StatusListError, type StatusListErrorCode } from './status/errors.js'
export type { BitstringStatusListEntry, StatusList, StatusPurpose } from './status/types.js'

export * from './deals/index.js'

/** OpenID4VCI 1.0, the holder's side: receive a credential from an offer (browsers and Node). */
export { generateHolderKey, type GenerateHolderKeyParameters, type HolderKey } from './openid4vci/generateHolderKey.js'
export {
  resolveCredentialOffer,
  type OfferedCredential,
  type OfferedTxCode,
  type ResolveCredentialOfferParameters,
  type ResolvedCredentialOffer,
} from './openid4vci/resolveCredentialOffer.js'
export { redeemPreAuthorizedCode, type RedeemPreAuthorizedCodeParameters, type RedeemPreAuthorizedCodeReturnType } from './openid4vci/redeemPreAuthorizedCode.js'
export { requestCredentialNonce, type RequestCredentialNonceParameters } from './openid4vci/requestCredentialNonce.js'
export { createCredentialKeyProof, type CreateCredentialKeyProofParameters } from './openid4vci/createCredentialKeyProof.js'
export { requestOfferedCredential, type RequestOfferedCredentialParameters } from './openid4vci/requestOfferedCredential.js'
export { checkIssuedCredential, type CheckIssuedCredentialParameters } from './openid4vci/checkIssuedCredential.js'
export type { HolderTransport } from './openid4vci/holderTransport.js'
export { acceptCredentialOffer, type AcceptCredentialOfferParameters, type AcceptCredentialOfferReturnType } from './openid4vci/acceptCredentialOffer.js'
export {
  OpenId4VciHolderError,
  type IssuedCredentialProblem,
  type OpenId4VciHolderErrorCode,
  type OpenId4VciHolderErrorParameters,
  type OpenId4VciHolderStep,
} from './openid4vci/errors.js'

/** OpenID4VP 1.0 with DCQL, both sides, bbs-2023 `ldp_vc` credentials (browsers and Node). */
export { createOpenId4VpVerifier, type CreateOpenId4VpVerifierParameters, type OpenId4VpVerifier } from './openid4vp/createOpenId4VpVerifier.js'
export type { CreateAuthorizationRequestParameters, CreateAuthorizationRequestReturnType } from './openid4vp/createAuthorizationRequest.js'
export { requestObjectMediaType } from './openid4vp/getRequestObject.js'
export type { ReceiveResponseParameters } from './openid4vp/receiveResponse.js'
export { createDcqlQuery, type DcqlCredentialRequest } from './openid4vp/createDcqlQuery.js'
export { resolveOpenId4VpRequest, type ResolveRequestParameters, type ResolvedOpenId4VpRequest } from './openid4vp/resolveRequest.js'
export {
  matchOpenId4VpCredentials,
  type CredentialQueryMatch,
  type MatchCredentialsParameters,
  type MatchCredentialsReturnType,
  type RequestedClaim,
} from './openid4vp/matchCredentials.js'
export { createOpenId4VpResponse, type CreateResponseParameters, type OpenId4VpResponse } from './openid4vp/createResponse.js'
export { declineOpenId4VpRequest, type OpenId4VpDecline } from './openid4vp/declineRequest.js'
export { submitOpenId4VpResponse, type SubmitResponseParameters } from './openid4vp/submitResponse.js'
export { openId4VpPresentationHeader, type OpenId4VpBinding } from './openid4vp/presentationHeader.js'
export { credentialTypeIris } from './openid4vp/credentialTypeIris.js'
export type { ClaimPath } from './openid4vp/claimPointers.js'
export {
  OpenId4VpOptionsError,
  OpenId4VpRequestError,
  OpenId4VpResponseError,
  OpenId4VpSubmitError,
  type OpenId4VpErrorCode,
  type OpenId4VpOptionsErrorParameters,
  type OpenId4VpRequestErrorParameters,
  type OpenId4VpResponseErrorCode,
  type OpenId4VpResponseErrorParameters,
  type OpenId4VpSubmitErrorParameters,
} from './openid4vp/errors.js'
export type { AuthorizationRequestPayload, OpenId4VpDisclosedCredential, OpenId4VpVerificationResult, OpenId4VpVerifierContext, PendingRequest } from './openid4vp/types.js'
