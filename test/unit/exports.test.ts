/**
 * The public surface: the runtime names each package entry point exports, as inline snapshots,
 * so adding, renaming or dropping a public name shows up in review (viem's src/index.test.ts
 * does the same). Type-only exports have no runtime name and are not listed here.
 *
 * When a change to the surface is intended, update with `npx vitest run test/unit/exports.test.ts -u`.
 */
import { describe, expect, it } from 'vitest'

describe('package entry points', () => {
  it("'medcred' (src/index.ts)", async () => {
    expect(Object.keys(await import('../../src/index.js')).sort()).toMatchInlineSnapshot(`
      [
        "Bbs2020KeyError",
        "ContextIntegrityError",
        "ContextNotBundledError",
        "CredentialValidationError",
        "DeliveryError",
        "DeriveCredentialError",
        "DidError",
        "DidMalformedError",
        "DidMethodNotSupportedError",
        "DidNotFoundError",
        "DidResolutionFailedError",
        "DidResolverOptionsError",
        "InvalidKeyError",
        "IssueCredentialError",
        "KeyDecryptionError",
        "KeyEncryptionError",
        "MedcredError",
        "MigrateCredentialError",
        "PinnedContextError",
        "PresentCredentialsError",
        "PublicKeyMalformedError",
        "RevealPathError",
        "StatusListError",
        "TrustedIssuerSyntaxError",
        "VerificationMethodNotFoundError",
        "VerifyOptionsError",
        "allocateStatusEntry",
        "bbs",
        "createBitstringStatusChecker",
        "createDidKeyDocument",
        "createDidResolver",
        "createDocumentLoader",
        "createMedicalLicenseCredential",
        "createStatusList",
        "createVaccinationCertificate",
        "credentialTypes",
        "decryptDelivery",
        "decryptKeyPair",
        "deliveryKeyFromBytes",
        "deliveryKeyToBytes",
        "deriveBbs2020Credential",
        "deriveCredential",
        "didKeyFromPublicKey",
        "didKeyVerificationMethodId",
        "didWebToUrl",
        "encryptDelivery",
        "encryptKeyPair",
        "exportPrivateKey",
        "exportPublicKey",
        "generateDeliveryKeyPair",
        "generateKeyPair",
        "getEthrResolver",
        "getKeyResolver",
        "getWebResolver",
        "hashDelivery",
        "importBls12381G2Key2020",
        "importKeyPair",
        "inspectEncryptedKeyPair",
        "issueBbs2020Credential",
        "issueCredential",
        "issueStatusListCredential",
        "listBundledContexts",
        "mandatoryPointersFor",
        "migrateToBbs2023",
        "parseTrustedIssuer",
        "presentCredentials",
        "publishBbsKey",
        "revokeBbsKey",
        "setCredentialStatus",
        "toJsonPointer",
        "verifyCredential",
        "verifyPresentation",
        "withoutPlaceholders",
      ]
    `)
  })

  it("'medcred' bbs namespace (src/bbs/index.ts)", async () => {
    expect(Object.keys((await import('../../src/index.js')).bbs).sort()).toMatchInlineSnapshot(`
      [
        "BbsArgumentError",
        "BbsMessageLimitError",
        "batchVerifyProofs",
        "maxBbsMessages",
        "prepareGenerators",
        "verifyProof",
        "verifySignature",
      ]
    `)
  })

  it("'medcred/node' (src/node.ts)", async () => {
    expect(Object.keys(await import('../../src/node.js')).sort()).toMatchInlineSnapshot(`
      [
        "ContextManifestError",
        "VcApiOptionsError",
        "VcApiRequestError",
        "createVcApiHandler",
        "createVcApiServer",
        "defaultMaxBodyBytes",
        "readPinnedContexts",
        "runCli",
        "vcApiDefaults",
      ]
    `)
  })

  it("'medcred/cartesi' (src/cartesi/index.ts)", async () => {
    expect(Object.keys(await import('../../src/cartesi/index.js')).sort()).toMatchInlineSnapshot(`
      [
        "ClaimTimeoutError",
        "InputDecodeError",
        "NodeRequestError",
        "NodeRpcError",
        "NoticeCodecError",
        "ProtocolEncodeError",
        "ProtocolParameterError",
        "TransactionFailedError",
        "WaitTimeoutError",
        "actionCodes",
        "applicationAbi",
        "canonicalInputBox",
        "computeOutputsMerkleRoot",
        "createDealChallenge",
        "createOutputValidityProof",
        "createPaymentVoucher",
        "createPresentationChallenge",
        "createVerifierClient",
        "decodeDealApprovalNotice",
        "decodeErc20Deposit",
        "decodeEtherDeposit",
        "decodeInput",
        "decodeInspectQuery",
        "decodeNotice",
        "decodeReport",
        "decodeVerdictNotice",
        "depositErc20",
        "depositEther",
        "encodeDealApprovalNotice",
        "encodeErc20Deposit",
        "encodeEtherDeposit",
        "encodeInput",
        "encodeInspectQuery",
        "encodeOutput",
        "encodeReport",
        "encodeVerdictNotice",
        "erc20PortalAbi",
        "etherPortalAbi",
        "executeVoucher",
        "getDealChallenge",
        "getPresentationChallenge",
        "hashDisclosedClaims",
        "hashPresentation",
        "inputBoxAbi",
        "inputsAbi",
        "inspectVerifier",
        "issuerKeyOf",
        "maxInputBytes",
        "noticeKinds",
        "outputsAbi",
        "outputsTreeHeight",
        "predicateOperators",
        "protocolVersion",
        "sendInput",
        "statusCodes",
        "validateNotice",
        "validateOutput",
        "waitForAcceptedProof",
        "waitForInput",
        "waitForProof",
      ]
    `)
  })
})
