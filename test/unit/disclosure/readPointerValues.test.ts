import { describe, expect, it } from 'vitest'
import { readPointerValues } from '../../../src/disclosure/readPointerValues.js'

describe('readPointerValues', () => {
  it('default: the value a pointer names', () => {
    expect(readPointerValues({ credentialSubject: { doseNumber: 2 } }, '/credentialSubject/doseNumber')).toEqual([2])
  })

  it('behavior: a segment on an array reads every element; a numeric one picks one', () => {
    const document = { a: [{ b: 1 }, { b: 2 }, { c: 3 }] }
    expect(readPointerValues(document, '/a/b')).toEqual([1, 2])
    expect(readPointerValues(document, '/a/1/b')).toEqual([2])
    expect(readPointerValues(document, '/a/7/b')).toEqual([])
  })

  it('behavior: a multi-valued field reads as its values', () => {
    expect(readPointerValues({ a: { name: ['x', 'y'] } }, '/a/name')).toEqual(['x', 'y'])
  })

  it('behavior: a node written as its IRI alone is { id }', () => {
    expect(readPointerValues({ credentialSubject: 'did:example:patient' }, '/credentialSubject/id')).toEqual(['did:example:patient'])
    expect(readPointerValues({ credentialSubject: 'did:example:patient' }, '/credentialSubject/name')).toEqual([])
  })

  it('behavior: escaped segments and missing paths', () => {
    expect(readPointerValues({ 'a/b': { '~c': 1 } }, '/a~1b/~0c')).toEqual([1])
    expect(readPointerValues({ a: null }, '/a/b')).toEqual([])
  })
})
