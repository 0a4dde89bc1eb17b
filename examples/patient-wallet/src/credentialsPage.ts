/**
 * @module
 * The credentials page: open an OpenID4VCI offer (pasted, or from `?offer=` when a QR code or
 * link opens the page), show the issuer and what it offers, ask for the transaction code when
 * the offer needs one, receive the credentials bound to a fresh holder key, store them in
 * IndexedDB, and list and show what is stored.
 */
import { byId, describeError, formatJson } from './dom.js'
import { listCredentials, saveCredential, type StoredCredential } from './credentialStore.js'
import { acceptCredentialOffer, generateHolderKey, type ResolvedCredentialOffer, resolveCredentialOffer } from 'medcred'

const offerText = byId('offer-uri', HTMLTextAreaElement)
const offerError = byId('offer-error', HTMLParagraphElement)
const offerSection = byId('offer', HTMLElement)
const txCodeField = byId('tx-code-field', HTMLDivElement)
const txCode = byId('tx-code', HTMLInputElement)
const acceptButton = byId('accept-offer', HTMLButtonElement)
const acceptStatus = byId('accept-status', HTMLParagraphElement)
const acceptError = byId('accept-error', HTMLParagraphElement)
const storedList = byId('stored-list', HTMLUListElement)
const storedDetail = byId('stored-detail', HTMLDivElement)

// Issuers are reached over https; a page served from loopback (development, tests) may also
// reach http issuers on loopback.
const allowHttpLoopback = ['127.0.0.1', 'localhost', '[::1]'].includes(location.hostname)

let current: ResolvedCredentialOffer | undefined

/** A claim path as the page keys it: its members joined with dots. */
const pathKey = (path: readonly (string | number | null)[]) => path.join('.')

async function openOffer(offerUri: string): Promise<void> {
  offerError.textContent = acceptError.textContent = acceptStatus.textContent = ''
  offerSection.hidden = true
  current = undefined
  try {
    current = await resolveCredentialOffer({ offerUri, allowHttpLoopback })
  } catch (error) {
    offerError.textContent = describeError(error)
    return
  }
  byId('offer-issuer', HTMLElement).textContent = current.issuerName ?? current.credentialIssuer
  byId('offer-issuer-url', HTMLElement).textContent = current.credentialIssuer
  byId('offered-credentials', HTMLUListElement).replaceChildren(
    ...current.credentials.map((offered) => {
      const item = document.createElement('li')
      item.dataset.configurationId = offered.configurationId
      const title = Object.assign(document.createElement('strong'), { textContent: offered.name ?? offered.configurationId })
      const claims = Object.assign(document.createElement('p'), {
        className: 'claims',
        textContent: `It holds: ${offered.claims.map((claim) => claim.name ?? pathKey(claim.path)).join(', ')}.`,
      })
      item.append(title, offered.description ? ` ${offered.description}` : '', claims)
      return item
    }),
  )
  txCodeField.hidden = !current.txCode
  txCode.value = ''
  if (current.txCode) {
    const { length, inputMode, description } = current.txCode
    txCode.inputMode = inputMode === 'numeric' ? 'numeric' : 'text'
    byId('tx-code-hint', HTMLParagraphElement).textContent =
      `${length ? `${length} ${inputMode === 'numeric' ? 'digits' : 'characters'}` : 'The code'} the issuer sent you on another channel${description ? `: ${description}` : '.'}`
  }
  offerSection.hidden = false
}

async function accept(): Promise<void> {
  if (!current) return
  const offer = current
  acceptError.textContent = ''
  acceptStatus.textContent = 'Receiving…'
  acceptButton.disabled = true
  try {
    // A fresh key per offer: the holder DID in one credential does not link it to the others.
    const holderKey = await generateHolderKey()
    const { credentials } = await acceptCredentialOffer({ offer, txCode: offer.txCode ? txCode.value : undefined, holderKey })
    const receivedAt = new Date().toISOString()
    for (const { configurationId, credential } of credentials) {
      const offered = offer.credentials.find((entry) => entry.configurationId === configurationId)
      await saveCredential({
        id: crypto.randomUUID(),
        receivedAt,
        credentialIssuer: offer.credentialIssuer,
        issuerName: offer.issuerName,
        configurationId,
        name: offered?.name,
        claimNames: Object.fromEntries((offered?.claims ?? []).flatMap((claim) => (claim.name ? [[pathKey(claim.path), claim.name]] : []))),
        credential,
        holderKey,
      })
    }
    acceptStatus.textContent = `Stored ${credentials.length} credential${credentials.length === 1 ? '' : 's'}.`
    offerText.value = ''
    offerSection.hidden = true
    current = undefined
    await showStored()
  } catch (error) {
    acceptStatus.textContent = ''
    acceptError.textContent = describeError(error)
  } finally {
    acceptButton.disabled = false
  }
}

/** The leaves of the credential subject with their display names, in document order. */
function claimRows(entry: StoredCredential): [string, string][] {
  const rows: [string, string][] = []
  const walk = (value: unknown, path: string[]) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      // `type` is the schema's, and the subject's `id` is the holder DID, shown apart.
      for (const [key, inner] of Object.entries(value)) if (key !== 'type' && !(key === 'id' && path.length === 1)) walk(inner, [...path, key])
      return
    }
    const key = path.join('.')
    rows.push([entry.claimNames[key] ?? key, typeof value === 'string' ? value : JSON.stringify(value)])
  }
  walk(entry.credential.credentialSubject, ['credentialSubject'])
  return rows
}

function showDetail(entry: StoredCredential): void {
  byId('detail-title', HTMLHeadingElement).textContent = entry.name ?? entry.configurationId
  const issuer = entry.credential.issuer
  byId('detail-issuer', HTMLElement).textContent = typeof issuer === 'string' ? issuer : String((issuer as { id?: unknown } | undefined)?.id)
  byId('detail-received', HTMLSpanElement).textContent = new Date(entry.receivedAt).toLocaleString()
  byId('detail-holder', HTMLElement).textContent = entry.holderKey.did
  byId('detail-claims', HTMLDListElement).replaceChildren(
    ...claimRows(entry).flatMap(([name, value]) => [
      Object.assign(document.createElement('dt'), { textContent: name }),
      Object.assign(document.createElement('dd'), { textContent: value }),
    ]),
  )
  byId('detail-json', HTMLTextAreaElement).value = formatJson(entry.credential)
  storedDetail.hidden = false
  storedDetail.dataset.id = entry.id
}

async function showStored(): Promise<void> {
  const entries = await listCredentials()
  byId('stored-empty', HTMLParagraphElement).hidden = entries.length > 0
  storedList.replaceChildren(
    ...entries.map((entry) => {
      const button = Object.assign(document.createElement('button'), {
        type: 'button',
        textContent: `${entry.name ?? entry.configurationId}, from ${entry.issuerName ?? entry.credentialIssuer}`,
      })
      button.addEventListener('click', () => showDetail(entry))
      const item = document.createElement('li')
      item.dataset.id = entry.id
      item.dataset.configurationId = entry.configurationId
      item.append(button)
      return item
    }),
  )
  if (entries[0]) showDetail(entries[0])
  document.body.dataset.stored = String(entries.length)
}

byId('open-offer', HTMLButtonElement).addEventListener('click', () => void openOffer(offerText.value))
acceptButton.addEventListener('click', () => void accept())

// A QR code or link opens the page as credentials.html?offer=<offer URI>.
const linked = new URLSearchParams(location.search).get('offer')
void showStored().then(() => {
  if (linked) {
    offerText.value = linked
    return openOffer(linked)
  }
})
