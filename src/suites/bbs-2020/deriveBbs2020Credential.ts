/**
 * @module
 * Derives a selectively disclosed credential from a BbsBlsSignature2020 credential: a
 * BbsBlsSignatureProof2020 that reveals the chosen fields (and what every verifier needs),
 * in the wire format deployed 2020 verifiers read. Nested objects without an `id` work.
 */
import { bytesToHex } from '@noble/hashes/utils'
import { base64 } from '@scure/base'
import jsonld from 'jsonld'
import type { DocumentLoader } from '../../contexts/types.js'
import { RevealPathError } from '../../disclosure/errors.js'
import { mandatoryPointersFor } from '../../disclosure/mandatoryPointers.js'
import { getByJsonPointer, toJsonPointer } from '../../disclosure/toJsonPointer.js'
import { DeriveCredentialError, deriveRefusal, reasonOf } from '../errors.js'
import { boundDocument } from '../inputBounds/boundDocument.js'
import type { InputLimits } from '../../verify/types.js'
import type { VerifiableCredential } from '../types.js'
import { proveStatements } from './bbsPlus.js'
import { bbs2020ProofKind, blankNodePlaceholderPrefix, derivedProofType } from './constants.js'
import { encodeChallenge } from '../challenge.js'
import { resolveIssuerKey } from './resolveIssuerKey.js'
import { nameBlankNodes, renameIds, selectPointers } from './revealDocument.js'
import { canonicalStatements, mapNodeTerms, proofOptionStatements, revealedStatements } from './statements.js'

export type DeriveBbs2020CredentialParameters = {
  /** The credential with its BbsBlsSignature2020 proof, as the issuer handed it over. */
  credential: VerifiableCredential
  /**
   * What to reveal, as friendly paths (`credentialSubject.vaccine.targetDisease`) or JSON
   * pointers. The issuer, type, validity dates and status are revealed whatever this says.
   * Revealing a field also reveals the `id` and `type` of every object on its path.
   */
  reveal: readonly string[]
  /**
   * The proof's nonce: the verifier's challenge (a string, encoded as UTF-8) or raw bytes, so
   * the derived credential is good for that verifier only. 32 random bytes when not given.
   */
  nonce?: string | Uint8Array | undefined
  /** Loads contexts and the issuer's verification method (the DID resolver's). */
  documentLoader: DocumentLoader
  /**
   * Bounds on the credential, checked before any canonicalisation or BBS work (its callers may
   * be strangers: `medcred serve`). Defaults as for verification (see {@link InputLimits}).
   */
  limits?: InputLimits | undefined
}

/** Fields of a VC 1.1 credential that every verifier needs, on top of {@link mandatoryPointersFor}. */
const vc1Pointers = ['/issuanceDate', '/expirationDate']

/**
 * Derives a credential that reveals only the chosen fields, with a BbsBlsSignatureProof2020.
 *
 * Each revealed object that has no `id` gets `urn:bnid:_:c14nN`, the blank node label the
 * issuer's canonicalization gave it: that is how the 2020 format lets a verifier rebuild the
 * signed statements (docs/bbs-2020.md).
 *
 * - Spec: https://w3c-ccg.github.io/ldp-bbs2020/#derive-proof-algorithm
 *
 * @param parameters - {@link DeriveBbs2020CredentialParameters}
 * @returns the derived credential, with a proof verifiers can check
 * @throws {RevealPathError} `ERR_DISCLOSURE_PATH_INVALID` when a path is malformed, names
 *   nothing in the credential, or names its proof.
 * @throws {DeriveCredentialError} `ERR_DERIVE_FAILED` when the credential has no usable
 *   BbsBlsSignature2020 proof, its key cannot be resolved, or its JSON-LD cannot be disclosed
 *   field by field (an RDF list, a JSON literal); `ERR_DERIVE_INPUT_TOO_DEEP` or
 *   `ERR_DERIVE_INPUT_TOO_LARGE` when it is over `limits`.
 *
 * @example
 * ```ts
 * import { deriveBbs2020Credential } from 'medcred'
 * const shown = await deriveBbs2020Credential({
 *   credential, reveal: ['credentialSubject.vaccine.targetDisease'], nonce: challenge, documentLoader,
 * })
 * ```
 */
export async function deriveBbs2020Credential(parameters: DeriveBbs2020CredentialParameters): Promise<VerifiableCredential> {
  const { credential, reveal, nonce, documentLoader } = parameters
  await boundDocument(credential, documentLoader, parameters.limits, deriveRefusal)
  const requested = reveal.map((path) => {
    const pointer = toJsonPointer(path)
    if (getByJsonPointer(credential, pointer) === undefined) throw new RevealPathError(path, 'the credential has no such field')
    if (pointer === '/proof' || pointer.startsWith('/proof/')) throw new RevealPathError(path, 'the proof is replaced, not revealed')
    return pointer
  })
  const { proof, ...document } = credential as Record<string, unknown>
  const signed = proof as Record<string, unknown> | undefined
  if (bbs2020ProofKind(signed?.type) !== 'signature' || typeof signed?.proofValue !== 'string' || typeof signed.verificationMethod !== 'string') {
    throw new DeriveCredentialError('the credential has no BbsBlsSignature2020 proof')
  }
  const mandatory = [...mandatoryPointersFor(credential), ...vc1Pointers.filter((p) => getByJsonPointer(credential, p) !== undefined)]
  const pointers = [...new Set([...mandatory, ...requested])]
  try {
    // 1. The signed messages: proof option statements, then document statements.
    const proofStatements = await proofOptionStatements(signed, documentLoader)
    const documentStatements = await canonicalStatements(document, documentLoader)
    // 2. Name every node, and learn each name's canonical label: canonicalise the named
    //    document with those names made blank again, recording the labels it gives them.
    const prefix = `urn:medcred:node:${bytesToHex(crypto.getRandomValues(new Uint8Array(8)))}:`
    const named = nameBlankNodes(document, prefix)
    const labels = await canonicalLabels(named.document, prefix, documentLoader)
    if (labels.statements.join('\n') !== documentStatements.join('\n')) {
      throw new DeriveCredentialError('its JSON-LD has structures that cannot be disclosed field by field (a JSON literal, a language or index map)')
    }
    // 3. The revealed document, each unnamed node carrying its label as urn:bnid:_:c14nN.
    const placeholders = new Map(named.names.map((name) => [name, `${blankNodePlaceholderPrefix}${labels.of(name)}`]))
    const derived = renameIds(selectPointers(named.document, pointers), placeholders) as Record<string, unknown>
    // 4. Which signed statements it reveals: exactly what a verifier will rebuild from it.
    const revealed = await revealedStatements(derived, documentLoader)
    const indexes = revealed.map((statement) => documentStatements.indexOf(statement))
    if (indexes.includes(-1)) throw new DeriveCredentialError('a revealed statement is not among the signed ones')
    // 5. The proof: every proof option statement, and the revealed document statements.
    const key = await resolveIssuerKey(signed.verificationMethod, documentLoader)
    const nonceBytes = nonce === undefined ? crypto.getRandomValues(new Uint8Array(32)) : encodeChallenge(nonce)
    const proofValue = await proveStatements({
      signature: base64.decode(signed.proofValue),
      publicKey: key.publicKey,
      statements: [...proofStatements, ...documentStatements],
      revealed: [...proofStatements.keys(), ...indexes.map((index) => index + proofStatements.length)],
      nonce: nonceBytes,
    })
    // The signature's options (created, purpose, method) go along: the verifier rebuilds their statements.
    const { type: _type, proofValue: _signature, ...options } = signed
    const result: Record<string, unknown> = {
      ...derived,
      proof: { type: derivedProofType, ...options, nonce: base64.encode(nonceBytes), proofValue: base64.encode(proofValue) },
    }
    return result as VerifiableCredential
  } catch (error) {
    if (error instanceof DeriveCredentialError) throw error
    throw new DeriveCredentialError(reasonOf(error), error)
  }
}

/**
 * Canonicalises a document whose nodes are all named `<prefix>n`, with those names turned
 * back into blank nodes, and reports which canonical label each name received.
 */
async function canonicalLabels(named: Record<string, unknown>, prefix: string, documentLoader: DocumentLoader) {
  const nquads = await jsonld.toRDF(named, { format: 'application/n-quads', documentLoader, safe: true })
  const blank = `<${prefix}`
  const unnamed = nquads
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => mapNodeTerms(line, (term) => (term.startsWith(blank) ? `_:n${term.slice(blank.length, -1)}` : term)))
  const canonicalIdMap = new Map<string, string>()
  const statements = await canonicalStatements(`${unnamed.join('\n')}\n`, documentLoader, canonicalIdMap)
  return {
    statements,
    /** The label as it appears in statements, `_:c14nN`; rdf-canonize keys its map without `_:`. */
    of(name: string): string {
      const label = canonicalIdMap.get(`n${name.slice(prefix.length)}`)
      if (label === undefined) throw new DeriveCredentialError('a node of the credential has no canonical label')
      return `_:${label}`
    },
  }
}
