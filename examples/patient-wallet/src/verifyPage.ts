/**
 * @module
 * The verifier page: check a pasted presentation in the browser against the issuers this
 * verifier trusts, and show the verdict, every check, and the disclosed claims.
 */
import { byId, describeError, formatJson } from './dom.js'
import { parseTrustedIssuers } from './parseTrustedIssuers.js'
import { bbs, createDidResolver, type TrustedIssuer, verifyCredential } from 'medcred'

// did:key only, offline: the page never resolves a DID over the network.
const didResolver = createDidResolver()

const presentation = byId('presentation', HTMLTextAreaElement)
const challenge = byId('challenge', HTMLInputElement)
const trustedText = byId('trusted-issuers', HTMLTextAreaElement)
const trustNamed = byId('trust-named-issuer', HTMLInputElement)
const verifyError = byId('verify-error', HTMLParagraphElement)
const result = byId('result', HTMLElement)
const verdict = byId('verdict', HTMLHeadingElement)
const trustWarning = byId('trust-warning', HTMLParagraphElement)
const checks = byId('checks', HTMLUListElement)

/** The issuer a presentation names, read only to offer trusting it, with the warning shown. */
function namedIssuer(text: string): string | undefined {
  try {
    const issuer = (JSON.parse(text) as { issuer?: unknown }).issuer
    const id = typeof issuer === 'string' ? issuer : (issuer as { id?: unknown } | undefined)?.id
    return typeof id === 'string' ? id : undefined
  } catch {
    return undefined
  }
}

async function verify(): Promise<void> {
  verifyError.textContent = ''
  result.hidden = true
  let trustedIssuers: TrustedIssuer[]
  try {
    trustedIssuers = parseTrustedIssuers(trustedText.value)
  } catch (error) {
    verifyError.textContent = describeError(error)
    return
  }
  const fromPresentation = trustedIssuers.length === 0 && trustNamed.checked ? namedIssuer(presentation.value) : undefined
  if (trustedIssuers.length === 0 && !fromPresentation) {
    verifyError.textContent = 'List the issuers you trust, or tick the box to trust the one the presentation names.'
    return
  }
  const outcome = await verifyCredential({
    credential: presentation.value,
    trustedIssuers: fromPresentation ? [fromPresentation] : trustedIssuers,
    didResolver,
    now: new Date(),
    ...(challenge.value.trim() === '' ? {} : { presentationHeader: challenge.value.trim() }),
  })
  verdict.textContent = outcome.verified ? 'Verified' : 'Not verified'
  verdict.dataset.verified = String(outcome.verified)
  // Which BBS arithmetic checked the proof: 'bigint' means the page's policy refused WebAssembly.
  verdict.dataset.arithmetic = bbs.arithmetic()
  trustWarning.hidden = !fromPresentation
  byId('issuer', HTMLElement).textContent = outcome.issuer ?? '(none)'
  byId('types', HTMLElement).textContent = outcome.types.join(', ')
  checks.replaceChildren(
    ...outcome.checks.map((check) =>
      Object.assign(document.createElement('li'), {
        className: check.ok ? 'ok' : 'failed',
        textContent: check.ok ? `${check.name}: passed` : `${check.name}: ${check.code}: ${check.message}`,
      }),
    ),
  )
  // Shown only when the proof holds: unverified claims are not claims.
  byId('disclosed', HTMLPreElement).textContent = outcome.verified ? formatJson(outcome.disclosed) : '(not shown: the presentation did not verify)'
  result.hidden = false
}

byId('verify', HTMLButtonElement).addEventListener('click', () => void verify())
