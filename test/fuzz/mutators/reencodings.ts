/**
 * Re-encodings of the pool's valid presentations (#test/jsonLdReencodings): the same signed
 * statements in another JSON-LD form. A verifier that judges the statements treats each as the
 * original it came from (accepted or refused alike, with the same notice: the presentation hash
 * is the proof's, so it is the original's too), which the invariants check against the case's
 * `source` (test/fuzz/groundTruth.ts): they never read the submitted JSON. Each case also
 * names its `original` payload, which the runner submits to a copy of the same state: both must
 * get the same verdict, code and outputs.
 *
 * 're-encoded': inline contexts, id-only nodes, shuffled keys and arrays, and their composition.
 * 're-encoded (JSON shape)': expanded, flattened, values in arrays, @id/@type, integers as
 * strings, split nodes, and compositions (every entry of the fixture's `reencodings` list is
 * drawn by one of the two). Its `prepare` computes the expanded and flattened forms once per
 * pool presentation (jsonld.js is asynchronous, fast-check's map is not).
 * 're-encoded (proof value)': the bbs-2023 proof value's other valid encodings.
 */
import * as cborg from 'cborg'
import fc from 'fast-check'
import { createDocumentLoader } from '../../../src/contexts/createDocumentLoader.js'
import {
  expanded,
  flattened,
  idOnlyNodes,
  inlinedContexts,
  integersAsStrings,
  keywordSpellings,
  shuffled,
  splitNode,
  wrappedInArrays,
} from '../../fixtures/jsonLdReencodings.js'
import type { Mutator } from '../fuzzCase.js'
import type { FuzzPool, PoolPresentation } from '../fuzzPool.js'
import { pathsOf, getAt } from './jsonPaths.js'
import { presentationMutator } from './presentation.js'

type Json = Record<string, unknown>

const pick = <Item>(items: readonly Item[], n: number): Item => items[n % items.length] as Item

const reencodedForms: Mutator = presentationMutator(
  're-encoded',
  2,
  () => fc.record({ op: fc.integer({ min: 0, max: 3 }), seed: fc.integer() }),
  ({ presentation: { json } }, { op, seed }) => {
    switch (op) {
      case 0:
        return inlinedContexts(json)
      case 1:
        return idOnlyNodes(json)
      case 2:
        return shuffled(json, seed)
      default:
        return shuffled(idOnlyNodes(inlinedContexts(json)), seed)
    }
  },
)

/** Each case names the pool payload it re-encodes: the runner checks both get one verdict. */
const withOriginal = (mutator: Mutator): Mutator => ({
  ...mutator,
  arbitrary: (pool) =>
    mutator.arbitrary(pool).map((fuzzCase) => {
      const original = pool.inputs.find((input) => input.presentation !== undefined && input.presentation === fuzzCase.source)
      if (!original) throw new Error(`${mutator.category}: a case without its pool presentation`)
      return { ...fuzzCase, original: original.payload }
    }),
})

export const reencodedMutator: Mutator = withOriginal(reencodedForms)

/** Expanded and flattened forms of each pool presentation, computed once by `prepare`. */
const prepared = new Map<PoolPresentation, { expanded: Json; flattened: Json }>()

/** JSON pointers of the node objects of the subject (itself included) that have a property to split off. */
function splittableNodes(json: Json): string[] {
  return [['credentialSubject'] as const, ...pathsOf(json.credentialSubject, ['credentialSubject'])]
    .filter((path) => {
      const node = getAt(json, path)
      return node !== null && typeof node === 'object' && !Array.isArray(node) && Object.keys(node).some((key) => key !== 'id' && key !== 'type')
    })
    .map((path) => `/${path.join('/')}`)
}

const shapeMutator = presentationMutator(
  're-encoded (JSON shape)',
  3,
  () => fc.record({ op: fc.integer({ min: 0, max: 10 }), seed: fc.integer(), at: fc.nat() }),
  ({ presentation }, { op, seed, at }) => {
    const { json } = presentation
    const forms = prepared.get(presentation)
    if (!forms) throw new Error('re-encoded (JSON shape): prepare() did not run for this pool')
    switch (op) {
      case 0:
        return forms.expanded
      case 1:
        return forms.flattened
      case 2:
        return wrappedInArrays(json)
      case 3:
        return keywordSpellings(json)
      case 4:
        return integersAsStrings(json)
      case 5: {
        const nodes = splittableNodes(json)
        return nodes.length === 0 ? json : splitNode(json, pick(nodes, at))
      }
      case 6:
        return shuffled(wrappedInArrays(keywordSpellings(forms.expanded)), seed)
      case 7:
        // The fixture's composition: inline contexts, @id/@type, values in arrays, shuffled.
        return shuffled(wrappedInArrays(keywordSpellings(inlinedContexts(json))), seed)
      case 8:
        return shuffled(forms.expanded, seed)
      case 9:
        return shuffled(forms.flattened, seed)
      default: {
        // Integers as strings and id-only nodes, one node split, then shuffled.
        const nodes = splittableNodes(json)
        const base = integersAsStrings(idOnlyNodes(json))
        return shuffled(nodes.length === 0 ? base : splitNode(base, pick(nodes, at)), seed)
      }
    }
  },
)

/** JSON-shape re-encodings, with their preparation. */
export const reencodedShapeMutator: Mutator = {
  ...withOriginal(shapeMutator),
  async prepare(pool: FuzzPool) {
    const documentLoader = createDocumentLoader()
    for (const input of pool.inputs) {
      const { presentation } = input
      if (!presentation || prepared.has(presentation)) continue
      prepared.set(presentation, { expanded: await expanded(presentation.json, documentLoader), flattened: await flattened(presentation.json, documentLoader) })
    }
  },
}

/**
 * The proof value written another way that reads the same: byte strings under CBOR tag 64; a
 * pseudonym proof without nym_domain (seven components, as the W3C vectors write it); a proof
 * that proves `pseudonym` under holder_binding_pseudonym's header (as the W3C Pseudonym vector
 * does). The BBS proof inside is untouched, so the notice names the original.
 */
const proofValueForms = presentationMutator(
  're-encoded (proof value)',
  1,
  () => fc.integer({ min: 0, max: 2 }),
  ({ presentation }, op) => {
    const json = structuredClone(presentation.json)
    const proof = json.proof as { cryptosuite?: unknown; proofValue: string }
    if (proof.cryptosuite !== 'bbs-2023') return json
    const bytes = Buffer.from(proof.proofValue.slice(1), 'base64url')
    let header = bytes[2] as number
    let components = cborg.decode(bytes.subarray(3), { useMaps: true }) as unknown[]
    const pseudonymProof = presentation.proofFeature === 'pseudonym' || presentation.proofFeature === 'holder_binding_pseudonym'
    if (op === 1 && pseudonymProof && components.length === 8) components = [...components.slice(0, 5), ...components.slice(6)]
    if (op === 2 && presentation.proofFeature === 'pseudonym') header = 0x09
    const options = op === 0 ? { typeEncoders: { Uint8Array: (value: Uint8Array) => [new cborg.Token(cborg.Type.tag, 64), new cborg.Token(cborg.Type.bytes, value)] } } : undefined
    proof.proofValue = `u${Buffer.from([0xd9, 0x5d, header, ...cborg.encode(components, options)]).toString('base64url')}`
    return json
  },
)

export const reencodingMutators: Mutator[] = [reencodedMutator, reencodedShapeMutator, withOriginal(proofValueForms)]
