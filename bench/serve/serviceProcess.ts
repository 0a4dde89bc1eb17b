/**
 * The service under the serve bench, in a process of its own (so its peak RSS is the service's,
 * workers included, and the load generator's CPU is not in its threads): `medcred serve`'s
 * library call with its defaults, an issuer key, and a derived 15-claim licence to verify.
 * Talks to the bench over IPC: `ready` with the URL and the request body; `watch` starts
 * watching the resident set, `peak` answers its peak since; `stop` closes the service.
 */
import { availableParallelism } from 'node:os'
import { createDocumentLoader } from '../../src/contexts/createDocumentLoader.js'
import { generateKeyPair } from '../../src/keys/generateKeyPair.js'
import { createVcApiServer } from '../../src/serve/createVcApiServer.js'
import { deriveCredential } from '../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../src/suites/bbs-2023/issueCredential.js'
import { sampleLicence } from '#test/credentials.js'

export type ServiceMessage =
  | { type: 'ready'; url: string; verifyBody: string; workers: number }
  | { type: 'peak'; rssMiB: number; maxRssMiB: number }

export type BenchMessage = { type: 'watch' } | { type: 'peak' } | { type: 'stop' }

const send = (message: ServiceMessage) => process.send!(message)
const mib = (bytes: number) => bytes / 2 ** 20

const school = await generateKeyPair({ type: 'Bls12381G2' })
const holder = await generateKeyPair({ type: 'Ed25519' })
const documentLoader = createDocumentLoader()
const signed = await issueCredential({ credential: sampleLicence(school.controller, holder.controller), issuerKey: school, documentLoader })
const challenge = 'bench-challenge-1'
const derived = await deriveCredential({ credential: signed, reveal: ['credentialSubject.speciality', 'credentialSubject.licenceNumber'], presentationHeader: challenge, documentLoader })
const service = await createVcApiServer({ issuerKey: school, trustedIssuers: [school.controller] })

let peak = 0
let watcher: NodeJS.Timeout | undefined
const sample = () => {
  peak = Math.max(peak, process.memoryUsage.rss())
}

process.on('message', (message: BenchMessage) => {
  if (message.type === 'watch') {
    peak = 0
    sample()
    clearInterval(watcher)
    watcher = setInterval(sample, 20)
  } else if (message.type === 'peak') {
    sample()
    send({ type: 'peak', rssMiB: mib(peak), maxRssMiB: process.resourceUsage().maxRSS / 1024 })
  } else {
    clearInterval(watcher)
    void service.close().then(() => process.exit(0))
  }
})

send({
  type: 'ready',
  url: service.url,
  verifyBody: JSON.stringify({ verifiableCredential: derived, options: { presentationHeader: challenge } }),
  workers: availableParallelism(),
})
