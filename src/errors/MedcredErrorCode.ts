/**
 * @module
 * Every code the medcred library throws or reports, as one union of each area's codes: switch
 * on it and the type narrows. Each area's union lives beside its errors (`src/<area>/errors.ts`);
 * docs/errors.md explains each code and what to do about it. Exported from `medcred`.
 *
 * The Cartesi verifier's own codes (`ERR_VERIFIER_*`, `ERR_DEVNODE_*`) are its
 * `VerifierErrorCode` and `DevnodeErrorCode` (verifier/src/errors.ts, verifier/src/devnode/errors.ts).
 */
import type { BbsErrorCode } from '../bbs/errors.js'
import type { CartesiClientErrorCode } from '../cartesi/client/errors.js'
import type { CartesiErrorCode } from '../cartesi/errors.js'
import type { CliErrorCode } from '../cli/errors.js'
import type { ContextErrorCode } from '../contexts/errors.js'
import type { CredentialValidationErrorCode } from '../credentials/CredentialValidationError.js'
import type { DeliveryErrorCode } from '../deals/errors.js'
import type { DidErrorCode } from '../did/errors.js'
import type { DisclosureErrorCode } from '../disclosure/errors.js'
import type { HolderBindingErrorCode } from '../holderBinding/errors.js'
import type { KeyErrorCode } from '../keys/errors.js'
import type { OpenId4VciErrorCode } from '../openid4vci/errors.js'
import type { OpenId4VpErrorCode } from '../openid4vp/errors.js'
import type { PresentCredentialsErrorCode } from '../presentations/presentCredentials.js'
import type { ServeErrorCode } from '../serve/errors.js'
import type { StatusListErrorCode } from '../status/errors.js'
import type { Bbs2020ErrorCode } from '../suites/bbs-2020/errors.js'
import type { DeriveCredentialErrorCode, IssueCredentialErrorCode } from '../suites/errors.js'
import type { VerifyErrorCode } from '../verify/errors.js'

/**
 * A code of the medcred library: `ERR_<AREA>_<WHAT>`, stable across releases.
 *
 * @example
 * ```ts
 * import type { MedcredErrorCode } from 'medcred'
 * function advice(code: MedcredErrorCode): string {
 *   switch (code) {
 *     case 'ERR_VERIFY_EXPIRED': return 'Ask the holder for a current credential.'
 *     default: return 'See docs/errors.md.'
 *   }
 * }
 * ```
 */
export type MedcredErrorCode =
  | BbsErrorCode
  | Bbs2020ErrorCode
  | CartesiErrorCode
  | CartesiClientErrorCode
  | ContextErrorCode
  | CredentialValidationErrorCode
  | DeliveryErrorCode
  | DeriveCredentialErrorCode
  | DidErrorCode
  | DisclosureErrorCode
  | HolderBindingErrorCode
  | IssueCredentialErrorCode
  | KeyErrorCode
  | OpenId4VciErrorCode
  | OpenId4VpErrorCode
  | PresentCredentialsErrorCode
  | StatusListErrorCode
  | VerifyErrorCode
  | ServeErrorCode
  | CliErrorCode
