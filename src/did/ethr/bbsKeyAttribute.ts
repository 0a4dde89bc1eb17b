/**
 * @module
 * The ERC-1056 attribute that carries a BBS public key, shared by the resolver and the
 * publish/revoke helpers.
 */
import { bytesToHex } from '@noble/hashes/utils'
import type { Hex } from 'viem'
import { PublicKeyMalformedError } from '../errors.js'
import { decodePublicKeyMultibase } from '../multikey/decodePublicKeyMultibase.js'

/**
 * The attribute name. ERC-1056 names are bytes32, so the long form
 * `did/pub/Bls12381G2Key2020/veriKey/hex` (37 bytes) does not fit; this one (25 bytes)
 * makes ethr-did-resolver report a `Bls12381G2Key2020` method with `publicKeyHex`.
 */
export const bbsKeyAttributeName = 'did/pub/Bls12381G2Key2020'

/** The verification method type ethr-did-resolver derives from {@link bbsKeyAttributeName}. */
export const bbsKeyVerificationMethodType = 'Bls12381G2Key2020'

// The name as ERC-1056 stores it: its UTF-8 bytes, zero-padded on the right to 32 bytes.
const bbsKeyAttributeNameHex: Hex = `0x${bytesToHex(new TextEncoder().encode(bbsKeyAttributeName)).padEnd(64, '0')}`

/** The attribute's on-chain name and value for a BBS Multikey. */
export function toBbsKeyAttribute(publicKeyMultibase: string): { name: Hex; value: Hex } {
  const { type, publicKey } = decodePublicKeyMultibase(publicKeyMultibase)
  if (type !== 'Bls12381G2') {
    throw new PublicKeyMalformedError({ publicKeyMultibase, reason: `expected a Bls12381G2 key, got ${type}` })
  }
  return { name: bbsKeyAttributeNameHex, value: `0x${bytesToHex(publicKey)}` }
}
