/** A small HTML page showing both verdicts side by side, every value escaped. */
import type { HospitalVerdicts } from './hospitalVerdicts.js'

const escape = (value: unknown) =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** Renders the verdicts on presentation `id` as a standalone HTML page. */
export function renderVerdicts(id: string, { inProcess, cartesi }: HospitalVerdicts): string {
  const badge = (ok: boolean) => `<strong class="${ok ? 'ok' : 'no'}">${ok ? 'verified' : 'not verified'}</strong>`
  const rows = (entries: [string, unknown][]) => entries.filter(([, v]) => v !== undefined).map(([k, v]) => `<tr><th>${escape(k)}</th><td>${escape(v)}</td></tr>`).join('')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Presentation ${escape(id)}</title>
<style>body{font:15px system-ui;margin:2rem;max-width:60rem}section{display:inline-block;vertical-align:top;width:45%;margin-right:2rem}.ok{color:#176b2c}.no{color:#a01818}th{text-align:left;padding-right:1rem}</style>
</head><body>
<h1>Clinician presentation ${escape(id)}</h1>
<section><h2>In-process</h2><p>${badge(inProcess.verified)}</p><table>${rows([
    ...Object.entries(inProcess.disclosed ?? {}).map(([k, v]): [string, unknown] => [`disclosed ${k}`, typeof v === 'object' ? JSON.stringify(v) : v]),
    ...inProcess.errors.map(({ code, message }): [string, unknown] => [code, message]),
  ])}</table></section>
<section><h2>Cartesi verifier</h2><p>${badge(cartesi.verified)}</p><table>${rows([
    ['input', cartesi.inputIndex],
    ['status', cartesi.status],
    ['issuer', cartesi.issuer],
    ['credential type', cartesi.credentialType],
    ['notice valid on L1', cartesi.noticeValid],
    [cartesi.error?.code ?? 'error', cartesi.error?.message],
  ])}</table></section>
</body></html>
`
}
