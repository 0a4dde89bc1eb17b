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

/**
 * A BBS interface of the ciphersuite: its `api_id` (ciphersuite_id || an interface suffix),
 * which separates the domains of one use of the scheme from another, and the tags made from it.
 * The plain interface is below; the blind and pseudonym ones are in `interfaces.ts`.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-signatures/ ("BBS Interfaces")
 */
export type BbsInterface = {
  /** `api_id` as text, which also names its cache of generators. */
  readonly name: string
  readonly apiId: Uint8Array
  /** hash_to_scalar in calculate_domain and the challenges: api_id || "H2S_". */
  readonly hashToScalarDst: Uint8Array
  /** messages_to_scalars: api_id || "MAP_MSG_TO_SCALAR_AS_HASH_". */
  readonly mapMessageToScalarDst: Uint8Array
  /** create_generators: generator_seed, seed_dst and generator_dst. */
  readonly generatorSeed: Uint8Array
  readonly generatorSeedDst: Uint8Array
  readonly generatorDst: Uint8Array
}

/** The interface whose `api_id` is `text`. */
export function createBbsInterface(text: string): BbsInterface {
  return {
    name: text,
    apiId: utf8(text),
    hashToScalarDst: utf8(`${text}H2S_`),
    mapMessageToScalarDst: utf8(`${text}MAP_MSG_TO_SCALAR_AS_HASH_`),
    generatorSeed: utf8(`${text}MESSAGE_GENERATOR_SEED`),
    generatorSeedDst: utf8(`${text}SIG_GENERATOR_SEED_`),
    generatorDst: utf8(`${text}SIG_GENERATOR_DST_`),
  }
}

/** The BBS interface with messages hashed to scalars, api_id = ciphersuite_id || "H2G_HM2S_": the one ProofVerify and bbs-2023 baseline proofs use. */
export const plainInterface = createBbsInterface(`${ciphersuiteId}H2G_HM2S_`)

/** `api_id` of the plain interface. */
export const apiId: Uint8Array = plainInterface.apiId

/** Octets of a scalar and of a compressed G1 point. */
export const octetScalarLength = 32
export const octetPointLength = 48

/** `expand_len`: ceil((ceil(log2(r)) + k) / 8) with k = 128. */
export const expandLength = 48

/** The plain interface's hash_to_scalar tags, each api_id || a fixed ASCII suffix. */
// Typed by hand: an inferred type would be declared as the generic Uint8Array<ArrayBufferLike>,
// which TypeScript before 5.7 cannot read in the published .d.ts.
export const dst: { readonly hashToScalar: Uint8Array; readonly mapMessageToScalar: Uint8Array } = {
  /** hash_to_scalar in calculate_domain and ProofChallengeCalculate. */
  hashToScalar: plainInterface.hashToScalarDst,
  /** messages_to_scalars. */
  mapMessageToScalar: plainInterface.mapMessageToScalarDst,
}

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
