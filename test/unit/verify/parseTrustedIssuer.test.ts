import { describe, expect, it } from 'vitest'
import { parseTrustedIssuer, TrustedIssuerSyntaxError } from '../../../src/index.js'

describe('parseTrustedIssuer', () => {
  it('reads a DID alone, or with the credential types it is trusted for', () => {
    expect(parseTrustedIssuer('did:web:school.example')).toBe('did:web:school.example')
    expect(parseTrustedIssuer(' did:key:zUC7abc \r')).toBe('did:key:zUC7abc')
    expect(parseTrustedIssuer('did:web:school.example%3A8443=MedicalLicenseCredential')).toEqual({
      id: 'did:web:school.example%3A8443',
      types: ['MedicalLicenseCredential'],
    })
    expect(parseTrustedIssuer('did:ethr:0x7a69:0xab = MedicalLicenseCredential, VaccinationCertificate,')).toEqual({
      id: 'did:ethr:0x7a69:0xab',
      types: ['MedicalLicenseCredential', 'VaccinationCertificate'],
    })
  })

  it.each([
    ['school', 'expected a DID (did:<method>:<method-specific-id>)'],
    ['', 'expected a DID'],
    ['did:', 'expected a DID'],
    ['did:KEY:z6Mk', 'lower-case DID method'],
    ['did:web:a b.example', 'expected a DID'],
    ['=MedicalLicenseCredential', 'expected a DID'],
    ['did:web:school.example=', 'no credential type follows "="'],
    ['did:web:school.example= , ', 'no credential type follows "="'],
    ['did:web:school.example=A=B', '"A=B" is not a credential type'],
    ['did:web:school.example=Medical License', '"Medical License" is not a credential type'],
  ])('refuses %j: %s', (text, reason) => {
    let thrown: unknown
    try {
      parseTrustedIssuer(text)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(TrustedIssuerSyntaxError)
    const error = thrown as TrustedIssuerSyntaxError
    expect(error.code).toBe('ERR_VERIFY_TRUSTED_ISSUER_INVALID')
    expect(error.message).toContain(`"${text.trim()}" is not a trusted issuer: `)
    expect(error.message).toContain(reason)
    expect(error.message).toMatch(/Write a DID, optionally followed by =Type1,Type2\.$/)
    expect(error.details).toEqual({ value: text.trim() })
  })
})
