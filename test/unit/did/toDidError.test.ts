import { describe, expect, it } from 'vitest'
import { toDidError } from '../../../src/did/toDidError.js'

const did = 'did:example:123'

describe('toDidError', () => {
  it.each([
    ['invalidDid', 'DidMalformedError', 'ERR_DID_MALFORMED', `"${did}" is not a valid DID: bad.`],
    ...['methodNotSupported', 'unsupportedDidMethod'].map((error) => [
      error,
      'DidMethodNotSupportedError',
      'ERR_DID_METHOD_NOT_SUPPORTED',
      `The method of "${did}" is not supported: bad.`,
    ]),
    ['notFound', 'DidNotFoundError', 'ERR_DID_NOT_FOUND', `No DID document was found for "${did}": bad.`],
    ['unknownNetwork', 'DidResolutionFailedError', 'ERR_DID_RESOLUTION_FAILED', `Resolving "${did}" failed: bad.`],
    ['internalError', 'DidResolutionFailedError', 'ERR_DID_RESOLUTION_FAILED', `Resolving "${did}" failed: bad.`],
  ])('default: %s -> %s', (error, name, code, message) => {
    const mapped = toDidError(did, { error, message: 'bad.' })
    expect(mapped).toMatchObject({ name, code, message, did, reason: 'bad.', details: { did, reason: 'bad.' } })
  })

  it('behavior: without a message the error value is the reason', () => {
    expect(toDidError(did, { error: 'representationNotSupported' })).toMatchObject({
      code: 'ERR_DID_RESOLUTION_FAILED',
      message: `Resolving "${did}" failed: representationNotSupported.`,
    })
  })
})
