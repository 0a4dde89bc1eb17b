/**
 * @module
 * The credentials page: open an OpenID4VCI offer (pasted, or from `?offer=` when a QR code or
 * link opens the page), show the issuer and what it offers, ask for the transaction code when
 * the offer needs one, receive the credentials bound to a fresh holder key (or, where the
 * issuer signs over a holder commitment, to the wallet's holder secret, created on first need),
 * store them in IndexedDB, list and show what is stored, and show the pseudonym a bound
 * credential will present to a context the patient types.
 */
import { byId, describeError, formatJson, servedFromLoopback } from './dom.js'
import { holderBindingOf, listCredentials, obtainHolderSecret, saveCredential, type StoredCredential } from './credentialStore.js'
import {
  acceptCredentialOffer,
  createDocumentLoader,
  generateHolderKey,
  type HolderSecret,
  type ProofFeature,
  pseudonymFor,
  type ResolvedCredentialOffer,
  resolveCredentialOffer,
} from 'medcred'

const offerText = byId('offer-uri', HTMLTextAreaElement)
const offerError = byId('offer-error', HTMLParagraphElement)
const offerSection = byId('offer', HTMLElement)
const txCodeField = byId('tx-code-field', HTMLDivElement)
const txCode = byId('tx-code', HTMLInputElement)
const acceptButton = byId('accept-offer', HTMLButtonElement)
const acceptStatus = byId('accept-status', HTMLParagraphElement)
const acceptError = byId('accept-error', HTMLParagraphElement)
const holderSecretStatus = byId('holder-secret-status', HTMLParagraphElement)
const storedList = byId('stored-list', HTMLUListElement)
const storedDetail = byId('stored-detail', HTMLDivElement)
const pseudonymForm = byId('pseudonym-form', HTMLFormElement)
const pseudonymContext = byId('pseudonym-context', HTMLInputElement)
const pseudonymShown = byId('pseudonym-shown', HTMLParagraphElement)
const pseudonymValue = byId('pseudonym-value', HTMLElement)
const pseudonymError = byId('pseudonym-error', HTMLParagraphElement)

// Bundled contexts only: a pseudonym is computed by a derivation, and nothing is fetched.
const documentLoader = createDocumentLoader()

/** What each bbs-2023 feature option means for the patient. */
const featureOptions: Record<ProofFeature, string> = {
  anonymous_holder_binding: 'anonymous holder binding (only this wallet can present it, and its proof does not link one presentation to another)',
  pseudonym: 'pseudonym (you show each context a pseudonym of its own)',
  holder_binding_pseudonym: 'holder binding and pseudonym (only this wallet can present it, and you show each context a pseudonym of its own)',
}

/** Whether a credential with this option shows a pseudonym. */
const hasPseudonym = (option: ProofFeature | undefined) => option === 'pseudonym' || option === 'holder_binding_pseudonym'


let current: ResolvedCredentialOffer | undefined
/** The credential the detail shows. */
let shownEntry: StoredCredential | undefined

/** A claim path as the page keys it: its members joined with dots. */
const pathKey = (path: readonly (string | number | null)[]) => path.join('.')

async function openOffer(offerUri: string): Promise<void> {
  offerError.textContent = acceptError.textContent = acceptStatus.textContent = ''
  offerSection.hidden = true
  current = undefined
  try {
    current = await resolveCredentialOffer({ offerUri, allowHttpLoopback: servedFromLoopback })
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
      if (offered.holderCommitment) {
        const binding = Object.assign(document.createElement('p'), {
          className: 'binding',
          textContent: `Bound to your holder secret, not to a DID: ${featureOptions[offered.holderCommitment]}.`,
        })
        item.append(binding)
      }
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
  acceptError.textContent = holderSecretStatus.textContent = ''
  acceptStatus.textContent = 'Receiving…'
  acceptButton.disabled = true
  try {
    // A fresh key per offer: the holder DID in one credential does not link it to the others.
    const holderKey = await generateHolderKey()
    // One holder secret for the wallet: the issuer sees only a fresh commitment to it per credential.
    let holderSecret: HolderSecret | undefined
    if (offer.credentials.some((offered) => offered.holderCommitment)) {
      const obtained = await obtainHolderSecret()
      holderSecret = obtained.secret
      if (obtained.created) holderSecretStatus.textContent = 'Your holder secret was created. It stays in this browser and is never shown.'
    }
    const { credentials } = await acceptCredentialOffer({ offer, txCode: offer.txCode ? txCode.value : undefined, holderKey, holderSecret })
    const receivedAt = new Date().toISOString()
    for (const { configurationId, credential, holderBinding } of credentials) {
      const offered = offer.credentials.find((entry) => entry.configurationId === configurationId)
      const featureOption = offered?.holderCommitment
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
        // The secret itself is stored once, apart; each credential keeps its own blind.
        ...(holderBinding && featureOption ? { holderBinding: { featureOption, secretProverBlind: holderBinding.secretProverBlind } } : {}),
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
  const option = entry.holderBinding?.featureOption
  byId('detail-bound-key', HTMLParagraphElement).hidden = option !== undefined
  byId('detail-holder', HTMLElement).textContent = option ? '' : entry.holderKey.did
  const boundSecret = byId('detail-bound-secret', HTMLParagraphElement)
  boundSecret.hidden = option === undefined
  boundSecret.dataset.featureOption = option ?? ''
  byId('detail-feature-option', HTMLSpanElement).textContent = option ? featureOptions[option] : ''
  pseudonymForm.hidden = !hasPseudonym(option)
  pseudonymContext.value = pseudonymValue.textContent = pseudonymError.textContent = ''
  pseudonymShown.hidden = true
  delete pseudonymValue.dataset.context
  byId('detail-claims', HTMLDListElement).replaceChildren(
    ...claimRows(entry).flatMap(([name, value]) => [
      Object.assign(document.createElement('dt'), { textContent: name }),
      Object.assign(document.createElement('dd'), { textContent: value }),
    ]),
  )
  byId('detail-json', HTMLTextAreaElement).value = formatJson(entry.credential)
  storedDetail.hidden = false
  storedDetail.dataset.id = entry.id
  shownEntry = entry
}

/** Shows the pseudonym the shown credential presents to the typed context. */
async function showPseudonym(): Promise<void> {
  const entry = shownEntry
  const context = pseudonymContext.value.trim()
  pseudonymError.textContent = ''
  pseudonymShown.hidden = true
  if (!entry || context === '') return
  try {
    const holder = await holderBindingOf(entry)
    if (!holder) return
    const pseudonym = await pseudonymFor({ credential: entry.credential, holder, pseudonymContext: context, documentLoader })
    // The patient may have picked another credential or context meanwhile.
    if (shownEntry !== entry || pseudonymContext.value.trim() !== context) return
    pseudonymValue.textContent = pseudonym
    pseudonymValue.dataset.context = context
    pseudonymShown.hidden = false
  } catch (error) {
    pseudonymError.textContent = describeError(error)
  }
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
pseudonymForm.addEventListener('submit', (event) => {
  event.preventDefault()
  void showPseudonym()
})

// A QR code or link opens the page as credentials.html?offer=<offer URI>.
const linked = new URLSearchParams(location.search).get('offer')
void showStored().then(() => {
  if (linked) {
    offerText.value = linked
    return openOffer(linked)
  }
})
