/**
 * @module
 * Rewrites the BBS keys of a did:ethr document as Multikeys, the form bbs-2023 consumes.
 */
import type { DIDDocument, VerificationMethod } from 'did-resolver'
import { hexToBytes, isHex } from 'viem'
import { encodePublicKeyMultibase } from '../multikey/encodePublicKeyMultibase.js'
import { bbsKeyVerificationMethodType } from './bbsKeyAttribute.js'

const didContext = 'https://www.w3.org/ns/did/v1'
const multikeyContext = 'https://w3id.org/security/multikey/v1'
const bbsKeyHexLength = 2 * 96

/**
 * Turns every `Bls12381G2Key2020` method with a 96-byte `publicKeyHex` into a `Multikey`
 * with the same id, and adds the Multikey context after the DID v1 context. Other methods
 * are left as they are; so is a BBS attribute of the wrong length, which no suite can use.
 */
export function toMultikeyDocument(document: DIDDocument): DIDDocument {
  const verificationMethod = document.verificationMethod?.map((method) => toMultikey(method))
  const context = document['@context']
  return {
    ...document,
    // Only documents in the JSON-LD representation carry a context to extend.
    ...(context === undefined ? {} : { '@context': withMultikeyContext(context) }),
    ...(verificationMethod === undefined ? {} : { verificationMethod }),
  }
}

function toMultikey(method: VerificationMethod): VerificationMethod {
  const hex = method.publicKeyHex === undefined ? '' : `0x${method.publicKeyHex}`
  if (method.type !== bbsKeyVerificationMethodType || !isHex(hex) || hex.length - 2 !== bbsKeyHexLength) {
    return method
  }
  return {
    id: method.id,
    type: 'Multikey',
    controller: method.controller,
    publicKeyMultibase: encodePublicKeyMultibase({ type: 'Bls12381G2', publicKey: hexToBytes(hex) }),
  }
}

function withMultikeyContext(context: NonNullable<DIDDocument['@context']>): NonNullable<DIDDocument['@context']> {
  const contexts = Array.isArray(context) ? context : [context]
  if (contexts.includes(multikeyContext)) return contexts
  // jsonld-signatures recognises a DID document by a leading DID v1 context.
  const rest = contexts.filter((entry) => entry !== didContext)
  return [didContext, multikeyContext, ...rest]
}
