/**
 * A bbs-2023 credential expanded in the parts its proof check canonicalises: the parts joined
 * count exactly what the credential expanded at once counts (statements, blank nodes, depth),
 * for real credentials and for every hostile shape; the shapes that cannot be joined are
 * expanded at once; a proof configuration is expanded once while its contexts are bundled; and
 * verification expands the document once, in the bounds, never again in the proof check.
 */
import { sha256 } from '@noble/hashes/sha256'
import { bytesToHex } from '@noble/hashes/utils'
import jsonld from 'jsonld'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createParties, didResolver, documentLoader, now, type Parties, sampleLicence } from '#test/credentials.js'
import { licence2020 } from '#test/mattr-bbs-2020/fixtures.js'
import { createDocumentLoader } from '../../../../src/contexts/createDocumentLoader.js'
import { issueBbs2020Credential } from '../../../../src/suites/bbs-2020/issueBbs2020Credential.js'
import { deriveCredential } from '../../../../src/suites/bbs-2023/deriveCredential.js'
import { expandBbs2023Credential } from '../../../../src/suites/bbs-2023/expandCredential.js'
import { issueCredential } from '../../../../src/suites/bbs-2023/issueCredential.js'
import { proofConfigurationOf } from '../../../../src/suites/bbs-2023/proofConfiguration.js'
import { countStatements, expandDocument } from '../../../../src/suites/inputBounds/statementCounts.js'
import type { VerifiableCredential } from '../../../../src/suites/types.js'
import { verifyCredential } from '../../../../src/verify/verifyCredential.js'
import { buildHostile, type HostileBase, hostileShapes } from '../../../verifier/hostileCredentials.js'

type Json = Record<string, unknown>
const challenge = 'nonce-parts'
let parties: Parties
let signed: VerifiableCredential
let derived: Json
let base: HostileBase

beforeAll(async () => {
  parties = await createParties()
  const { school, doctor } = parties
  signed = await issueCredential({ credential: sampleLicence(school.controller, doctor.controller), issuerKey: school, documentLoader })
  derived = (await deriveCredential({ credential: signed, reveal: ['credentialSubject.speciality'], presentationHeader: challenge, documentLoader })) as Json
  const legacy = await issueBbs2020Credential({ credential: licence2020(school.controller, doctor.controller), issuerKey: school, documentLoader })
  base = { derived: derived as never, legacy: legacy as never }
})
afterEach(() => vi.restoreAllMocks())

/** The counts of `credential` expanded at once and in parts, or the error each throws. */
async function bothWays(credential: Json) {
  const atOnce = await expandDocument(credential, documentLoader).then(countStatements, (error: Error) => error.name)
  const parts = await expandBbs2023Credential(credential, documentLoader).then(
    (expanded) => ({ counts: countStatements(expanded.whole), apart: expanded.parts !== undefined }),
    (error: Error) => ({ counts: error.name, apart: false }),
  )
  return { atOnce, inParts: parts.counts, apart: parts.apart }
}

describe('expandBbs2023Credential', () => {
  it('default: a derived credential in parts counts what it counts expanded at once', async () => {
    const { atOnce, inParts, apart } = await bothWays(derived)
    expect(apart).toBe(true)
    expect(inParts).toEqual(atOnce)
    expect(atOnce).toMatchObject({ statements: expect.any(Number), blankNodes: expect.any(Number), depth: expect.any(Number) })
  })

  it('behavior: every hostile shape counts the same either way', async () => {
    for (const shape of hostileShapes) {
      for (const n of [1, 40]) {
        const credential = JSON.parse(buildHostile(shape, base, n)) as Json
        const { atOnce, inParts } = await bothWays(credential)
        expect({ shape, n, counts: inParts }).toEqual({ shape, n, counts: atOnce })
      }
    }
  })

  it('behavior: a proof with an id and more options counts the same either way', async () => {
    const proof = derived.proof as Json
    const credential = { ...derived, proof: { ...proof, id: 'urn:uuid:4b2d', challenge: 'c', domain: ['a', 'b'], nonce: 'n' } }
    const { atOnce, inParts, apart } = await bothWays(credential)
    expect(apart).toBe(true)
    expect(inParts).toEqual(atOnce)
  })

  it('behavior: what cannot be joined is expanded at once, with the same counts', async () => {
    const proof = derived.proof as Json
    const shapes: Json[] = [
      // The proof's own context replaces the document's in its configuration.
      { ...derived, proof: { '@context': derived['@context'], ...proof } },
      // Values expansion would not turn into one statement.
      { ...derived, proof: { ...proof, proofValue: [proof.proofValue, proof.proofValue] } },
      // Another member that expands to the proof property.
      { ...derived, 'https://w3id.org/security#proof': { '@graph': { type: 'DataIntegrityProof' } } },
    ]
    for (const credential of shapes) {
      const { atOnce, inParts, apart } = await bothWays(credential)
      expect(apart).toBe(false)
      expect(inParts).toEqual(atOnce)
    }
  })

  it('error: a credential whose proof is not where its data model defines it throws as expanded at once', async () => {
    const { proof, '@context': context, ...body } = derived
    // VC 2.0 defines `proof` only on a node typed VerifiableCredential: not on a wrapper around one.
    for (const wrapper of ['@graph', '@included']) {
      const credential = { '@context': context, [wrapper]: [body], proof }
      const { atOnce, inParts } = await bothWays(credential)
      expect(atOnce).toBe('jsonld.ValidationError')
      expect(inParts).toBe(atOnce)
      const result = await verifyCredential({ credential, trustedIssuers: [parties.school.controller], now, didResolver, presentationHeader: challenge })
      expect(result.verified).toBe(false)
    }
  })

  it('error: a credential that does not expand throws as it does expanded at once', async () => {
    const credential = { ...derived, credentialSubject: { ...(derived.credentialSubject as Json), undefinedTerm: 1 } }
    const { atOnce, inParts } = await bothWays(credential)
    expect(atOnce).toBe('jsonld.ValidationError')
    expect(inParts).toBe(atOnce)
    const proof = { ...(derived.proof as Json), undefinedTerm: 1 }
    await expect(expandBbs2023Credential({ ...derived, proof }, documentLoader)).rejects.toThrow()
  })
})

describe('proofConfigurationOf', () => {
  it('default: the same configuration is expanded once while its contexts are bundled', async () => {
    const { proof, ...document } = derived
    const other = (await deriveCredential({ credential: signed, reveal: ['credentialSubject.licenceNumber'], presentationHeader: 'another', documentLoader })) as Json
    const first = await proofConfigurationOf(document, proof as Json, documentLoader)
    const again = await proofConfigurationOf(other, other.proof as Json, documentLoader)
    expect(again).toBe(first)
    // A hash is the caller's own copy.
    const hash = await first.hash()
    hash.fill(0)
    expect(await first.hash()).not.toEqual(hash)
  })

  it('behavior: a configuration that reads a context medcred does not bundle means what each loader says, and is not kept', async () => {
    const url = 'https://example.org/extension/v1'
    const pinned = (vocabulary: string) => {
      const text = JSON.stringify({ '@context': { note: `https://example.org/${vocabulary}#note` } })
      return createDocumentLoader({ contexts: [{ url, sha256: bytesToHex(sha256(new TextEncoder().encode(text))), text }] })
    }
    // The URL is read only inside the proof: the configuration's own @context is bundled.
    const proof = { ...(derived.proof as Json), 'https://example.org/extension': { '@context': url, note: 'n' } }
    const [first, again, other] = [
      await proofConfigurationOf(derived, proof, pinned('one')),
      await proofConfigurationOf(derived, proof, pinned('one')),
      await proofConfigurationOf(derived, proof, pinned('two')),
    ]
    expect(again).not.toBe(first)
    expect(await again.hash()).toEqual(await first.hash())
    // Not kept, but the verification that expanded it reuses it: the same text is the same configuration.
    expect(await proofConfigurationOf(derived, proof, pinned('one'), first)).toBe(first)
    expect(await proofConfigurationOf(derived, derived.proof as Json, documentLoader, first)).not.toBe(first)
    expect(await other.hash()).not.toEqual(await first.hash())
    await expect(proofConfigurationOf(derived, proof, documentLoader)).rejects.toMatchObject({ details: { cause: { code: 'ERR_CONTEXT_NOT_BUNDLED' } } })
  })

  it('behavior: an inline context is part of the text and kept; a configuration too large to be real is not', async () => {
    const inline = { '@context': [...(derived['@context'] as string[]), { extra: 'https://example.org/extra' }] }
    expect(await proofConfigurationOf(inline, derived.proof as Json, documentLoader)).toBe(await proofConfigurationOf(inline, derived.proof as Json, documentLoader))
    const large = { ...(derived.proof as Json), 'https://example.org/padding': 'x'.repeat(5000) }
    expect(await proofConfigurationOf(derived, large, documentLoader)).not.toBe(await proofConfigurationOf(derived, large, documentLoader))
  })

  it('error: a configuration that does not expand is not kept', async () => {
    const expand = vi.spyOn(jsonld, 'expand')
    const proof = { ...(derived.proof as Json), undefinedTerm: 1 }
    await expect(proofConfigurationOf(derived, proof, documentLoader)).rejects.toThrow()
    await expect(proofConfigurationOf(derived, proof, documentLoader)).rejects.toThrow()
    expect(expand).toHaveBeenCalledTimes(2)
  })
})

describe('verification', () => {
  it('behavior: the document is expanded once, by the bounds, and the configuration not again', async () => {
    const parameters = { trustedIssuers: [parties.school.controller], now, didResolver, presentationHeader: challenge }
    expect((await verifyCredential({ credential: derived, ...parameters })).verified).toBe(true)
    const expand = vi.spyOn(jsonld, 'expand')
    const result = await verifyCredential({ credential: derived, ...parameters })
    expect(result.verified).toBe(true)
    expect(expand).toHaveBeenCalledTimes(1)
  })
})
