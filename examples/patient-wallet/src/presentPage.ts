/**
 * @module
 * The presentation page: open a verifier's OpenID4VP request (pasted, or from `?request=` when
 * a QR code or link opens the page), show who asks and exactly which claims its DCQL query
 * names, let the patient pick which stored credential answers, and consent (a bbs-2023
 * credential revealing those claims and the issuer's mandatory ones, bound to the request's
 * nonce and client id, posted as the `vp_token`) or decline (`access_denied`). A credential
 * bound to the holder secret is derived with its holder binding: the verifier learns that the
 * holder knows the secret and, for the pseudonym options, a pseudonym for its client id alone.
 */
import {
  createDocumentLoader,
  createOpenId4VpResponse,
  credentialTypeIris,
  declineOpenId4VpRequest,
  type HolderBinding,
  matchOpenId4VpCredentials,
  type ResolvedOpenId4VpRequest,
  resolveOpenId4VpRequest,
  submitOpenId4VpResponse,
  type VerifiableCredential,
} from 'medcred'
import { holderBindingOf, listCredentials, type StoredCredential } from './credentialStore.js'
import { byId, describeError, servedFromLoopback } from './dom.js'
import { listDisclosableFields } from './listDisclosableFields.js'
import { readBaseProofPointers } from './readBaseProofPointers.js'


// Bundled contexts only: matching reads the stored credentials' types, and nothing is fetched.
const documentLoader = createDocumentLoader()

const requestText = byId('request-uri', HTMLTextAreaElement)
const requestError = byId('request-error', HTMLParagraphElement)
const requestSection = byId('request', HTMLElement)
const queriesList = byId('queries', HTMLDivElement)
const shareButton = byId('share', HTMLButtonElement)
const declineButton = byId('decline', HTMLButtonElement)
const presentStatus = byId('present-status', HTMLParagraphElement)
const presentError = byId('present-error', HTMLParagraphElement)

/**
 * The open request, the stored credentials that may answer each of its queries (by query id),
 * and whether the chosen ones can satisfy it.
 */
let current: { request: ResolvedOpenId4VpRequest; choices: Map<string, StoredCredential[]>; canBeSatisfied: boolean } | undefined

const setState = (state: 'empty' | 'open' | 'shared' | 'declined' | 'failed') => {
  document.body.dataset.state = state
}

/** A claim path as the page keys it: its members joined with dots (`null`, any element, as `*`). */
const pathKey = (path: readonly (string | number | null)[]) => path.map((part) => part ?? '*').join('.')

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value))

/** The medcred type a credential query asks for, by its `meta.type_values` IRIs. */
function typeAsked(meta: unknown): string | undefined {
  const values = (meta as { type_values?: unknown } | undefined)?.type_values
  const iris = new Set(Array.isArray(values) ? values.flat() : [])
  return Object.entries(credentialTypeIris).find(([name, iri]) => name !== 'VerifiableCredential' && iris.has(iri))?.[0]
}

async function openRequest(text: string): Promise<void> {
  requestError.textContent = presentStatus.textContent = presentError.textContent = ''
  requestSection.hidden = true
  current = undefined
  setState('empty')
  let request: ResolvedOpenId4VpRequest
  let stored: StoredCredential[]
  let matches: Awaited<ReturnType<typeof matchOpenId4VpCredentials>>
  try {
    request = await resolveOpenId4VpRequest({ request: text.trim(), allowHttpLoopback: servedFromLoopback })
    stored = await listCredentials()
    matches = await matchOpenId4VpCredentials({ request, credentials: stored.map((entry) => entry.credential), documentLoader })
  } catch (error) {
    requestError.textContent = describeError(error)
    return
  }
  byId('verifier-id', HTMLElement).textContent = request.clientId
  byId('verifier-did', HTMLElement).textContent = request.verifierDid ?? 'nobody (an unsigned request)'
  byId('response-uri', HTMLElement).textContent = request.responseUri
  const choices = new Map<string, StoredCredential[]>()
  queriesList.replaceChildren(
    ...request.dcqlQuery.credentials.map((query) => {
      const match = matches.queries.find((entry) => entry.id === query.id)
      const candidates = (match?.matches ?? []).map((entry) => stored[entry.index] as StoredCredential)
      choices.set(query.id, candidates)
      const type = typeAsked(query.meta)
      // Display names come from the issuer's metadata, as stored with a credential of that type.
      const names = candidates[0]?.claimNames ?? stored.find((entry) => entry.configurationId === type)?.claimNames ?? {}
      const box = document.createElement('div')
      box.className = 'query'
      box.dataset.queryId = query.id
      const title = Object.assign(document.createElement('h3'), { textContent: candidates[0]?.name ?? type ?? `A credential (${query.format})` })
      const intro = Object.assign(document.createElement('p'), { textContent: `It asks for exactly these claims${match?.required === false ? ' (optional)' : ''}:` })
      const asked = document.createElement('ul')
      asked.className = 'asked'
      for (const claim of query.claims ?? []) {
        const path = 'path' in claim ? (claim.path as (string | number | null)[]) : []
        const values = 'values' in claim && Array.isArray(claim.values) ? ` (one of: ${claim.values.map(shown).join(', ')})` : ''
        const item = Object.assign(document.createElement('li'), { textContent: `${names[pathKey(path)] ?? pathKey(path)}${values}` })
        item.dataset.path = pathKey(path)
        asked.append(item)
      }
      const list = document.createElement('ul')
      list.className = 'choices fields'
      const mandatory = Object.assign(document.createElement('p'), { className: 'mandatory' })
      const bound = Object.assign(document.createElement('p'), { className: 'bound', hidden: true })
      const showBinding = (entry: StoredCredential) => {
        const option = entry.holderBinding?.featureOption
        bound.hidden = option === undefined
        const pseudonym = option === 'pseudonym' || option === 'holder_binding_pseudonym'
        bound.textContent = option
          ? `This credential is bound to your holder secret (${option}): sharing proves you hold the secret, without showing it${pseudonym ? ', and shows this verifier a pseudonym of its own, the same each time you share with it' : ''}.`
          : ''
      }
      const showMandatory = (entry: StoredCredential) => {
        try {
          const fields = listDisclosableFields(entry.credential, readBaseProofPointers(entry.credential.proof?.proofValue)).filter((field) => field.mandatory)
          mandatory.textContent = `Also shared, because its issuer requires it: ${fields.map((field) => `${field.label}: ${shown(field.value)}`).join('; ')}.`
        } catch (error) {
          // Sharing it would fail the same way; say so now.
          mandatory.textContent = describeError(error)
        }
      }
      candidates.forEach((entry, index) => {
        const radio = Object.assign(document.createElement('input'), { type: 'radio', name: `query-${query.id}`, value: entry.id, checked: index === 0 })
        radio.dataset.issuer = issuerOf(entry.credential)
        radio.addEventListener('change', () => {
          showMandatory(entry)
          showBinding(entry)
          updateShare()
        })
        const claims = match?.matches[index]?.claims.map((claim) => `${names[claim.label] ?? claim.label}: ${claim.values.map(shown).join(', ')}`).join('; ')
        const label = document.createElement('label')
        const bound = entry.holderBinding ? ' (bound to your holder secret)' : ''
        label.append(radio, ` ${entry.name ?? entry.configurationId}${bound} from ${entry.issuerName ?? issuerOf(entry.credential)}, received ${new Date(entry.receivedAt).toLocaleString()}: ${claims}`)
        const item = document.createElement('li')
        item.append(label)
        list.append(item)
      })
      if (candidates[0]) {
        showMandatory(candidates[0])
        showBinding(candidates[0])
      } else mandatory.textContent = 'None of your stored credentials answers this.'
      box.append(title, intro, asked, list, mandatory, bound)
      return box
    }),
  )
  current = { request, choices, canBeSatisfied: matches.canBeSatisfied }
  updateShare()
  declineButton.disabled = false
  requestSection.hidden = false
  setState('open')
}

function issuerOf(credential: VerifiableCredential): string {
  const { issuer } = credential
  return typeof issuer === 'string' ? issuer : String((issuer as { id?: unknown } | undefined)?.id)
}

/** The stored credential the patient picked for each query answered. */
function chosenEntries(): Record<string, StoredCredential> {
  if (!current) return {}
  const picked: Record<string, StoredCredential> = {}
  for (const [queryId, candidates] of current.choices) {
    const id = queriesList.querySelector<HTMLInputElement>(`input[name="query-${CSS.escape(queryId)}"]:checked`)?.value
    const entry = candidates.find((candidate) => candidate.id === id)
    if (entry) picked[queryId] = entry
  }
  return picked
}

/** The picked credentials and the holder bindings of the bound ones, as the response takes them. */
async function chosen(): Promise<{ credentials: Record<string, VerifiableCredential>; holderBindings: Record<string, HolderBinding> }> {
  const credentials: Record<string, VerifiableCredential> = {}
  const holderBindings: Record<string, HolderBinding> = {}
  for (const [queryId, entry] of Object.entries(chosenEntries())) {
    credentials[queryId] = entry.credential
    const holder = await holderBindingOf(entry)
    if (holder) holderBindings[queryId] = holder
  }
  return { credentials, holderBindings }
}

/** *Share* is on when the request can be answered. */
function updateShare(): void {
  shareButton.disabled = !current?.canBeSatisfied
}

async function answer(consent: boolean): Promise<void> {
  if (!current) return
  const { request } = current
  presentError.textContent = ''
  presentStatus.textContent = consent ? 'Deriving and sending…' : 'Declining…'
  shareButton.disabled = declineButton.disabled = true
  try {
    const response = consent ? await createOpenId4VpResponse({ request, ...(await chosen()), documentLoader }) : declineOpenId4VpRequest(request)
    const { status } = await submitOpenId4VpResponse({ request, response })
    presentStatus.textContent = consent ? `Shared with the verifier (HTTP ${status}).` : `Declined: the verifier was told, and learnt nothing else (HTTP ${status}).`
    current = undefined
    setState(consent ? 'shared' : 'declined')
  } catch (error) {
    presentStatus.textContent = ''
    presentError.textContent = describeError(error)
    setState('failed')
  }
}

byId('open-request', HTMLButtonElement).addEventListener('click', () => void openRequest(requestText.value))
shareButton.addEventListener('click', () => void answer(true))
declineButton.addEventListener('click', () => void answer(false))

// A QR code or link opens the page as present.html?request=<request URL>, or with the request's
// own parameters (present.html?client_id=…&request_uri=…) as a web wallet's universal link would.
const parameters = new URLSearchParams(location.search)
const linked = parameters.has('client_id') ? `openid4vp://${location.search}` : parameters.get('request')
if (linked) {
  requestText.value = linked
  void openRequest(linked)
}
