/**
 * @module
 * "Add Derived Proof (bbs-2023)" for the feature options: the stock cryptosuite derives only
 * from a baseline base proof, so medcred groups the statements itself (with
 * @digitalbazaar/di-sd-primitives, as the stock one does), proves with its own BBS code (blind
 * proofs and proofs with pseudonym, the holder's secrets in constant time), and writes the
 * derived proof value with the feature's fields. Internal to src/suites/bbs-2023.
 *
 * - Spec: https://www.w3.org/TR/vc-di-bbs/#createdisclosuredata
 */
import {
  canonicalize,
  canonicalizeAndGroup,
  createHmac,
  createHmacIdLabelMapFunction,
  selectJsonLd,
  stripBlankNodePrefixes,
} from '@digitalbazaar/di-sd-primitives'
import { createBlindProof } from '../../bbs/createBlindProof.js'
import { createProofWithPseudonym } from '../../bbs/createProofWithPseudonym.js'
import { verifyBlindSignature } from '../../bbs/verifyBlindSignature.js'
import { verifyBlindSignatureWithNym } from '../../bbs/verifyBlindSignatureWithNym.js'
import type { DocumentLoader } from '../../contexts/types.js'
import { scalarOf } from '../../holderBinding/generateHolderSecret.js'
import type { HolderBinding } from '../../holderBinding/types.js'
import { encodeChallenge } from '../challenge.js'
import { canonicalizationWorkBound, DeriveCredentialError } from '../errors.js'
import type { DataIntegrityProof, ProofFeature, VerifiableCredential } from '../types.js'
import type { BaseProofValue } from './baseProofValue.js'
import { serializeDerivedProofValue } from './serializeDerivedProofValue.js'

export type DeriveFeatureCredentialParameters = {
  credential: VerifiableCredential
  baseProof: DataIntegrityProof
  parsed: BaseProofValue & { featureOption: ProofFeature }
  selectivePointers: string[]
  presentationHeader: Uint8Array
  holder: HolderBinding
  /** The context id (nym_domain) of the pseudonym, for the pseudonym options. */
  pseudonymContext?: string | Uint8Array | undefined
  documentLoader: DocumentLoader
}

/**
 * The bbs-2023 label map function: HMAC each canonical blank node label, then name each
 * `bN` by its HMAC's rank, so labels show nothing of the document's structure.
 */
function shuffledLabels(hmacKey: Uint8Array) {
  return async ({ canonicalIdMap }: { canonicalIdMap: Map<string, string> }) => {
    const hmacLabels = await createHmacIdLabelMapFunction({ hmac: await createHmac({ key: hmacKey }) })({ canonicalIdMap })
    const ranked = [...hmacLabels.values()].sort()
    return new Map([...hmacLabels].map(([input, label]) => [input, `b${ranked.indexOf(label)}`]))
  }
}

/** Derives a credential from a base proof with a feature option; the holder's secrets stay with it. */
export async function deriveFeatureCredential(parameters: DeriveFeatureCredentialParameters): Promise<VerifiableCredential> {
  const { credential, baseProof, parsed, selectivePointers, presentationHeader, holder, documentLoader } = parameters
  const { bbsSignature, bbsHeader, publicKey, hmacKey, mandatoryPointers, featureOption, signerNymEntropy } = parsed
  const { proof: _base, ...document } = credential
  if (mandatoryPointers.length === 0 && selectivePointers.length === 0) throw new DeriveCredentialError('nothing is selected for disclosure')
  const bound = featureOption !== 'pseudonym'
  const withNym = featureOption !== 'anonymous_holder_binding'
  const pseudonymContext = parameters.pseudonymContext === undefined ? undefined : encodeChallenge(parameters.pseudonymContext)
  if (withNym && pseudonymContext === undefined) throw new DeriveCredentialError(`a ${featureOption} credential is derived for a pseudonym context: give pseudonymContext`)

  // Group the canonical statements by mandatory, selective and both, under the issuer's HMAC labels.
  const options = { documentLoader, ...canonicalizationWorkBound }
  const combinedPointers = [...mandatoryPointers, ...selectivePointers]
  const { groups, labelMap } = await canonicalizeAndGroup<'mandatory' | 'selective' | 'combined'>({
    document,
    labelMapFactoryFunction: shuffledLabels(hmacKey),
    groups: { mandatory: mandatoryPointers, selective: selectivePointers, combined: combinedPointers },
    options,
  })
  const combinedIndexes = [...groups.combined.matching.keys()]
  const mandatoryIndexes = [...groups.mandatory.matching.keys()].map((index) => combinedIndexes.indexOf(index))
  const nonMandatoryIndexes = [...groups.mandatory.nonMatching.keys()]
  const selectiveIndexes = [...groups.selective.matching.keys()].filter((index) => !groups.mandatory.matching.has(index)).map((index) => nonMandatoryIndexes.indexOf(index))
  const messages = [...groups.mandatory.nonMatching.values()].map((statement) => new TextEncoder().encode(statement))

  // The holder's check of its signature comes first: with another holder's secret, or
  // another credential's blind, no proof it made would verify.
  const committedMessages = bound ? [holder.secret.holderSecret] : []
  const secretProverBlind = scalarOf(holder.secretProverBlind)
  const signed = { publicKey, signature: bbsSignature, header: bbsHeader, messages, committedMessages, secretProverBlind }
  const proofInput = { ...signed, presentationHeader, disclosedIndexes: selectiveIndexes }
  let bbsProof: Uint8Array
  let pseudonym: Uint8Array | undefined
  if (withNym) {
    const nymSecret = verifyBlindSignatureWithNym({ ...signed, proverNym: scalarOf(holder.secret.proverNym), signerNymEntropy: scalarOf(signerNymEntropy!) })
    if (nymSecret === undefined) throw new DeriveCredentialError("the base signature does not verify with this holder's secrets")
    ;({ proof: bbsProof, pseudonym } = createProofWithPseudonym({ ...proofInput, nymSecret, contextId: pseudonymContext! }))
  } else {
    if (!verifyBlindSignature(signed)) throw new DeriveCredentialError("the base signature does not verify with this holder's secrets")
    bbsProof = createBlindProof(proofInput)
  }

  // The verifier's canonical labels for the revealed statements, mapped to the issuer's.
  const revealed = selectJsonLd({ document, pointers: combinedPointers })
  if (revealed === null) throw new DeriveCredentialError('nothing is selected for disclosure')
  const canonicalIdMap = new Map<string, string>()
  await canonicalize(groups.combined.deskolemizedNQuads.join(''), { ...options, inputFormat: 'application/n-quads', canonicalIdMap })
  const verifierLabelMap = new Map<string, string>()
  for (const [inputLabel, verifierLabel] of stripBlankNodePrefixes(canonicalIdMap)) verifierLabelMap.set(verifierLabel, labelMap.get(inputLabel)!)

  const proofValue = serializeDerivedProofValue({
    bbsProof,
    labelMap: verifierLabelMap,
    mandatoryIndexes,
    selectiveIndexes,
    presentationHeader,
    featureOption,
    lengthBBSMessages: messages.length,
    ...(withNym ? { nymDomain: pseudonymContext!, pseudonym: pseudonym! } : {}),
  })
  // The derived proof is the base proof's options with the new value; it never carries a context of its own.
  const { '@context': _context, ...derivedProof } = { ...baseProof, proofValue } as DataIntegrityProof & { '@context'?: unknown }
  return { ...revealed, proof: derivedProof } as VerifiableCredential
}
