/**
 * @module
 * The BLS12-381-SHA-256 ciphersuite of the IETF BBS signature draft, the one the W3C
 * bbs-2023 cryptosuite uses: identifiers, domain separation tags, lengths and the point P1.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-signatures/ ("BLS12-381-SHA-256")
 */
import { expand_message_xmd } from '@noble/curves/abstract/hash-to-curve.js'
import { bls12_381 } from '@noble/curves/bls12-381.js'
import type { CHash, TArg } from '@noble/curves/utils.js'
import { sha256 } from '@noble/hashes/sha2.js'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** `ciphersuite_id`. */
export const ciphersuiteId = 'BBS_BLS12381G1_XMD:SHA-256_SSWU_RO_'

/** `api_id` of the BBS interface with messages hashed to scalars: ciphersuite_id || "H2G_HM2S_". */
export const apiId = utf8(`${ciphersuiteId}H2G_HM2S_`)

/** Octets of a scalar and of a compressed G1 point. */
export const octetScalarLength = 32
export const octetPointLength = 48

/** `expand_len`: ceil((ceil(log2(r)) + k) / 8) with k = 128. */
export const expandLength = 48

/** Domain separation tags, each api_id || a fixed ASCII suffix. */
export const dst = {
  /** hash_to_scalar in calculate_domain and ProofChallengeCalculate. */
  hashToScalar: utf8(`${ciphersuiteId}H2G_HM2S_H2S_`),
  /** messages_to_scalars. */
  mapMessageToScalar: utf8(`${ciphersuiteId}H2G_HM2S_MAP_MSG_TO_SCALAR_AS_HASH_`),
  /** create_generators: seed_dst and generator_dst. */
  generatorSeed: utf8(`${ciphersuiteId}H2G_HM2S_SIG_GENERATOR_SEED_`),
  generator: utf8(`${ciphersuiteId}H2G_HM2S_SIG_GENERATOR_DST_`),
} as const

/** create_generators' generator_seed: api_id || "MESSAGE_GENERATOR_SEED". */
export const generatorSeed = utf8(`${ciphersuiteId}H2G_HM2S_MESSAGE_GENERATOR_SEED`)

/** P1, the ciphersuite's fixed G1 point, as point_to_octets_E1 writes it. */
export const p1Octets =
  'a8ce256102840821a3e94ea9025e4662b205762f9776b3a766c872b948f1fd225e7c59698588e70d11406d161b4e28c9'

/** The base field modulus p and the group order r. */
export const p = bls12_381.fields.Fp.ORDER
export const r = bls12_381.fields.Fr.ORDER

// @noble/hashes 1.x's SHA-256 with the `canXOF` flag @noble/curves 2 expects of a hash.
const sha256Hash: TArg<CHash> = Object.assign((message: Uint8Array) => sha256(message), {
  blockLen: sha256.blockLen,
  outputLen: sha256.outputLen,
  canXOF: false,
  create: () => sha256.create(),
})

/** expand_message_xmd with SHA-256, as the hash_to_curve_suite BLS12381G1_XMD:SHA-256_SSWU_RO_ defines it. */
export function expandMessage(message: Uint8Array, tag: Uint8Array, length = expandLength): Uint8Array {
  return expand_message_xmd(message, tag, length, sha256Hash)
}
