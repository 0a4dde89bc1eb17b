/**
 * @module
 * The multicodec public key types medcred reads and writes as Multikey.
 */

/** A public key type medcred accepts in a Multikey. */
export type MultikeyType = 'Bls12381G2' | 'Ed25519'

/** Multicodec prefix (unsigned varint, already encoded) and raw key length per type. */
export const multikeyCodecs = {
  // bls12_381-g2-pub (0xeb): a compressed G2 point, the BBS public key.
  Bls12381G2: { prefix: new Uint8Array([0xeb, 0x01]), length: 96 },
  // ed25519-pub (0xed).
  Ed25519: { prefix: new Uint8Array([0xed, 0x01]), length: 32 },
} as const satisfies Record<MultikeyType, { prefix: Uint8Array; length: number }>
