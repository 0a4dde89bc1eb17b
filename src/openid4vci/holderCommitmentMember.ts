/**
 * @module
 * medcred's OpenID4VCI extension member for Blind BBS commitments, shared by the issuer and
 * the holder sides.
 */

/**
 * The name of the extension member, in a configuration of the issuer metadata
 * (`{ feature_option }`), in a credential request and in the payload of its key proof (the
 * holder's commitment, multibase): OpenID4VCI 1.0 allows extension members in each, and none
 * of its parameters carries a Blind BBS commitment. The key proof carries it so that a
 * commitment is good for one issuer (`aud`) and one nonce.
 */
export const holderCommitmentMember = 'medcred_holder_commitment'
