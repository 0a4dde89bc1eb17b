/**
 * @module
 * The OpenID4VCI issuer's routes beside the VC-API ones in `medcred serve`: the service's
 * issuer key signs, its contexts load, and the issuer identifier is the service's URL unless
 * given (the public https URL behind a TLS proxy). Requests to the issuer's paths go to
 * {@link createOpenId4VciHandler}. The school's own route, at the service's URL (keep it
 * private, as the VC-API routes): `POST /openid4vci/offers` (JSON `{ credentials, byReference?,
 * txCode? }`) makes an offer, answered 201 `{ offerUri, txCode, qrCode }` (an SVG). Every other
 * request goes to the VC-API handler, unchanged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { createDocumentLoader } from '../contexts/createDocumentLoader.js'
import { MedcredError } from '../errors/MedcredError.js'
import { createCredentialOfferQrCode } from '../openid4vci/createCredentialOfferQrCode.js'
import { createOpenId4VciHandler } from '../openid4vci/createOpenId4VciHandler.js'
import { createOpenId4VciIssuer, type CreateOpenId4VciIssuerParameters, type OpenId4VciIssuer } from '../openid4vci/createOpenId4VciIssuer.js'
import { endpointsOf } from '../openid4vci/endpoints.js'
import { VcApiClientGoneError, VcApiOptionsError, VcApiRequestError } from './errors.js'
import { checkJsonMediaType, pathOf, readBody, sendJson } from './httpMessages.js'
import { internalAnswer, refusal } from './jobAnswers.js'
import type { VcApiOptions } from './types.js'
import { defaultMaxBodyBytes, vcApiDefaults } from './vcApiDefaults.js'

/** The school's route that makes offers. */
export const offersRoute = '/openid4vci/offers'

/** `POST /openid4vci/offers`: the unsigned credentials to offer, as `createCredentialOffer` takes them. */
const createOfferBody = z.strictObject({
  credentials: z.array(z.record(z.string(), z.unknown())).min(1),
  byReference: z.boolean().optional(),
  txCode: z.union([z.literal(false), z.strictObject({ length: z.number().int().optional(), description: z.string().optional() })]).optional(),
})

/** The service's OpenID4VCI issuer: the issuer's options but its key and loader, which are the service's. */
export type ServeOpenId4VciOptions = Omit<CreateOpenId4VciIssuerParameters, 'credentialIssuer' | 'issuerKey' | 'documentLoader'> & {
  /** The credential issuer identifier wallets see; default the service's own URL. */
  credentialIssuer?: string | undefined
}

/** The issuer of a running service and the router that sends its requests to it. */
export type OpenId4VciRoutes = {
  issuer: OpenId4VciIssuer
  /**
   * Answers the request and returns true when its path is the issuer's; false otherwise.
   * `expectsContinue`: the client waits for `100 Continue` before sending its body.
   */
  route(request: IncomingMessage, response: ServerResponse, expectsContinue?: boolean): boolean
}

/**
 * Creates the issuer of a service listening at `url`.
 *
 * @throws {VcApiOptionsError} `ERR_SERVE_OPTIONS_INVALID` when the service has no issuer key;
 *   `OpenId4VciOptionsError` (`ERR_OID4VCI_OPTIONS_INVALID`) when an issuer option is wrong.
 */
export function createOpenId4VciRoutes(options: VcApiOptions, openId4Vci: ServeOpenId4VciOptions, url: string): OpenId4VciRoutes {
  if (!options.issuerKey) throw new VcApiOptionsError({ reason: 'openId4VciIssuerKey' })
  const { credentialIssuer = url, ...issuerOptions } = openId4Vci
  const issuer = createOpenId4VciIssuer({
    ...issuerOptions,
    now: issuerOptions.now ?? options.now,
    credentialIssuer,
    issuerKey: options.issuerKey,
    documentLoader: createDocumentLoader({ contexts: options.contexts ?? [] }),
  })
  const handler = createOpenId4VciHandler(issuer, { onInternalError: options.onInternalError })
  const endpoints = endpointsOf(credentialIssuer)
  const paths = new Set([endpoints.credentialIssuerMetadata, endpoints.authorizationServerMetadata, endpoints.token, endpoints.nonce, endpoints.credential].map((endpoint) => new URL(endpoint).pathname))
  const offers = `${new URL(endpoints.offers).pathname}/`
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes
  const bodyTimeoutMs = (options.bodyTimeoutSeconds ?? vcApiDefaults.bodyTimeoutSeconds) * 1000

  async function createOffer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      checkJsonMediaType(request)
      let body: unknown
      try {
        body = JSON.parse(new TextDecoder().decode(await readBody(request, maxBodyBytes, bodyTimeoutMs)))
      } catch (error) {
        if (error instanceof MedcredError) throw error
        throw new VcApiRequestError({ reason: 'bodyNotJson', parseError: error as Error })
      }
      const parsed = createOfferBody.safeParse(body)
      if (!parsed.success) throw new VcApiRequestError({ reason: 'requestInvalid', error: parsed.error })
      const { offerUri, txCode } = await issuer.createCredentialOffer(parsed.data)
      sendJson(response, 201, { offerUri, txCode, qrCode: await createCredentialOfferQrCode({ offerUri }) })
    } catch (error) {
      if (error instanceof VcApiClientGoneError || response.headersSent) return
      if (error instanceof MedcredError) {
        const { status, text } = refusal(error instanceof VcApiRequestError ? error.status : 400, error.code, error.message)
        return sendJson(response, status, JSON.parse(text), request.complete ? {} : { connection: 'close' })
      }
      options.onInternalError?.(error)
      const { status, text } = internalAnswer(error)
      sendJson(response, status, JSON.parse(text))
    }
  }

  return {
    issuer,
    route(request, response, expectsContinue = false) {
      const path = pathOf(request)
      const offer = path === offersRoute && request.method === 'POST'
      if (!offer && !paths.has(path) && !path.startsWith(offers)) return false
      if (expectsContinue) response.writeContinue()
      if (offer) void createOffer(request, response)
      else handler(request, response)
      return true
    },
  }
}
