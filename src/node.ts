/// <reference path="./types/multikey.d.ts" preserve="true" />
/**
 * Node-only entry point: the command line, which reads and writes files, the VC-API
 * HTTP service (`medcred serve`), the OpenID4VCI 1.0 issuer (pre-authorised code flow, served
 * by a `node:http` listener), and the reader of context manifests (pinned JSON-LD contexts on
 * disk).
 *
 * @module medcred/node
 */
export { runCli } from './cli/runCli.js'
export type { CliIo } from './cli/io.js'
export type { CliErrorCode } from './cli/errors.js'
export { createVcApiHandler, defaultMaxBodyBytes, type VcApiHandler, vcApiDefaults } from './serve/createVcApiHandler.js'
export { createVcApiServer, type CreateVcApiServerParameters, type VcApiServer } from './serve/createVcApiServer.js'
export type { ServeOpenId4VciOptions } from './serve/openId4VciRoutes.js'
export type { ServeOpenId4VpOptions } from './serve/openId4VpRoutes.js'
export { type ServeErrorCode, VcApiOptionsError, VcApiRequestError, type VcApiRequestErrorCode } from './serve/errors.js'
export type { IgnoredOptionCode, VerificationProblem } from './serve/problemDetails.js'
export type { CredentialVerificationResponse, PresentationVerificationResponse } from './serve/toVerificationResponse.js'
export type { VcApiOptions, VcApiRequestLog } from './serve/types.js'
export { readPinnedContexts } from './contexts/readPinnedContexts.js'
export { ContextManifestError, type ContextManifestErrorCode } from './contexts/errors.js'
export { createOpenId4VciIssuer, type CreateOpenId4VciIssuerParameters, type OpenId4VciIssuer } from './openid4vci/createOpenId4VciIssuer.js'
export { createOpenId4VciHandler, type CreateOpenId4VciHandlerParameters } from './openid4vci/createOpenId4VciHandler.js'
export { createCredentialIssuerMetadata, type CreateCredentialIssuerMetadataReturnType } from './openid4vci/createCredentialIssuerMetadata.js'
export { createAuthorizationServerMetadata } from './openid4vci/createAuthorizationServerMetadata.js'
export { createCredentialOffer, type CreateCredentialOfferParameters, type CreateCredentialOfferReturnType } from './openid4vci/createCredentialOffer.js'
export { createCredentialOfferQrCode, type CreateCredentialOfferQrCodeParameters } from './openid4vci/createCredentialOfferQrCode.js'
export { getCredentialOffer, type GetCredentialOfferParameters } from './openid4vci/getCredentialOffer.js'
export { exchangePreAuthorizedCode, type ExchangePreAuthorizedCodeParameters, type ExchangePreAuthorizedCodeReturnType } from './openid4vci/exchangePreAuthorizedCode.js'
export { createNonce, type CreateNonceReturnType } from './openid4vci/createNonce.js'
export { issueRequestedCredential, type IssueRequestedCredentialParameters, type IssueRequestedCredentialReturnType } from './openid4vci/issueRequestedCredential.js'
export { OpenId4VciOptionsError, OpenId4VciRequestError, type OpenId4VciErrorCode, type OpenId4VciRequestErrorCode } from './openid4vci/errors.js'
export type { GrantedAccess, IssuanceState, OpenId4VciIssuerContext, OpenId4VciLifetimes, PendingOffer } from './openid4vci/types.js'
