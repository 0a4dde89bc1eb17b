import { describe, expect, it } from 'vitest'
import { importBls12381G2Key2020 } from '../../../../src/suites/bbs-2020/importBls12381G2Key2020.js'
import { mapNodeTerms } from '../../../../src/suites/bbs-2020/statements.js'
import { withoutPlaceholders } from '../../../../src/suites/bbs-2020/withoutPlaceholders.js'
import { mattrIssuer } from '#test/mattr-bbs-2020/fixtures.js'

describe('mapNodeTerms', () => {
  const mark = (term: string) => `[${term}]`
  it.each([
    ['_:c14n0 <http://p> <urn:x> .', '[_:c14n0] <http://p> [<urn:x>] .'],
    ['<urn:bnid:_:c14n0> <http://p> "a \\"<urn:bnid:_:c14n1>\\" _:c14n2" .', '[<urn:bnid:_:c14n0>] <http://p> "a \\"<urn:bnid:_:c14n1>\\" _:c14n2" .'],
    ['_:c14n0 <http://p> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .', '[_:c14n0] <http://p> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .'],
    ['_:c14n0 <http://p> "x\\\\" _:c14n3 .', '[_:c14n0] <http://p> "x\\\\" [_:c14n3] .'],
    ['_:c14n0 <http://p> "chat"@fr <urn:g> .', '[_:c14n0] <http://p> "chat"@fr [<urn:g>] .'],
    ['<did:ex:1> <http://p> _:c14n4 _:c14n5 .', '[<did:ex:1>] <http://p> [_:c14n4] [_:c14n5] .'],
  ])('behavior: %s', (statement, expected) => {
    expect(mapNodeTerms(statement, mark)).toBe(expected)
  })
})

describe('withoutPlaceholders', () => {
  it('default: drops urn:bnid ids at any depth and keeps real ones', () => {
    expect(
      withoutPlaceholders({ id: 'urn:bnid:_:c14n1', vaccine: [{ '@id': 'urn:bnid:_:c14n2', code: '03' }], holder: { id: 'did:example:1' } }),
    ).toEqual({ vaccine: [{ code: '03' }], holder: { id: 'did:example:1' } })
  })
})

describe('importBls12381G2Key2020', () => {
  it('default: keeps id and controller and checks the secret key', async () => {
    const key = await importBls12381G2Key2020(mattrIssuer.keyPair)
    expect(key).toMatchObject({ type: 'Bls12381G2', id: mattrIssuer.keyPair.id, controller: mattrIssuer.keyPair.controller })
    // The issuer's DID is the did:key of that very public key.
    expect(key.controller).toBe(`did:key:${key.publicKeyMultibase}`)
  })

  it('behavior: a public key alone imports without a secret key', async () => {
    const { privateKeyBase58: _secret, ...publicOnly } = mattrIssuer.keyPair
    expect(await importBls12381G2Key2020(publicOnly)).not.toHaveProperty('secretKeyMultibase')
  })

  it('error: a secret key that is not the public key\'s', async () => {
    const other = { ...mattrIssuer.keyPair, privateKeyBase58: '5D6Pa8dSwApdnfg7EZR8WnGfvLDCZPZGsZ5Y1ELL9VDj' }
    await expect(importBls12381G2Key2020(other)).rejects.toMatchObject({ code: 'ERR_KEY_SECRET_MISMATCH' })
  })

  it('error: keys that are not base58, or not 96 bytes', async () => {
    await expect(importBls12381G2Key2020({ ...mattrIssuer.keyPair, privateKeyBase58: '0OIl' })).rejects.toMatchObject({
      code: 'ERR_KEY_INVALID_DOCUMENT',
      message: '"privateKeyBase58" is not base58.',
    })
    await expect(importBls12381G2Key2020({ ...mattrIssuer.keyPair, publicKeyBase58: 'abc' })).rejects.toMatchObject({ code: 'ERR_KEY_INVALID_MULTIBASE' })
  })
})
