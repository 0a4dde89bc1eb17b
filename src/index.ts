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
