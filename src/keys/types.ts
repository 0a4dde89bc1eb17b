/// <reference path="../types/multikey.d.ts" preserve="true" />
/**
 * @module
 * The key types medcred handles and the plain-data shapes it stores them in.
 */
import type { BbsKeyPair } from '@digitalbazaar/bls12-381-multikey'
import type { Ed25519KeyPair } from '@digitalbazaar/ed25519-multikey'
import type { multikeyContext } from './constants.js'

/**
 * A key type: `Bls12381G2` signs credentials with BBS (bbs-2023), `Ed25519` signs holder
 * proofs (eddsa-rdfc-2022).
 */
export type KeyType = 'Bls12381G2' | 'Ed25519'

/**
 * A key pair as plain, serialisable data. The secret key is absent when only the public key
 * is known (a key read from a DID document, say).
 */
export type KeyPair<type extends KeyType = KeyType> = {
  type: type
  /** The verification method id, `<controller>#<publicKeyMultibase>` unless imported otherwise. */
  id: string
  /** The DID that controls the key. */
  controller: string
  /** Multibase (base58btc) of the multicodec-prefixed public key. */
  publicKeyMultibase: string
  /** Multibase (base58btc) of the multicodec-prefixed secret key. */
  secretKeyMultibase?: string | undefined
}

/** A key pair that holds its secret key: one that can sign. */
export type PrivateKeyPair<type extends KeyType = KeyType> = KeyPair<type> & {
  secretKeyMultibase: string
}

/** A public key as a W3C Multikey document (Controlled Identifiers 1.0). */
export type PublicMultikey = {
  '@context'?: typeof multikeyContext | undefined
  type: 'Multikey'
  id: string
  controller: string
  publicKeyMultibase: string
}

/** A key pair as a Multikey document that also carries the secret key. */
export type PrivateMultikey = PublicMultikey & {
  secretKeyMultibase: string
}

/**
 * The Digital Bazaar key pair object for each key type, with `signer()` and `verifier()` for
 * the Data Integrity suites.
 */
export type MultikeyKeyPair<type extends KeyType = KeyType> = {
  Bls12381G2: BbsKeyPair
  Ed25519: Ed25519KeyPair
}[type]
