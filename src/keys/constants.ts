/**
 * @module
 * Fixed identifiers the key modules share.
 */

/** The JSON-LD context of a Multikey document. */
export const multikeyContext = 'https://w3id.org/security/multikey/v1'

/** The BBS ciphersuite every medcred BLS12-381 G2 key signs with (bbs-2023 requires it). */
export const bbsAlgorithm = 'BBS-BLS12-381-SHA-256'
