/**
 * The verifier's internal entry: what `verifier/` (and the examples) use from the library that
 * no public entry point exports. Import it as `medcred/internal`: tsconfig.json `paths` points
 * that name here for tsc, tsx, esbuild (verifier/build.ts), and Vite and vitest
 * (`resolve.tsconfigPaths`).
 *
 * Not part of the public API: it is not in package.json `exports`, the library build
 * (tsconfig.build.json) leaves it out, and its names may change in any release. A name that
 * becomes public moves to `medcred`, `medcred/node` or `medcred/cartesi` and leaves this file.
 *
 * @module medcred/internal
 */

// Public names, again for the verifier's machine bundle (verifier/build.ts): a value imported
// from `medcred` makes esbuild read the whole barrel, and its did:ethr code (ethers) imports
// Node's crypto, which the determinism seal replaces. Everywhere else, import them from `medcred`.
export { MedcredError, type MedcredErrorOptions } from './errors/MedcredError.js'
export type { MedcredErrorCode } from './errors/MedcredErrorCode.js'
export { createDocumentLoader } from './contexts/createDocumentLoader.js'
export { credentialTypes } from './credentials/credentialTypes.js'
export { prepareGenerators } from './bbs/prepareGenerators.js'
export { preparePublicKey, publicKeyCacheSize } from './bbs/pairing.js'
export { proofFeatureOptions } from './suites/proofFeatures.js'

// Verification internals: a credential already bounded and copied by readUntrustedJson.
export { verifyBoundedCredential } from './verify/verifyCredential.js'
export { readUntrustedJson } from './verify/checks/readUntrustedJson.js'
export { checkDisclosure } from './verify/checks/checkDisclosure.js'
export type { VerifiedProof } from './verify/checks/checkProof.js'
export { readPointerValues } from './disclosure/readPointerValues.js'

// DIDs and Multikey public keys, for the verifier's on-chain DID resolver and issuer checks.
export { DidNotFoundError } from './did/errors.js'
export { encodePublicKeyMultibase, type EncodePublicKeyMultibaseParameters } from './did/multikey/encodePublicKeyMultibase.js'
export { decodePublicKeyMultibase, type DecodedPublicKey } from './did/multikey/decodePublicKeyMultibase.js'

// The Cartesi protocol's status codes by number.
export { statusNames } from './cartesi/protocol.js'

// HTTP helpers of the VC-API service, for the hospital example's service.
export { readJsonBody, sendJson } from './serve/httpMessages.js'
