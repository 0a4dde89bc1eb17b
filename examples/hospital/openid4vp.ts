/**
 * `npx tsx examples/hospital/openid4vp.ts`: the OpenID4VP flow on this machine. A school's
 * OpenID4VCI issuer and the hospital's verifier start on 127.0.0.1; the school makes one offer
 * of a vaccination certificate. Open the offer in the wallet (`npm run wallet`), then the
 * hospital's page, ask, and answer in the wallet. Ctrl-C stops both.
 *
 * Environment: `WALLET` the wallet's origin (default http://localhost:5173), `PORT` the hospital's.
 */
import { createDocumentLoader, createVaccinationCertificate, generateKeyPair } from 'medcred'
import { createOpenId4VciHandler, createOpenId4VciIssuer } from 'medcred/node'
import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createOpenId4VpHospital } from './createOpenId4VpHospital.js'

const wallet = process.env.WALLET ?? 'http://localhost:5173'

const schoolKey = await generateKeyPair({ type: 'Bls12381G2' })
const schoolServer = createServer().listen(0, '127.0.0.1')
await once(schoolServer, 'listening')
const school = createOpenId4VciIssuer({
  credentialIssuer: `http://127.0.0.1:${(schoolServer.address() as AddressInfo).port}`,
  issuerKey: schoolKey,
  documentLoader: createDocumentLoader(),
})
schoolServer.on('request', createOpenId4VciHandler(school))

const hospital = await createOpenId4VpHospital({
  trustedIssuers: [schoolKey.controller],
  walletUrl: `${wallet}/present.html`,
  port: Number(process.env.PORT ?? 0),
})

const { offerUri, txCode } = await school.createCredentialOffer({
  credentials: [
    createVaccinationCertificate({
      issuer: schoolKey.controller,
      patient: { name: 'Noor de Vries', birthDate: '2019-04-12' },
      vaccine: { product: 'M-M-RvaxPro', manufacturer: 'Merck Sharp & Dohme', code: { system: 'CVX', code: '03' }, targetDisease: 'measles' },
      doseNumber: 2,
      seriesSize: 2,
      date: '2024-03-14',
      lot: 'X7734-B',
      administeringCentre: 'GGD Amsterdam',
      country: 'NL',
      validFrom: '2024-04-02T09:30:00Z',
    }),
  ],
})
console.log(`1. the wallet receives the certificate (transaction code ${txCode}):
   ${wallet}/credentials.html?offer=${encodeURIComponent(offerUri)}
2. the hospital asks (trusts ${schoolKey.controller}):
   ${hospital.url}/openid4vp
Ctrl-C stops both.`)

await new Promise((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve))
await hospital.close()
schoolServer.closeAllConnections()
schoolServer.close()
