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
 * Expands a credential in the form the Data Integrity pipeline verifies (VC 2.0's context
 * first, one `proof` object). The whole credential is the two parts joined as expansion joins
 * them (the proof a graph under `proof`, its value one more statement): the same statements,
 * blank nodes and depth the input bounds count on the credential expanded at once. Where the
 * parts cannot be joined that way (a proof with its own `@context`, a proof value that is not a
 * string, a document that is not one node or already has a proof), it is expanded at once.
 */
export async function expandBbs2023Credential(credential: Record<string, unknown>, documentLoader: DocumentLoader): Promise<ExpandedCredential> {
  const { proof, ...document } = credential
  if (!isObject(proof) || '@context' in proof || typeof proof.proofValue !== 'string') return { whole: await expandDocument(credential, documentLoader) }
  const expanded = (await jsonld.expand(document, { documentLoader, ...expansionOptions })) as unknown[]
  const configuration = await proofConfigurationOf(document, proof, documentLoader)
  const [node] = expanded
  const [proofNode] = configuration.expanded
  if (expanded.length !== 1 || !isObject(node) || proofIri in node || configuration.expanded.length !== 1 || !isObject(proofNode)) {
    return { whole: await expandDocument(credential, documentLoader) }
  }
  const values = (proofNode[proofValueIri] as unknown[] | undefined) ?? []
  const signed = { ...proofNode, [proofValueIri]: [...values, { '@value': proof.proofValue }] }
  return { whole: [{ ...node, [proofIri]: [{ '@graph': [signed] }] }], document: { of: credential, expanded } }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
