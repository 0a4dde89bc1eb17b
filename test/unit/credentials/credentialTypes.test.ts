import { describe, expect, it } from 'vitest'
// @ts-ignore -- jsonld ships no type declarations; the one function used is typed below.
import untypedJsonld from 'jsonld'
import { listBundledContexts, createDocumentLoader } from '../../../src/contexts/createDocumentLoader.js'
import { createMedicalLicenseCredential } from '../../../src/credentials/createMedicalLicenseCredential.js'
import { createVaccinationCertificate } from '../../../src/credentials/createVaccinationCertificate.js'
import { credentialTypes } from '../../../src/credentials/credentialTypes.js'
import { holder, licenceInput, statusEntry, vaccinationInput, withField } from './fixtures.js'

const jsonld = untypedJsonld as {
  expand(input: object, options: { documentLoader: unknown; safe: boolean }): Promise<unknown[]>
}

// The VC 2.0 drafts mapped undefined terms to the first @vocab below, the Recommendation's
// optional undefined-terms context to the second. The bundled VC 2.0 context has neither, so an
// undefined term makes safe-mode expansion throw; the IRI check still guards against a context
// that brings a catch-all @vocab back.
const catchAllVocabularies = [
  'https://www.w3.org/ns/credentials/issuer-dependent#',
  'https://www.w3.org/ns/credentials/undefined-term#',
]
const expandOffline = (document: object) => jsonld.expand(document, { documentLoader: createDocumentLoader(), safe: true })

/** Every property IRI and `@type` IRI in an expanded document. */
function expandedIris(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(expandedIris)
  if (node === null || typeof node !== 'object') return []
  return Object.entries(node).flatMap(([key, value]) => {
    if (key === '@type') return typeof value === 'string' ? [value] : (value as string[])
    if (key.startsWith('@')) return expandedIris(value)
    return [key, ...expandedIris(value)]
  })
}

// Every optional field filled in, so every term the builders can emit is expanded.
const credentials = {
  MedicalLicenseCredential: createMedicalLicenseCredential({
    ...licenceInput,
    id: 'urn:uuid:6b0c2e1e-6b33-4e8f-9a51-2b6d6e0c1f2a',
    credentialStatus: statusEntry,
  }),
  VaccinationCertificate: createVaccinationCertificate({
    ...withField(vaccinationInput, 'patient.id', holder),
    credentialStatus: statusEntry,
  }),
}

describe('credentialTypes', () => {
  it('default: every context a credential type names is bundled', () => {
    for (const { context } of Object.values(credentialTypes)) {
      expect(listBundledContexts()).toEqual(expect.arrayContaining([...context]))
    }
  })

  it.each(Object.entries(credentials))(
    'behavior: a full %s expands offline, every term to an absolute IRI of its own',
    async (_, credential) => {
      const iris = expandedIris(await expandOffline(credential))
      expect(iris.length).toBeGreaterThan(20)
      for (const iri of iris) {
        expect(iri).toMatch(/^https?:\/\//)
        expect(catchAllVocabularies.some((vocabulary) => iri.startsWith(vocabulary)), iri).toBe(false)
      }
    },
  )

  it('error: a term no context defines makes expansion fail', async () => {
    const credential = withField(credentials.VaccinationCertificate, 'credentialSubject.vaccine.brand', 'X')
    await expect(expandOffline(credential)).rejects.toThrow('Safe mode validation error')
  })
})
