/**
 * @module
 * The messages of the BbsBlsSignature2020 suites. Each BBS+ message is one canonical N-Quad
 * statement: first those of the proof options, then those of the document, each group sorted
 * as the canonicalization algorithm (URDNA2015, now RDFC-1.0) outputs it. Internal to
 * src/suites/bbs-2020.
 *
 * - Spec: https://w3c-ccg.github.io/ldp-bbs2020/#create-verify-data-algorithm
 */
import jsonld from 'jsonld'
import type { DocumentLoader } from '../../contexts/types.js'
import { bbsContext, blankNodePlaceholderPrefix, signatureProofType } from './constants.js'
import { Bbs2020ProofError } from './errors.js'
import { CanonicalizationLimitError, canonicalizationWorkBound, isCanonicalizationLimit } from '../errors.js'

/**
 * A document's canonical N-Quads, one statement a line. Safe mode: a term the contexts do not
 * define throws rather than being dropped, since what is dropped would not be signed. Within
 * the work bound ({@link canonicalizationWorkBound}), else {@link CanonicalizationLimitError}.
 *
 * @param canonicalIdMap - when given, receives each input blank node id -> its canonical label
 */
export async function canonicalStatements(
  document: Record<string, unknown> | string,
  documentLoader: DocumentLoader,
  canonicalIdMap?: Map<string, string>,
): Promise<string[]> {
  // A derived credential may reveal no statement at all; safe mode calls that an empty object.
  if (typeof document !== 'string' && Object.keys(document).every((key) => key === '@context')) return []
  // The work bound rides along with the label map (the option type here names only the map).
  const canonizeOptions = { ...canonicalizationWorkBound, ...(canonicalIdMap ? { canonicalIdMap } : {}) }
  let nquads: string
  try {
    nquads = await jsonld.canonize(document, {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      documentLoader,
      safe: true,
      ...(typeof document === 'string' ? { inputFormat: 'application/n-quads' as const } : {}),
      canonizeOptions,
    })
  } catch (error) {
    throw isCanonicalizationLimit(error) ? new CanonicalizationLimitError(error) : error
  }
  return nquads.split('\n').filter((line) => line.length > 0)
}

/**
 * The statements of a proof's options: the proof without `proofValue` and `nonce`, typed as
 * the signature it is or derives from, read with the suite context (the same RDF that
 * jsonld-signatures 7 read with the security v2 context).
 */
export async function proofOptionStatements(proof: Record<string, unknown>, documentLoader: DocumentLoader): Promise<string[]> {
  const { proofValue: _value, nonce: _nonce, ...options } = proof
  return canonicalStatements({ ...options, '@context': bbsContext, type: signatureProofType }, documentLoader)
}

const placeholderPattern = new RegExp(`^<${blankNodePlaceholderPrefix}(_:c14n\\d+)>$`)

/**
 * The signed statements a derived document reveals, in signing order: its canonical N-Quads
 * with every `urn:bnid:_:c14nN` node turned back into the blank node `_:c14nN` it stands for.
 *
 * Sorting again after that restores the issuer's order: `_:` sorts after `<`, so a derived
 * statement about `<urn:bnid:_:c14n0>` may sort before one about `<urn:uuid:...>` although the
 * issuer's statement about `_:c14n0` came after it (MATTR's verifier keeps the derived order
 * and so fails on such credentials; the revealed messages must be given in signing order).
 *
 * @throws {Bbs2020ProofError} when the document has a node with neither an `id` nor a
 *   placeholder: its label would be chosen by this canonicalization, not the issuer's.
 */
export async function revealedStatements(document: Record<string, unknown>, documentLoader: DocumentLoader): Promise<string[]> {
  const statements = await canonicalStatements(document, documentLoader)
  return statements
    .map((statement) =>
      mapNodeTerms(statement, (term) => {
        if (term.startsWith('_:')) throw new Bbs2020ProofError(new Error('a revealed node has no id and no urn:bnid placeholder'))
        return placeholderPattern.exec(term)?.[1] ?? term
      }),
    )
    .sort()
}

/**
 * Rewrites the node terms (subject, object unless a literal, graph) of one canonical N-Quad.
 * Literals are left alone even when their text looks like a node.
 */
export function mapNodeTerms(statement: string, map: (term: string) => string): string {
  const end = statement.endsWith(' .') ? statement.length - 2 : statement.length
  const subjectEnd = statement.indexOf(' ')
  const predicateEnd = statement.indexOf(' ', subjectEnd + 1)
  const objectStart = predicateEnd + 1
  let objectEnd: number
  if (statement[objectStart] === '"') {
    // A literal: up to its closing quote (escaped quotes are `\"`), then any ^^<datatype> or @lang.
    let i = objectStart + 1
    while (i < end && statement[i] !== '"') i += statement[i] === '\\' ? 2 : 1
    const space = statement.indexOf(' ', i)
    objectEnd = space === -1 || space > end ? end : space
  } else {
    const space = statement.indexOf(' ', objectStart)
    objectEnd = space === -1 || space > end ? end : space
  }
  const subject = statement.slice(0, subjectEnd)
  const predicate = statement.slice(subjectEnd + 1, predicateEnd)
  const object = statement.slice(objectStart, objectEnd)
  const graph = objectEnd < end ? statement.slice(objectEnd + 1, end) : undefined
  return [
    map(subject),
    predicate,
    object.startsWith('"') ? object : map(object),
    ...(graph === undefined ? [] : [map(graph)]),
    '.',
  ].join(' ')
}
