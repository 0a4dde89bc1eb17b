/**
 * @module
 * A bbs-2023 sign cryptosuite for the feature options: the stock cryptosuite prepares what is
 * signed (proof hash, HMAC'd and grouped statements, the HMAC key) and medcred's BBS code signs
 * it blindly over the holder's commitment, as the stock one cannot. Internal to
 * src/suites/bbs-2023.
 *
 * - Spec: https://www.w3.org/TR/vc-di-bbs/#base-proof-serialization-bbs-2023
 */
import { createSignCryptosuite } from '@digitalbazaar/bbs-2023-cryptosuite'
import { concatBytes, numberToBytesBE } from '@noble/curves/utils.js'
import { blindSign } from '../../bbs/blindSign.js'
import { calculateRandomScalars } from '../../bbs/randomScalars.js'
import type { ProofFeature } from '../types.js'
import { hasPseudonym, serializeBaseProofValue } from './baseProofValue.js'

export type CreateFeatureSignCryptosuiteParameters = {
  mandatoryPointers: string[]
  featureOption: ProofFeature
  /** The holder's commitment_with_proof, decoded. */
  commitmentWithProof: Uint8Array
  /** The issuer's raw BBS secret and public keys. */
  secretKey: Uint8Array
  publicKey: Uint8Array
}

/** What the stock cryptosuite's createVerifyData returns for signing. */
type SignData = {
  proofHash: Uint8Array
  mandatoryPointers: string[]
  mandatoryHash: Uint8Array
  nonMandatory: string[]
  hmacKey: Uint8Array
}

/** The sign cryptosuite of one feature issuance. */
export function createFeatureSignCryptosuite(parameters: CreateFeatureSignCryptosuiteParameters) {
  const { mandatoryPointers, featureOption, commitmentWithProof, secretKey, publicKey } = parameters
  const stock = createSignCryptosuite({ mandatoryPointers })
  return {
    ...stock,
    async createProofValue({ verifyData }: { verifyData: SignData }): Promise<string> {
      const { proofHash, mandatoryHash, nonMandatory, hmacKey } = verifyData
      const bbsHeader = concatBytes(proofHash, mandatoryHash)
      const messages = nonMandatory.map((statement) => new TextEncoder().encode(statement))
      // A fresh issuer share per credential: two credentials of one holder give two nym secrets.
      const signerNymEntropy = hasPseudonym(featureOption) ? calculateRandomScalars(1)[0]! : undefined
      const bbsSignature = blindSign({
        secretKey,
        publicKey,
        commitmentWithProof,
        header: bbsHeader,
        messages,
        ...(signerNymEntropy === undefined ? {} : { signerNymEntropy }),
      })
      return serializeBaseProofValue({
        bbsSignature,
        bbsHeader,
        publicKey,
        hmacKey,
        mandatoryPointers,
        featureOption,
        ...(signerNymEntropy === undefined ? {} : { signerNymEntropy: numberToBytesBE(signerNymEntropy, 32) }),
      })
    },
  }
}

