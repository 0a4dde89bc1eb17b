/**
 * @module
 * The verified view: what a credential says, read from the statements its proof covers and
 * nothing else. Every check after the proof reads it, and callers get its `credential` and
 * `credentialSubject` as the result. Internal to src/verify.
 */
import type { PinnedContext } from '../../contexts/types.js'
import type { ProofSuite } from '../../suites/registry.js'
import { SignedGraphError } from './errors.js'
import { projectSignedGraph } from './projectSignedGraph.js'
import { readingContextFor } from './readingContext.js'
import { rdfType, readSignedGraph } from './readSignedGraph.js'

/** A credential as its signed statements say it, in medcred's canonical JSON. */
export type VerifiedView = {
  /** The credential node: issuer, types, validity, status, subject, as signed. */
  credential: Record<string, unknown>
  /** The issuer's IRI (DID). */
  issuer: string | undefined
  /** The credential's types as terms (full IRIs where medcred has no term). */
  types: string[]
  /**
   * The one credentialSubject, always an object (an IRI-only subject is `{ id }`, a subject the
   * holder disclosed nothing of `{}`).
   */
  subject: Record<string, unknown>
}

/**
 * Reads the signed statements of a verified proof, with medcred's contexts and, for a credential
 * type medcred does not know, the verifier's `pinned` ones.
 *
 * @throws {SignedGraphError} `ERR_VERIFY_CREDENTIAL_MALFORMED` when they are not one credential
 *   with one subject.
 */
export async function createVerifiedView(statements: readonly string[], suite: ProofSuite, pinned: readonly PinnedContext[] = []): Promise<VerifiedView> {
  const graph = readSignedGraph(statements)
  const typeIris = (graph.nodes.get(graph.credential)?.get(rdfType) ?? []).flatMap((object) => (object.kind === 'node' ? [object.key] : []))
  const credential = await projectSignedGraph(graph, await readingContextFor(suite.contexts, typeIris, pinned))
  const subject = credential.credentialSubject ?? {}
  if (Array.isArray(subject) || subject === null || (typeof subject !== 'string' && typeof subject !== 'object')) {
    throw new SignedGraphError(Array.isArray(subject) ? 'it has several credentialSubjects' : 'its credentialSubject is not a node')
  }
  const issuer = credential.issuer
  return {
    credential,
    issuer: typeof issuer === 'string' ? issuer : typeof (issuer as { id?: unknown } | null)?.id === 'string' ? (issuer as { id: string }).id : undefined,
    types: ([] as unknown[]).concat(credential.type ?? []).map(String),
    subject: typeof subject === 'string' ? { id: subject } : (subject as Record<string, unknown>),
  }
}
