/**
 * @module
 * Finds the BLS12-381 G2 public key a 2020 proof names, and checks that its controller lists
 * it for `assertionMethod`. Deployed systems publish the key three ways; all are read.
 * Internal to src/suites/bbs-2020.
 */
import { base58, base64urlnopad } from '@scure/base'
import type { DocumentLoader } from '../../contexts/types.js'
import { decodePublicKeyMultibase } from '../../did/multikey/decodePublicKeyMultibase.js'
import { Bbs2020KeyError } from './errors.js'

/** A verification method's raw key, and the DID (or URL) that controls it. */
export type IssuerKey = { controller: string; publicKey: Uint8Array }

const publicKeyLength = 96

/**
 * Loads the verification method through the document loader (offline: bundled documents and
 * the DID resolver only), decodes its key and checks its controller authorises it.
 *
 * @throws {Bbs2020KeyError} `ERR_BBS2020_KEY_UNSUPPORTED` or `ERR_BBS2020_KEY_NOT_AUTHORIZED`
 * @throws whatever the loader throws for a URL it cannot serve (`ERR_CONTEXT_NOT_BUNDLED`, `ERR_DID_*`)
 */
export async function resolveIssuerKey(verificationMethod: string, documentLoader: DocumentLoader): Promise<IssuerKey> {
  const { document: method } = await documentLoader(verificationMethod)
  if (method.id !== verificationMethod) throw new Bbs2020KeyError({ verificationMethod, reason: 'notThatMethod' })
  const publicKey = decodeKey(method, verificationMethod)
  const { controller } = method
  if (typeof controller !== 'string') throw new Bbs2020KeyError({ verificationMethod, reason: 'noController' })
  if (method.revoked !== undefined) throw new Bbs2020KeyError({ verificationMethod, reason: 'revoked' })
  // The controller, not the method itself, says what the key may do.
  const { document: controllerDocument } = await documentLoader(controller)
  const listed = ([] as unknown[]).concat(controllerDocument.assertionMethod ?? []).some((entry) => {
    const id = typeof entry === 'string' ? entry : (entry as { id?: unknown } | null)?.id
    return id === verificationMethod || (typeof id === 'string' && id.startsWith('#') && `${controller}${id}` === verificationMethod)
  })
  if (!listed) throw new Bbs2020KeyError({ verificationMethod, reason: 'notAssertionMethod', controller })
  return { controller, publicKey }
}

function decodeKey(method: Record<string, unknown>, verificationMethod: string): Uint8Array {
  let key: Uint8Array | undefined
  try {
    switch (method.type) {
      // The 2020 suites' own key type (publicKeyBase58: the raw compressed G2 point).
      case 'Bls12381G2Key2020':
        if (typeof method.publicKeyBase58 === 'string') key = base58.decode(method.publicKeyBase58)
        break
      // What medcred's resolvers (and bbs-2023) use: bls12_381-g2-pub multicodec, base58btc.
      case 'Multikey':
        if (typeof method.publicKeyMultibase === 'string') {
          const decoded = decodePublicKeyMultibase(method.publicKeyMultibase)
          if (decoded.type === 'Bls12381G2') key = decoded.publicKey
        }
        break
      // MATTR's JWK form: OKP key on curve Bls12381G2, x the raw point.
      case 'JsonWebKey2020': {
        const jwk = method.publicKeyJwk as { crv?: unknown; x?: unknown } | undefined
        if (jwk?.crv === 'Bls12381G2' && typeof jwk.x === 'string') key = base64urlnopad.decode(jwk.x)
        break
      }
    }
  } catch {
    throw new Bbs2020KeyError({ verificationMethod, reason: 'keyEncoding' })
  }
  if (key === undefined) throw new Bbs2020KeyError({ verificationMethod, reason: 'notBls12381G2', type: method.type })
  if (key.length !== publicKeyLength) throw new Bbs2020KeyError({ verificationMethod, reason: 'keyLength', bytes: key.length, expected: publicKeyLength })
  return key
}
