/**
 * @module
 * A credential offer URI as a QR code (SVG), for a wallet's camera: the school prints or
 * shows it, and sends the transaction code on another channel. Drawn by the `qrcode` package.
 * Exported from `medcred/node`.
 */
import { OpenId4VciOptionsError } from './errors.js'

export type CreateCredentialOfferQrCodeParameters = {
  /** The offer URI from {@link createCredentialOffer} (`openid-credential-offer://…`). */
  offerUri: string
  /** Error correction level; default `M` (15% of the code may be damaged). */
  errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' | undefined
}

/**
 * Draws the offer URI as an SVG QR code. An offer by value of one credential is about 300
 * characters (a version 10-12 code at level M); an offer by reference is shorter still.
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#name-sending-credential-offer-by-
 *
 * @param parameters - {@link CreateCredentialOfferQrCodeParameters}
 * @returns the SVG document, as text
 * @throws {OpenId4VciOptionsError} `ERR_OID4VCI_OPTIONS_INVALID` when the text is not an
 *   offer URI or does not fit one QR code.
 *
 * @example
 * ```ts
 * import { createCredentialOfferQrCode } from 'medcred/node'
 * const { offerUri } = await issuer.createCredentialOffer({ credentials: [licence] })
 * const svg = await createCredentialOfferQrCode({ offerUri })
 * ```
 */
export async function createCredentialOfferQrCode(parameters: CreateCredentialOfferQrCodeParameters): Promise<string> {
  const { offerUri, errorCorrectionLevel = 'M' } = parameters
  if (typeof offerUri !== 'string' || !/^[a-z][a-z0-9+.-]*:\/\/?\?credential_offer(_uri)?=/i.test(offerUri)) {
    throw new OpenId4VciOptionsError({ reason: 'offerUri' })
  }
  // Loaded on first use: importing medcred/node does not load the QR encoder.
  const { default: QRCode } = await import('qrcode')
  try {
    return await QRCode.toString(offerUri, { type: 'svg', errorCorrectionLevel, margin: 2 })
  } catch {
    throw new OpenId4VciOptionsError({ reason: 'offerUriTooLong', length: offerUri.length })
  }
}
