/**
 * @module
 * The seam between the stock bbs-2023 pipeline and medcred's BBS verifier. The Digital Bazaar
 * verify cryptosuite does the Data Integrity work (canonicalisation, proof hashing, splitting
 * mandatory from selective N-Quads); only its verifier, which would hand the BBS proof to
 * @digitalbazaar/bbs-signatures, is replaced by one that calls {@link verifyProof}.
 */
import { createVerifyCryptosuite } from '@digitalbazaar/bbs-2023-cryptosuite'
import * as Bls12381Multikey from '@digitalbazaar/bls12-381-multikey'
import { concatBytes } from '@noble/curves/utils.js'
import { verifyProof as medcredVerifyProof, type VerifyProofParameters } from '../../bbs/index.js'
import { decodePublicKeyMultibase } from '../../did/multikey/decodePublicKeyMultibase.js'

/** What the bbs-2023 cryptosuite's createVerifyData hands the verifier of a derived proof. */
type DerivedProofData = {
  bbsProof: Uint8Array
  proofHash: Uint8Array
  mandatoryHash: Uint8Array
  nonMandatory: string[]
  selectiveIndexes: number[]
  presentationHeader: Uint8Array
}

export type CreateBbs2023VerifyCryptosuiteOptions = {
  /**
   * The BBS ProofVerify to call; medcred's by default. Tools that need the BBS inputs of a
   * credential (a benchmark, a batch verifier) pass their own.
   */
  verifyProof?: ((parameters: VerifyProofParameters) => boolean) | undefined
}

/**
 * A bbs-2023 verify cryptosuite for `DataIntegrityProof` whose BBS proof check is medcred's.
 *
 * - Spec: https://www.w3.org/TR/vc-di-bbs/#verify-derived-proof-bbs-2023
 *
 * @param options - {@link CreateBbs2023VerifyCryptosuiteOptions}
 * @returns the cryptosuite object `new DataIntegrityProof({ cryptosuite })` takes
 */
export function createBbs2023VerifyCryptosuite(options: CreateBbs2023VerifyCryptosuiteOptions = {}): unknown {
  const { verifyProof = medcredVerifyProof } = options
  const stock = createVerifyCryptosuite() as Record<string, unknown>
  return {
    ...stock,
    async createVerifier({ verificationMethod }: { verificationMethod: Bls12381Multikey.MultikeyDocument }) {
      // The stock import checks the Multikey document (or converts a JWK) as before.
      const key = await Bls12381Multikey.from(verificationMethod)
      const { publicKey } = decodePublicKeyMultibase(key.publicKeyMultibase)
      return {
        algorithm: key.algorithm,
        id: key.id,
        async verify({ data }: { data: DerivedProofData }) {
          const input = toProofVerifyInput(publicKey, data)
          return input !== undefined && verifyProof(input)
        },
      }
    },
  }
}

/**
 * "Verify Derived Proof (bbs-2023)", the steps after createVerifyData, as ProofVerify's input;
 * `undefined` when the proof value's fields cannot be paired with the N-Quads.
 */
function toProofVerifyInput(publicKey: Uint8Array, data: DerivedProofData): VerifyProofParameters | undefined {
  const { bbsProof, proofHash, mandatoryHash, nonMandatory, selectiveIndexes, presentationHeader } = data
  // The proof value is untrusted CBOR: anything but bytes and one integer index per N-Quad is INVALID.
  if (
    !(bbsProof instanceof Uint8Array && presentationHeader instanceof Uint8Array) ||
    !Array.isArray(selectiveIndexes) ||
    nonMandatory.length !== selectiveIndexes.length ||
    !selectiveIndexes.every((i) => Number.isSafeInteger(i) && i >= 0)
  ) {
    return undefined
  }
  // Each non-mandatory N-Quad is the disclosed message at the matching selective index; order
  // the pairs by index as ProofVerify wants (a repeated index then fails verification).
  const disclosed = nonMandatory
    .map((nquad, i) => ({ index: selectiveIndexes[i]!, message: new TextEncoder().encode(nquad) }))
    .sort((a, b) => a.index - b.index)
  return {
    publicKey,
    proof: bbsProof,
    // bbsHeader = proofHash || mandatoryHash
    header: concatBytes(proofHash, mandatoryHash),
    presentationHeader,
    disclosedMessages: disclosed.map(({ message }) => message),
    disclosedIndexes: disclosed.map(({ index }) => index),
  }
}
