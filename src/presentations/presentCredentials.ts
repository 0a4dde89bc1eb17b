/**
 * @module
 * Wraps derived credentials in a Verifiable Presentation for one verifier, optionally
 * signed by the holder (eddsa-rdfc-2022) over the verifier's challenge and domain.
 */
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import jsigs from 'jsonld-signatures'
import type { DocumentLoader } from '../contexts/types.js'
import { MedcredError } from '../errors/MedcredError.js'
import { toMultikeyKeyPair } from '../keys/toMultikeyKeyPair.js'
import type { KeyPair } from '../keys/types.js'
import { hasPresentationHeader } from '../suites/bbs-2023/presentationHeader.js'
import { reasonOf } from '../suites/errors.js'
import type { VerifiableCredential, VerifiablePresentation } from '../suites/types.js'

/** The code of {@link PresentCredentialsError}. */
export type PresentCredentialsErrorCode = 'ERR_PRESENT_FAILED'

/** The presentation cannot be made as asked. */
export class PresentCredentialsError extends MedcredError {
  override name = 'PresentCredentialsError'
  declare readonly code: PresentCredentialsErrorCode
  constructor(reason: string, cause?: unknown) {
    super('ERR_PRESENT_FAILED', `Cannot create the presentation: ${reason}.`, { cause })
  }
}

export type PresentCredentialsParameters = {
  /** Derived credentials, each derived with this challenge as its presentation header. */
  credentials: readonly VerifiableCredential[]
  /** The verifier's challenge (a nonce it chose). */
  challenge: string
  /** The verifier's domain; bound only by a holder proof. */
  domain?: string | undefined
  /** The holder's Ed25519 key pair: when given, the presentation carries its proof. */
  holderKey?: KeyPair | undefined
  documentLoader: DocumentLoader
}

/**
 * Creates a Verifiable Presentation of derived credentials.
 *
 * Every credential must carry the challenge as its bbs-2023 presentation header, so none
 * can be lifted into another verifier's presentation; a holder key adds an
 * eddsa-rdfc-2022 proof (purpose `authentication`) over challenge and domain.
 *
 * - Spec: https://www.w3.org/TR/vc-data-model-2.0/#verifiable-presentations
 *
 * @param parameters - {@link PresentCredentialsParameters}
 * @returns the presentation to send to the verifier
 * @throws {PresentCredentialsError} `ERR_PRESENT_FAILED` when a credential was derived for
 *   another challenge or the holder key cannot sign.
 *
 * @example
 * ```ts
 * import { presentCredentials } from 'medcred'
 * const presentation = await presentCredentials({ credentials: [shown], challenge, holderKey, documentLoader })
 * ```
 */
export async function presentCredentials(parameters: PresentCredentialsParameters): Promise<VerifiablePresentation> {
  const { credentials, challenge, domain, holderKey, documentLoader } = parameters
  if (credentials.length === 0) throw new PresentCredentialsError('there is no credential to present')
  credentials.forEach((credential, index) => {
    if (!hasPresentationHeader(credential.proof?.proofValue, challenge)) {
      throw new PresentCredentialsError(`credential ${index} was not derived with this challenge as its presentation header`)
    }
  })
  const presentation: VerifiablePresentation = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiablePresentation'],
    ...(holderKey?.controller ? { holder: holderKey.controller } : {}),
    verifiableCredential: [...credentials],
  }
  if (!holderKey) return presentation
  if (holderKey.type !== 'Ed25519' || !holderKey.id) {
    throw new PresentCredentialsError('the holder key must be an Ed25519 key pair with a verification method id')
  }
  try {
    const key = await toMultikeyKeyPair(holderKey)
    const suite = new DataIntegrityProof({ signer: key.signer(), cryptosuite: eddsaRdfc2022 })
    const purpose = new jsigs.purposes.AuthenticationProofPurpose({ challenge, ...(domain === undefined ? {} : { domain }) })
    return (await jsigs.sign(presentation, { suite, purpose, documentLoader })) as VerifiablePresentation
  } catch (error) {
    throw new PresentCredentialsError(reasonOf(error), error)
  }
}

