/**
 * `npm run wallet:sample [-- out.json]`: writes a freshly issued sample certificate for the
 * wallet page (default examples/patient-wallet/sample-certificate.json) and prints its issuer.
 */
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { issueSampleCertificate } from './issueSampleCertificate.js'

const out = process.argv[2] ?? fileURLToPath(new URL('../sample-certificate.json', import.meta.url))
try {
  const { certificate, issuer } = await issueSampleCertificate()
  await writeFile(out, `${JSON.stringify(certificate, null, 2)}\n`)
  console.log(`wrote ${out}\nissuer (paste it into the verify page's trusted issuers): ${issuer}`)
} catch (error) {
  console.error(`wallet:sample: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
