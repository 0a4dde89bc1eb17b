/**
 * @module
 * Finds the suite of a credential's proof, in whichever JSON-LD form the credential came. The
 * Data Integrity pipeline finds a proof under the `proof` term of a document that names its
 * data model's context first; a credential in another form (expanded, flattened, `@type` for
 * `type`, an inline copy of a context) is flattened, nested again from its credential node and
 * compacted with each suite's own contexts until one owns its proof. These steps keep the
 * graph, and the proof covers only the graph, so this never changes a verdict. Internal to
 * src/verify.
 */
import jsonld from 'jsonld'
import type { DocumentLoader } from '../contexts/types.js'
import { type ProofSuite, proofSuiteOf, proofSuites } from '../suites/registry.js'
import { fail, failureOf, pass } from './checks/check.js'
import { UntrustedInputError } from './errors.js'
import { unsupportedProof } from './checks/checkProof.js'
import type { VerificationCheck } from './types.js'

/** The credential in the form its suite verifies, or the failed `input`/`proof` check. */
export type ProofSuiteFound = { credential: Record<string, unknown>; suite: ProofSuite } | { failed: VerificationCheck }

/**
 * @param expanded - the credential already expanded (jsonld.expand), when the caller has it:
 *   flattening starts from it instead of expanding again
 */
export async function findProofSuite(credential: Record<string, unknown>, documentLoader: DocumentLoader, expanded?: readonly unknown[]): Promise<ProofSuiteFound> {
  const proof = credential.proof
  const suite = pipelineSuiteOf(credential)
  if (suite) return { credential, suite }
  let nested: Record<string, unknown> | undefined
  try {
    nested = nestFromCredential(await jsonld.flatten((expanded ?? credential) as Record<string, unknown>, null, { documentLoader, safe: true }))
  } catch (error) {
    return { failed: notJsonLd(credential, error).at(-1)! }
  }
  for (const suite of nested ? proofSuites : []) {
    let compacted: Record<string, unknown>
    try {
      compacted = await jsonld.compact(nested!, [...suite.contexts], { documentLoader, safe: true })
    } catch (error) {
      return { failed: notJsonLd(credential, error).at(-1)! }
    }
    if (isObject(compacted.proof) && suite.owns(compacted.proof)) return { credential: { ...compacted, '@context': [...suite.contexts] }, suite }
  }
  if (isObject(proof)) return { failed: unsupportedProof(proof) }
  return { failed: fail('input', 'ERR_VERIFY_CREDENTIAL_MALFORMED', 'The credential is malformed: it must carry exactly one proof object.') }
}

/** The suite of a credential already in the form the Data Integrity pipeline reads, if it is. */
export function pipelineSuiteOf(credential: Record<string, unknown>): ProofSuite | undefined {
  const { proof, '@context': context } = credential
  const suite = isObject(proof) ? proofSuiteOf(proof) : undefined
  return suite && Array.isArray(context) && context[0] === suite.contexts[0] ? suite : undefined
}

/**
 * The checks of a credential that is not valid JSON-LD, as verification has always reported
 * it: one already in its suite's form passes `input` and fails `proof` (its proof check would
 * fail on the same error); any other fails `input`, or names its unsupported proof.
 */
export function notJsonLd(credential: Record<string, unknown>, error: unknown): VerificationCheck[] {
  if (pipelineSuiteOf(credential)) return [pass('input'), failureOf('proof', error, { code: 'ERR_VERIFY_PROOF_INVALID', message: 'The credential proof does not verify.' })]
  const { proof } = credential
  if (isObject(proof) && !proofSuiteOf(proof) && typeof proof.type === 'string') return [unsupportedProof(proof)]
  return [failureOf('input', error, { code: 'ERR_VERIFY_CREDENTIAL_MALFORMED', message: 'The credential is not valid JSON-LD.' })]
}

const verifiableCredentialIri = 'https://www.w3.org/2018/credentials#VerifiableCredential'

/** Deepest nesting rebuilt from node references, as readUntrustedJson bounds the JSON's own. */
const maxNesting = 32

/**
 * Nests a flattened document (jsonld.flatten's node list) under its one VerifiableCredential
 * node: each node in place of its first reference (later ones stay references, which name the
 * same node), a reference to a named graph (the proof) replaced by that graph. Each node is
 * placed once, so the work is linear in the document. `undefined` when no single credential
 * node exists.
 *
 * @throws {UntrustedInputError} `ERR_VERIFY_INPUT_TOO_DEEP` when following references nests
 *   deeper than the JSON itself may.
 */
function nestFromCredential(flat: Record<string, unknown>[]): Record<string, unknown> | undefined {
  const roots = flat.filter((node) => ([] as unknown[]).concat(node['@type'] ?? []).includes(verifiableCredentialIri))
  return roots.length === 1 ? nestGraph(flat, roots, 0)[0] : undefined
}

/** The `tops` of one graph's nodes, with the nodes they reference nested in them. */
function nestGraph(nodes: Record<string, unknown>[], tops: Record<string, unknown>[], depth: number): Record<string, unknown>[] {
  const byId = new Map(nodes.map((node) => [node['@id'] as string, node]))
  const placed = new Set(tops.map((node) => node['@id'] as string))
  const expand = (node: Record<string, unknown>, level: number): Record<string, unknown> => {
    if (level > maxNesting) {
      throw new UntrustedInputError({ reason: 'referencesTooDeep', maxNesting })
    }
    return Object.fromEntries(Object.entries(node).map(([key, values]) => [key, key.startsWith('@') ? values : (values as unknown[]).map((value) => inline(value, level + 1))]))
  }
  const inline = (value: unknown, level: number): unknown => {
    const reference = isObject(value) && Object.keys(value).length === 1 ? value['@id'] : undefined
    const id = typeof reference === 'string' ? reference : ''
    const target = byId.get(id)
    if (!target || placed.has(id)) return value
    placed.add(id)
    // A named graph in place of its reference: a simple graph object, as the compact form writes
    // it, its own nodes nested under those nothing in it references.
    const graph = target['@graph']
    if (Array.isArray(graph)) {
      const inner = graph as Record<string, unknown>[]
      const referenced = new Set(inner.flatMap((node) => Object.values(node).flat().flatMap((item) => (isObject(item) && typeof item['@id'] === 'string' ? [item['@id']] : []))))
      return { '@graph': nestGraph(inner, inner.filter((node) => !referenced.has(node['@id'] as string)), level) }
    }
    return expand(target, level)
  }
  return tops.map((top) => expand(top, depth))
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
