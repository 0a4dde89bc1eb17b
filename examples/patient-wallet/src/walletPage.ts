/**
 * @module
 * The wallet page: load a certificate, tick fields, preview, derive for a challenge, show the
 * presentation as JSON and as a QR code. Everything runs in the page; nothing is sent anywhere.
 */
import { byId, describeError, formatJson } from './dom.js'
import { previewDisclosure } from './previewDisclosure.js'
import { type LoadedCertificate, readCertificate } from './readCertificate.js'
import { renderQrCode } from './renderQrCode.js'
import { createDidResolver, createDocumentLoader, deriveCredential } from 'medcred'

const documentLoader = createDocumentLoader({ didResolver: createDidResolver() })

const fileInput = byId('certificate-file', HTMLInputElement)
const pasted = byId('certificate-text', HTMLTextAreaElement)
const loadError = byId('load-error', HTMLParagraphElement)
const fieldList = byId('field-list', HTMLUListElement)
const preview = byId('preview-json', HTMLPreElement)
const challenge = byId('challenge', HTMLInputElement)
const presentError = byId('present-error', HTMLParagraphElement)
const presentationJson = byId('presentation-json', HTMLTextAreaElement)
const qrCanvas = byId('qr-code', HTMLCanvasElement)
const qrNote = byId('qr-note', HTMLParagraphElement)
const sections = { choose: byId('choose', HTMLElement), present: byId('present', HTMLElement), output: byId('output', HTMLElement) }

let loaded: LoadedCertificate | undefined

// A verifier may hand the challenge over in the link: wallet.html?challenge=…
challenge.value = new URLSearchParams(location.search).get('challenge') ?? ''

const selectedPointers = (): string[] =>
  Array.from(fieldList.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked:not(:disabled)'), (box) => box.value)

function load(text: string): void {
  loadError.textContent = ''
  sections.output.hidden = true
  try {
    loaded = readCertificate(text)
  } catch (error) {
    loaded = undefined
    loadError.textContent = describeError(error)
    sections.choose.hidden = sections.present.hidden = true
    return
  }
  fieldList.replaceChildren(
    ...loaded.fields.map((field) => {
      const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: field.pointer, checked: field.mandatory, disabled: field.mandatory })
      const label = document.createElement('label')
      const value = Object.assign(document.createElement('span'), { className: 'value', textContent: typeof field.value === 'string' ? field.value : JSON.stringify(field.value) })
      label.append(box, ` ${field.label}${field.mandatory ? ' (required by the issuer)' : ''}: `, value)
      const item = document.createElement('li')
      item.dataset.pointer = field.pointer
      item.append(label)
      return item
    }),
  )
  sections.choose.hidden = sections.present.hidden = false
  showPreview()
}

function showPreview(): void {
  if (!loaded) return
  sections.output.hidden = true
  preview.textContent = formatJson(previewDisclosure(loaded.credential, [...loaded.mandatoryPointers, ...selectedPointers()]))
}

async function present(): Promise<void> {
  if (!loaded) return
  presentError.textContent = ''
  sections.output.hidden = true
  if (challenge.value.trim() === '') {
    presentError.textContent = 'Enter the challenge the verifier gave you: it binds the presentation to that verifier.'
    return
  }
  try {
    const derived = await deriveCredential({ credential: loaded.credential, reveal: selectedPointers(), presentationHeader: challenge.value.trim(), documentLoader })
    const text = JSON.stringify(derived)
    presentationJson.value = formatJson(derived)
    sections.output.hidden = false
    const qr = await renderQrCode(qrCanvas, text)
    qrCanvas.hidden = !qr.drawn
    qrNote.dataset.bytes = String(qr.bytes)
    qrNote.textContent = qr.drawn
      ? `QR code version ${qr.version} (${qr.bytes} bytes, the compact JSON): show it on a screen, it is too dense for small print.`
      : qr.reason
  } catch (error) {
    presentError.textContent = describeError(error)
  }
}

fileInput.addEventListener('change', async () => {
  const file = fileInput.files?.[0]
  if (file) load(await file.text())
})
byId('load-certificate', HTMLButtonElement).addEventListener('click', () => load(pasted.value))
fieldList.addEventListener('change', showPreview)
byId('create-presentation', HTMLButtonElement).addEventListener('click', () => void present())
byId('copy-presentation', HTMLButtonElement).addEventListener('click', () => void navigator.clipboard.writeText(presentationJson.value))
