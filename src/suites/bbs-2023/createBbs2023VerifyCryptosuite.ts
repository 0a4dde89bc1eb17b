/**
 * @module
 * The seam between the Data Integrity pipeline and medcred's BBS verifier. jsonld-signatures
 * and @digitalbazaar/data-integrity find the proof and check its purpose and key; this
 * cryptosuite does "verify derived proof (bbs-2023)" with medcred's own steps, so that the
 * proof value is read once, strictly, and the statements and presentation header the BBS
 * check verified are handed back: every later judgement reads those, never the JSON. Proofs
 * with a feature option (holder binding, pseudonyms) hand back what they proved.
 */
import type { MultikeyDocument } from '@digitalbazaar/bls12-381-multikey'
import { createLabelMapFunction, hashMandatory, labelReplacementCanonicalizeJsonLd } from '@digitalbazaar/di-sd-primitives'
import { concatBytes } from '@noble/curves/utils.js'
import { verifyProof as medcredVerifyProof, type VerifyProofParameters } from '../../bbs/index.js'
import type { DocumentLoader } from '../../contexts/types.js'
import { type DecodedPublicKey, decodePublicKeyMultibase } from '../../did/multikey/decodePublicKeyMultibase.js'
import { bbsAlgorithm, multikeyContext } from '../../keys/constants.js'
import { CanonicalizationLimitError, canonicalizationWorkBound, isCanonicalizationLimit } from '../errors.js'
import type { ExpandedCredential, ProofFeature } from '../types.js'
import { parseDerivedProofValue } from './parseDerivedProofValue.js'
import { proofConfigurationOf } from './proofConfiguration.js'
import { readProofFeature } from './readProofFeature.js'
import { type FeatureProofData, verifyFeatureProof } from './verifyFeatureProof.js'

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
  /** The feature option's values, for a proof with one. */
  feature?: FeatureProofData | undefined
}

/** What a derived proof that verified covers. */
export type VerifiedDerivedProof = {
  /** The signed statements: canonical N-Quads, one per entry, each ending in a newline. */
  statements: readonly string[]
  /** The presentation header the BBS proof was verified with. */
  presentationHeader: Uint8Array
  /**
   * The BBS proof: it names the presentation, as the proof value around it (CBOR, its feature
   * header, an optional nym_domain) can be written several ways that all verify alike.
   */
  proofBytes: Uint8Array
  /** What it proved beyond its statements, for a proof with a feature option. */
  feature?: ProofFeature | undefined
  /** The pseudonym it proved for the verifier's context, for a pseudonym proof. */
  pseudonym?: Uint8Array | undefined
}

export type CreateBbs2023VerifyCryptosuiteOptions = {
  /**
   * The BBS ProofVerify to call for a plain proof; medcred's by default. Tools that need the BBS
   * inputs of a credential (a benchmark, a batch verifier) pass their own. Proofs with a feature
   * option (holder binding, pseudonyms) are always checked by medcred's.
   */
  verifyProof?: ((parameters: VerifyProofParameters) => boolean) | undefined
  /** Called once the BBS proof verified, with what it covers. */
  onVerified?: ((proof: VerifiedDerivedProof) => void) | undefined
  /**
   * The context id a pseudonym proof is checked against (vc-di-bbs `nym_domain`): the
   * verifier's. A pseudonym proof cannot be verified without it.
   */
  pseudonymContext?: Uint8Array | undefined
  /**
   * The credential as the input bounds expanded it (`ProofSuite.expand`): its document and its
   * proof configuration are not expanded again when they are the ones verified.
   */
  expanded?: ExpandedCredential | undefined
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
  const { verifyProof = medcredVerifyProof, onVerified, pseudonymContext, expanded } = options
  return {
    name: 'bbs-2023',
    // The stock suite's list: the IETF algorithm name, and the key type older keys carry.
    requiredAlgorithm: [bbsAlgorithm, 'Bls12381G2'],
    createVerifyData: (parameters: CreateVerifyDataParameters) => createVerifyData(parameters, expanded),
    async createVerifier({ verificationMethod }: { verificationMethod: MultikeyDocument }) {
      const key = plainMultikey(verificationMethod) ?? (await stockImport(verificationMethod))
      const { publicKey } = decodePublicKeyMultibase(key.publicKeyMultibase)
      return {
        algorithm: key.algorithm,
        id: key.id,
        async verify({ data }: { data: DerivedProofData }) {
          const input = toProofVerifyInput(publicKey, data)
          const { feature } = data
          const verified = input !== undefined && (feature ? verifyFeatureProof(input, feature, pseudonymContext) : verifyProof(input))
          if (verified) {
            const proven = feature && { feature: feature.feature, ...(feature.pseudonym && { pseudonym: feature.pseudonym }) }
            onVerified?.({ statements: data.statements, presentationHeader: data.presentationHeader, proofBytes: data.bbsProof, ...proven })
          }
          return verified
        },
      }
    },
  }
}

/** The parts of an imported key the verifier reads. */
type ImportedKey = { id?: string | undefined; algorithm: string; publicKeyMultibase: string }

/**
 * What the stock import (`@digitalbazaar/bls12-381-multikey` `from`) makes of a plain Multikey
 * document with a BLS12-381 G2 public key, without loading that package: with its copy of
 * @noble/curves and of @digitalbazaar/bbs-signatures, it costs a one-shot verification about
 * 150 ms of start-up. `undefined` for anything else (a JWK, a secret key, another context, a
 * key that does not decode): the stock import then judges it, errors included, as it always has.
 */
function plainMultikey(method: MultikeyDocument): ImportedKey | undefined {
  if (method === null || typeof method !== 'object') return undefined
  const { type, publicKeyMultibase, secretKeyMultibase, id, controller } = method
  // Read as untrusted: a DID document may give an array of contexts.
  const context: unknown = method['@context']
  const contextOk = context === undefined || context === multikeyContext || (Array.isArray(context) && context.includes(multikeyContext))
  if (type !== 'Multikey' || !contextOk || secretKeyMultibase !== undefined || typeof publicKeyMultibase !== 'string') return undefined
  let decoded: DecodedPublicKey
  try {
    decoded = decodePublicKeyMultibase(publicKeyMultibase)
  } catch {
    return undefined
  }
  if (decoded.type !== 'Bls12381G2') return undefined
  // The stock import names a key without an id after its controller.
  return { id: controller && !id ? `${controller}#${publicKeyMultibase}` : id, algorithm: bbsAlgorithm, publicKeyMultibase }
}

/** The stock import, which checks the Multikey document (or converts a JWK). */
async function stockImport(method: MultikeyDocument): Promise<ImportedKey> {
  const Bls12381Multikey = await import('@digitalbazaar/bls12-381-multikey')
  return Bls12381Multikey.from(method)
}

/** What the Data Integrity pipeline hands createVerifyData: the document is the credential without its proof. */
type CreateVerifyDataParameters = {
  document: Record<string, unknown>
  proof: Record<string, unknown>
  documentLoader: DocumentLoader
}

/** "createVerifyData (bbs-2023)", steps numbered as in the spec. */
async function createVerifyData(parameters: CreateVerifyDataParameters, expanded: ExpandedCredential | undefined): Promise<DerivedProofData> {
  const { document, proof, documentLoader } = parameters
  // Passed through to rdf-canonize: the work bound is ours, not the library's default.
  const options = { documentLoader, ...canonicalizationWorkBound }
  // 1. Parse the derived proof value (strict base64url, typed CBOR fields), and what its
  // feature option, if any, must prove.
  const parsed = parseDerivedProofValue(proof.proofValue)
  const { bbsProof, labelMap, mandatoryIndexes, selectiveIndexes, presentationHeader } = parsed
  const feature = readProofFeature(parsed)
  let proofHash: Uint8Array
  let statements: string[]
  try {
    // 2. proofHash: the canonical proof configuration, expanded already by the input bounds.
    const parts = expanded?.parts
    proofHash = await (await proofConfigurationOf(document, proof, documentLoader, parts?.proofConfiguration)).hash()
    // 3. Canonicalise the document, relabelling blank nodes with the issuer's labels: expanded
    // already by the input bounds when it is the document they measured.
    const labelMapFactoryFunction = createLabelMapFunction({ labelMap })
    const measured = parts && isWithoutProof(document, parts.of) ? parts.document : undefined
    statements = measured
      ? await labelReplacementCanonicalizeJsonLd({ document: measured, labelMapFactoryFunction, options: { ...options, skipExpansion: true } })
      : await labelReplacementCanonicalizeJsonLd({ document, labelMapFactoryFunction, options })
  } catch (error) {
    throw isCanonicalizationLimit(error) ? new CanonicalizationLimitError(error) : error
  }
  // 4. Split mandatory from non-mandatory N-Quads by the mandatory indexes.
  const mandatorySet = new Set(mandatoryIndexes)
  const mandatory = statements.filter((_, index) => mandatorySet.has(index))
  const nonMandatory = statements.filter((_, index) => !mandatorySet.has(index))
  // 5. mandatoryHash over the mandatory N-Quads.
  const { mandatoryHash } = await hashMandatory({ mandatory })
  const { lengthBBSMessages, pseudonym, nymDomain } = parsed
  return {
    bbsProof,
    proofHash,
    mandatoryHash,
    statements,
    nonMandatory,
    selectiveIndexes,
    presentationHeader,
    ...(feature && { feature: { feature, lengthBBSMessages, pseudonym, nymDomain } }),
  }
}

/**
 * Whether `document` is `credential` without its proof, as the pipeline hands it over (a
 * shallow copy): the same members, the very same values.
 */
function isWithoutProof(document: Record<string, unknown>, credential: Record<string, unknown>): boolean {
  const keys = Object.keys(document)
  return 'proof' in credential && !('proof' in document) && keys.length === Object.keys(credential).length - 1 && keys.every((key) => document[key] === credential[key])
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
