/**
 * @module
 * The hospital's OpenID4VP pages, every value escaped: the start page, and a session's page
 * (the request as a QR code and links, then the verdict: the claims the patient disclosed, or
 * the refusal's code and message).
 */
import { type createDcqlQuery, mandatoryPointersFor, type OpenId4VpVerificationResult } from 'medcred'
import type { HospitalSession } from './createOpenId4VpHospital.js'

const escape = (value: unknown) =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** Names for the claims the hospital asks for, by their path joined with dots. */
const claimNames: Record<string, string> = {
  'credentialSubject.vaccine.targetDisease': 'Target disease',
  'credentialSubject.doseNumber': 'Dose number',
}

const style = `body{font:15px system-ui;margin:2rem;max-width:60rem}.ok{color:#176b2c}.no{color:#a01818}th{text-align:left;padding-right:1rem;font-weight:normal}
#request-qr svg{width:18rem;height:18rem}code,td{word-break:break-all}td:last-child{white-space:nowrap;color:#555;padding-left:1rem}`

const page = (title: string, body: string, script = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${style}</style>${script}</head><body>
<h1>${escape(title)}</h1>
${body}
</body></html>
`

/** The start page: one button that opens a session. */
export function renderStartPage(): string {
  return page(
    'Hospital reception',
    `<p>Ask the patient to show, from their wallet, which disease they are vaccinated against and the dose number: nothing else.</p>
<form method="post" action="/openid4vp/sessions"><button id="ask-vaccination" type="submit">Ask for a vaccination certificate</button></form>`,
  )
}

/** The session page's script: reload when a verdict arrives (server-sent events, no polling). */
export const sessionPageScript = `const events = new EventSource(location.pathname + '/events')
events.addEventListener('verdict', () => { events.close(); location.reload() })
`

export type RenderSessionPageParameters = {
  session: HospitalSession
  clientId: string
  /** The request URL as an SVG QR code. */
  qrCode: string
  walletUrl?: string | undefined
  query: ReturnType<typeof createDcqlQuery>
}

/** A session: the request while it waits, then the first verdict and any later responses refused. */
export function renderSessionPage({ session, clientId, qrCode, walletUrl, query }: RenderSessionPageParameters): string {
  const { request, verdicts } = session
  const [first, ...later] = verdicts
  const asked = query.credentials.flatMap((credential) =>
    (credential.claims ?? []).map((claim) => {
      const key = ('path' in claim ? claim.path : []).join('.')
      return `<li data-path="${escape(key)}">${escape(claimNames[key] ?? key)}</li>`
    }),
  )
  const askedSection = `<section id="asked"><h2>Asked for</h2><p>A vaccination certificate from a trusted issuer, disclosing only:</p><ul id="asked-claims">${asked.join('')}</ul>
<p>Verifier: <code id="client-id">${escape(clientId)}</code></p></section>`
  if (!first) {
    const walletLink = walletUrl ? `<p><a id="wallet-link" href="${escape(`${walletUrl}?request=${encodeURIComponent(request.authorizationRequest)}`)}">Open in the web wallet</a></p>` : ''
    return page(
      'Waiting for the patient',
      `<p id="waiting">Scan the QR code with your wallet, or open the link on this device.</p>
<div id="request-qr">${qrCode}</div>
<p><a id="request-link" href="${escape(request.authorizationRequest)}">Open in your wallet app</a></p>
${walletLink}
${askedSection}`,
      '<script src="/openid4vp/session.js" defer></script>',
    )
  }
  const laterList = later.length
    ? `<section><h2>Later responses to this request</h2><ul id="later">${later.map((verdict) => `<li>${refusal(verdict)}</li>`).join('')}</ul></section>`
    : ''
  return page(first.verified ? 'Verified' : 'Not verified', `${verdict(first)}\n${laterList}\n${askedSection}`)
}

/** The refusal of a verdict: its stable code, then its message. */
function refusal(verdict: OpenId4VpVerificationResult): string {
  return verdict.verified ? '<strong class="ok">verified</strong>' : `<strong class="no">refused</strong> <code class="code">${escape(verdict.error.code)}</code> <span class="message">${escape(verdict.error.message)}</span>`
}

/** The first verdict: the disclosed claims by kind (asked for, mandatory, the rest of what was revealed), or the refusal. */
function verdict(result: OpenId4VpVerificationResult): string {
  if (!result.verified) return `<p id="verdict" data-verified="false">${refusal(result)}</p>`
  const sections = Object.entries(result.credentials).map(([queryId, disclosed]) => {
    const asked = disclosed.claims.map((claim) => claim.pointer)
    const mandatory = mandatoryPointersFor(disclosed.credential)
    const kindOf = (pointer: string) => (asked.includes(pointer) ? 'asked' : mandatory.some((prefix) => pointer === prefix || pointer.startsWith(`${prefix}/`)) ? 'mandatory' : 'revealed')
    // The claims asked for first, in the query's order; then the mandatory ones; then what came with them.
    const rank = (pointer: string) => (asked.includes(pointer) ? asked.indexOf(pointer) : kindOf(pointer) === 'mandatory' ? asked.length : asked.length + 1)
    const rows = leaves(disclosed.credential, '').sort(([a], [b]) => rank(a) - rank(b)).map(([pointer, value]) => {
      const kind = kindOf(pointer)
      const key = pointer.slice(1).replaceAll('/', '.')
      return `<tr data-pointer="${escape(pointer)}" data-kind="${kind}"><th>${escape(claimNames[key] ?? key)}</th><td>${escape(typeof value === 'string' ? value : JSON.stringify(value))}</td><td>${kind === 'asked' ? 'asked for' : kind === 'mandatory' ? "the issuer's mandatory field" : 'revealed with it'}</td></tr>`
    })
    return `<section data-query-id="${escape(queryId)}"><h2>From <code class="issuer">${escape(disclosed.issuer)}</code></h2><table id="disclosed">${rows.join('')}</table></section>`
  })
  return `<p id="verdict" data-verified="true"><strong class="ok">verified</strong>: signed by a trusted issuer, for this request, disclosing what was asked.</p>\n${sections.join('\n')}`
}

/** Each leaf of the disclosed credential (its proof and `@context` aside) by JSON pointer, in document order. */
function leaves(value: unknown, pointer: string): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, `${pointer}/${i}`))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => (pointer === '' && (key === 'proof' || key === '@context') ? [] : leaves(item, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`)))
  }
  return [[pointer, value]]
}
