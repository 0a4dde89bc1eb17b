/**
 * Hostile credentials: the shapes that cost a verifier the most for their size, each grown to
 * fill a byte budget (the Cartesi verifier's largest input, or the in-process default). Their
 * proofs are copied from a real credential, not made for them: the bounds must refuse them
 * before any proof is checked, so a valid proof would change nothing but the cost of making
 * them. Shared by test/verifier/hostileInputs.test.ts, test/unit/verify/workLimits.test.ts and
 * bench/machine/hostileInputs.ts.
 */
import { encode } from 'cborg'
import { base64url } from 'jose'
import { parseDerivedProofValue } from '../../src/suites/bbs-2023/parseDerivedProofValue.js'

type Json = Record<string, unknown>

/** The hostile shapes, each refused by one bound. */
export type HostileShape =
  /** Thousands of identical blank nodes under one blank node. */
  | 'blankNodes'
  /** Thousands of statements about IRIs (no blank node), each a BBS message the proof claims to reveal. */
  | 'statements'
  /** A proof value that claims thousands of undisclosed BBS messages. */
  | 'messages'
  /** A BbsBlsSignature2020 credential with thousands of blank nodes (the legacy suite signs every statement). */
  | 'legacy2020'
  /** Objects nested thousands deep. */
  | 'deepNesting'
  /** A chain of node references thousands long, in flattened form: shallow JSON, a deep graph. */
  | 'deepReferences'
  /** Thousands of objects typed DataIntegrityProof: jsonld.js processes that type's scoped context for each. */
  | 'scopedContexts'

export const hostileShapes: readonly HostileShape[] = ['blankNodes', 'statements', 'messages', 'legacy2020', 'deepNesting', 'deepReferences', 'scopedContexts']

/** What the shapes are made from: a bbs-2023 derived credential and a BbsBlsSignature2020 one. */
export type HostileBase = { derived: Json; legacy: Json }

/**
 * The shape grown as large as fits: `fits(text)` says whether a candidate is within the budget
 * (a byte count, or the whole Cartesi input it would be sent in).
 */
export function growHostile(shape: HostileShape, base: HostileBase, fits: (text: string) => boolean): { text: string; size: number } {
  const build = (n: number) => buildHostile(shape, base, n)
  if (!fits(build(1))) throw new Error(`even the smallest ${shape} credential does not fit`)
  // The largest n that fits: doubling, then bisection.
  let low = 1
  let high = 2
  while (fits(build(high))) [low, high] = [high, high * 2]
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2)
    if (fits(build(middle))) low = middle
    else high = middle
  }
  return { text: build(low), size: low }
}

/** The shape with `n` units (blank nodes, statements, messages, levels, references, typed objects), as JSON text. */
export function buildHostile(shape: HostileShape, base: HostileBase, n: number): string {
  return shape === 'deepNesting' ? deepNesting(base, n) : JSON.stringify(builders[shape](base, n))
}

/** A property no context defines, written as a full IRI (which safe mode accepts anywhere). */
const hostileProperty = 'https://hostile.example/p'

/** Fits within `maxBytes` of UTF-8 JSON text. */
export const withinBytes = (maxBytes: number) => (text: string) => Buffer.byteLength(text, 'utf8') <= maxBytes

const builders: Record<Exclude<HostileShape, 'deepNesting'>, (base: HostileBase, n: number) => Json> = {
  blankNodes: ({ derived }, n) => ({ ...structuredClone(derived), evidence: { [hostileProperty]: Array.from({ length: n }, () => ({})) } }),
  statements: ({ derived }, n) => {
    const credential = structuredClone(derived)
    const evidence = Array.from({ length: n }, (_, i) => `urn:e:${i}`)
    // Every statement claimed revealed, so that a verifier without bounds reaches the BBS check.
    return { ...credential, evidence, proof: { ...(credential.proof as Json), proofValue: rewriteProofValue(derived, { selective: n + 64 }) } }
  },
  messages: ({ derived }, n) => {
    const credential = structuredClone(derived)
    return { ...credential, proof: { ...(credential.proof as Json), proofValue: rewriteProofValue(derived, { undisclosed: n }) } }
  },
  // VC 1.1 reads `degree` and `school` with the licence context, at any depth.
  legacy2020: ({ legacy }, n) => ({ ...structuredClone(legacy), degree: { degree: Array.from({ length: n }, () => ({ school: 'x' })) } }),
  deepReferences: ({ derived }, n) => {
    // The credential, flattened by hand: its own node references the first of a chain of n.
    const { '@context': context, proof, ...credential } = structuredClone(derived)
    const chain = Array.from({ length: n }, (_, i) => ({ id: `urn:n:${i}`, [hostileProperty]: { id: `urn:n:${i + 1}` } }))
    return { '@context': context, '@graph': [{ ...credential, evidence: { id: 'urn:n:0' }, proof }, ...chain] }
  },
  scopedContexts: ({ derived }, n) => ({ ...structuredClone(derived), evidence: Array.from({ length: n }, () => ({ type: 'DataIntegrityProof' })) }),
}

/** Written as text: no JSON library is asked to recurse that deep to make it. */
function deepNesting({ derived }: HostileBase, n: number): string {
  const text = JSON.stringify(derived)
  return `${text.slice(0, -1)},"evidence":${'{"evidence":'.repeat(n)}{"name":"x"}${'}'.repeat(n)}}`
}

/**
 * The derived proof value of `derived`, with `undisclosed` extra undisclosed messages (copies of
 * a response scalar it has) and/or `selective` selective indexes (0, 1, …), or its challenge
 * `tamper`ed: a value a parser accepts and whose BBS proof has valid points, so that only the
 * BBS check could refuse it, at its very end.
 */
export function rewriteProofValue(derived: Json, change: { undisclosed?: number; selective?: number; tamper?: boolean }): string {
  const parsed = parseDerivedProofValue((derived.proof as Json).proofValue)
  const proof = parsed.bbsProof
  // Abar, Bbar, D (48 bytes each), e^, r1^, r3^, the m^ of each undisclosed message, c (32 each).
  const head = proof.subarray(0, 3 * 48 + 3 * 32)
  const responses = proof.subarray(head.length, proof.length - 32)
  const challenge = proof.subarray(proof.length - 32)
  const response = head.subarray(3 * 48, 3 * 48 + 32)
  const undisclosed = change.undisclosed ?? 0
  const bbsProof = new Uint8Array(head.length + responses.length + 32 * undisclosed + challenge.length)
  bbsProof.set(head, 0)
  bbsProof.set(responses, head.length)
  for (let i = 0; i < undisclosed; i++) bbsProof.set(response, head.length + responses.length + 32 * i)
  bbsProof.set(challenge, bbsProof.length - challenge.length)
  // A low bit of the challenge scalar: still a scalar, so only the last step of the check fails.
  if (change.tamper) bbsProof[bbsProof.length - 1]! ^= 1
  const labelMap = new Map([...parsed.labelMap].map(([from, to]) => [Number(from.slice(4)), Number(to.slice(1))]))
  const selective = change.selective === undefined ? parsed.selectiveIndexes : Array.from({ length: change.selective }, (_, i) => i)
  const body = encode([bbsProof, labelMap, change.selective === undefined ? parsed.mandatoryIndexes : [], selective, parsed.presentationHeader])
  const value = new Uint8Array(3 + body.length)
  value.set([0xd9, 0x5d, 0x03], 0)
  value.set(body, 3)
  return `u${base64url.encode(value)}`
}
