// A verify-only page, as an application that depends on medcred would write it: plain
// JavaScript, `import ... from 'medcred'`, no polyfill, alias or bundler setting for medcred.
// Each bundler in ../buildPage.ts builds it from the installed package.
import { createDidResolver, verifyCredential } from 'medcred'

// did:key only: the page never resolves a DID over the network.
const didResolver = createDidResolver()
const field = (id) => document.getElementById(id)

async function verify() {
  const verdict = field('verdict')
  verdict.hidden = true
  delete verdict.dataset.verified
  const challenge = field('challenge').value.trim()
  const result = await verifyCredential({
    credential: field('credential').value,
    trustedIssuers: [field('trusted').value.trim()],
    didResolver,
    now: new Date(),
    ...(challenge === '' ? {} : { presentationHeader: challenge }),
  })
  field('checks').replaceChildren(
    ...result.checks.map((check) =>
      Object.assign(document.createElement('li'), {
        className: check.ok ? 'ok' : 'failed',
        textContent: check.ok ? `${check.name}: passed` : `${check.name}: ${check.code}: ${check.message}`,
      }),
    ),
  )
  verdict.textContent = result.verified ? 'Verified' : 'Not verified'
  verdict.dataset.verified = String(result.verified)
  verdict.hidden = false
}

field('verify').addEventListener('click', () => void verify())
field('verify').disabled = false
