/**
 * @module
 * A bbs-2023 credential expanded for the input bounds in the two parts its proof check
 * canonicalises: the document (the credential without `proof`) and the proof configuration.
 * The check then reuses both instead of expanding them again, and the configuration, the
 * costly part (its type- and property-scoped contexts), is one an issuer repeats
 * (proofConfiguration.ts). Internal.
 */
import jsonld from 'jsonld'
import type { DocumentLoader } from '../../contexts/types.js'
import { expandDocument } from '../inputBounds/statementCounts.js'
import type { ExpandedCredential } from '../types.js'
import { expansionOptions, proofConfigurationOf } from './proofConfiguration.js'

const proofIri = 'https://w3id.org/security#proof'
const proofValueIri = 'https://w3id.org/security#proofValue'

/**
 * Stands in for the proof while the document is expanded: a node with a type and nothing a
 * context scopes, so expansion says where the credential's `proof` lands, and whether the
 * credential defines it there, for the cost of the document alone.
 */
const placeholderIri = 'urn:medcred:expansion:proof'
const placeholder = { '@id': placeholderIri, '@type': placeholderIri }

/**
 * Expands a credential in the form the Data Integrity pipeline verifies (VC 2.0's context
 * first, one `proof` object). The document is expanded with a placeholder for its proof; the
 * placeholder taken out, it is the document's own expansion, and the proof configuration's
 * put in its place (its value one more statement) it is the whole credential as the proof
 * check canonicalises it, which the input bounds count. Where that cannot be read off (a proof
 * with its own `@context`, a proof value that is not a string, a `proof` that lands elsewhere
 * or beside other proofs, a document whose node would be dropped on its own), the credential is
 * expanded at once.
 */
export async function expandBbs2023Credential(credential: Record<string, unknown>, documentLoader: DocumentLoader): Promise<ExpandedCredential> {
  const atOnce = async () => ({ whole: await expandDocument(credential, documentLoader) })
  const { proof, ...document } = credential
  if (!isObject(proof) || '@context' in proof || typeof proof.proofValue !== 'string') return atOnce()
  const withPlaceholder = (await jsonld.expand({ ...document, proof: placeholder }, { documentLoader, ...expansionOptions })) as unknown[]
  const configuration = await proofConfigurationOf(document, proof, documentLoader)
  const [node] = withPlaceholder
  const [proofNode] = configuration.expanded
  if (withPlaceholder.length !== 1 || !isObject(node) || configuration.expanded.length !== 1 || !isObject(proofNode)) return atOnce()
  const { [proofIri]: proofs, ...rest } = node
  // Expansion drops a top-level node with nothing but an `@id`: the document's would be.
  if (!Array.isArray(proofs) || proofs.length !== 1 || !isPlaceholderGraph(proofs[0]) || Object.keys(rest).every((key) => key === '@id')) return atOnce()
  const values = (proofNode[proofValueIri] as unknown[] | undefined) ?? []
  const signed = { ...proofNode, [proofValueIri]: [...values, { '@value': proof.proofValue }] }
  return { whole: [{ ...rest, [proofIri]: [{ '@graph': [signed] }] }], parts: { of: credential, document: [rest], proofConfiguration: configuration } }
}

/** Whether `value` is the placeholder expanded: a graph of the one node, as written. */
function isPlaceholderGraph(value: unknown): boolean {
  if (!isObject(value) || Object.keys(value).length !== 1 || !Array.isArray(value['@graph']) || value['@graph'].length !== 1) return false
  const [inner] = value['@graph'] as unknown[]
  if (!isObject(inner) || Object.keys(inner).length !== 2 || inner['@id'] !== placeholderIri) return false
  const types = inner['@type']
  return Array.isArray(types) && types.length === 1 && types[0] === placeholderIri
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
