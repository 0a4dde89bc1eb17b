/**
 * @module
 * The seam between the Data Integrity pipeline and medcred's BBS verifier. jsonld-signatures
 * and @digitalbazaar/data-integrity find the proof and check its purpose and key; this
 * cryptosuite does "verify derived proof (bbs-2023)" with medcred's own steps, so that the
 * proof value is read once, strictly, and the statements and presentation header the BBS
 * check verified are handed back: every later judgement reads those, never the JSON.
 */
import * as Bls12381Multikey from '@digitalbazaar/bls12-381-multikey'
import {
  createLabelMapFunction,
  hashCanonizedProof,
  hashMandatory,
  labelReplacementCanonicalizeJsonLd,
} from '@digitalbazaar/di-sd-primitives'
import { concatBytes } from '@noble/curves/utils.js'
import { verifyProof as medcredVerifyProof, type VerifyProofParameters } from '../../bbs/index.js'
import type { DocumentLoader } from '../../contexts/types.js'
import { decodePublicKeyMultibase } from '../../did/multikey/decodePublicKeyMultibase.js'
import { parseDerivedProofValue } from './parseDerivedProofValue.js'

/** What createVerifyData hands the verifier: the BBS inputs and every signed statement. */
type DerivedProofData = {
  bbsProof: Uint8Array
  proofHash: Uint8Array
  mandatoryHash: Uint8Array
  /** Every canonical N-Quad of the document, in signing order, labels as the issuer's. */
  statements: string[]
  nonMandatory: string[]
  selectiveIndexes: number[]
  presentationHeader: Uint8Array
  proofBytes: Uint8Array
}

/** What a derived proof that verified covers. */
export type VerifiedDerivedProof = {
  /** The signed statements: canonical N-Quads, one per entry, each ending in a newline. */
  statements: readonly string[]
  /** The presentation header the BBS proof was verified with. */
  presentationHeader: Uint8Array
  /** The decoded proof value. */
  proofBytes: Uint8Array
}

export type CreateBbs2023VerifyCryptosuiteOptions = {
  /**
   * The BBS ProofVerify to call; medcred's by default. Tools that need the BBS inputs of a
   * credential (a benchmark, a batch verifier) pass their own.
   */
  verifyProof?: ((parameters: VerifyProofParameters) => boolean) | undefined
  /** Called once the BBS proof verified, with what it covers. */
  onVerified?: ((proof: VerifiedDerivedProof) => void) | undefined
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
  const { verifyProof = medcredVerifyProof, onVerified } = options
  return {
    name: 'bbs-2023',
    // The stock suite's list: the IETF algorithm name, and the key type older keys carry.
    requiredAlgorithm: [Bls12381Multikey.ALGORITHMS.BBS_BLS12381_SHA256, 'Bls12381G2'],
    createVerifyData,
    async createVerifier({ verificationMethod }: { verificationMethod: Bls12381Multikey.MultikeyDocument }) {
      // The stock import checks the Multikey document (or converts a JWK).
      const key = await Bls12381Multikey.from(verificationMethod)
      const { publicKey } = decodePublicKeyMultibase(key.publicKeyMultibase)
      return {
        algorithm: key.algorithm,
        id: key.id,
        async verify({ data }: { data: DerivedProofData }) {
          const input = toProofVerifyInput(publicKey, data)
          const verified = input !== undefined && verifyProof(input)
          if (verified) onVerified?.({ statements: data.statements, presentationHeader: data.presentationHeader, proofBytes: data.proofBytes })
          return verified
        },
      }
    },
  }
}

/** "createVerifyData (bbs-2023)", steps numbered as in the spec. */
async function createVerifyData(parameters: {
  document: Record<string, unknown>
  proof: Record<string, unknown>
  documentLoader: DocumentLoader
}): Promise<DerivedProofData> {
  const { document, proof, documentLoader } = parameters
  const options = { documentLoader }
  // 1. Parse the derived proof value (strict base64url, typed CBOR fields).
  const { bbsProof, labelMap, mandatoryIndexes, selectiveIndexes, presentationHeader, bytes: proofBytes } = parseDerivedProofValue(proof.proofValue)
  // 2. proofHash: the canonical proof configuration.
  const proofHash = await hashCanonizedProof({ document, proof, options })
  // 3. Canonicalise the document, relabelling blank nodes with the issuer's labels.
  const labelMapFactoryFunction = createLabelMapFunction({ labelMap })
  const statements: string[] = await labelReplacementCanonicalizeJsonLd({ document, labelMapFactoryFunction, options })
  // 4. Split mandatory from non-mandatory N-Quads by the mandatory indexes.
  const mandatorySet = new Set(mandatoryIndexes)
  const mandatory = statements.filter((_, index) => mandatorySet.has(index))
  const nonMandatory = statements.filter((_, index) => !mandatorySet.has(index))
  // 5. mandatoryHash over the mandatory N-Quads.
  const { mandatoryHash } = await hashMandatory({ mandatory })
  return { bbsProof, proofHash, mandatoryHash, statements, nonMandatory, selectiveIndexes, presentationHeader, proofBytes }
}

/**
 * "Verify Derived Proof (bbs-2023)", the steps after createVerifyData, as ProofVerify's input;
 * `undefined` when the disclosed N-Quads cannot be paired with the selective indexes.
 */
function toProofVerifyInput(publicKey: Uint8Array, data: DerivedProofData): VerifyProofParameters | undefined {
  const { bbsProof, proofHash, mandatoryHash, nonMandatory, selectiveIndexes, presentationHeader } = data
  if (nonMandatory.length !== selectiveIndexes.length) return undefined
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
