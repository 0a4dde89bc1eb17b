/**
 * @module
 * One JSON form per signed graph. A proof covers RDF statements, and JSON-LD writes the same
 * statements in many JSON forms: `@id` for `id`, a value wrapped in an array, a full IRI for a
 * term, an inline context that renames a property. Everything medcred reads after the proof
 * (issuer, validity dates, disclosed claims, disclosure policies) reads the JSON, so a form
 * other than the compact one could hide a revealed field from a policy or a `validUntil` from
 * the validity check. Only the compact form passes.
 */
import jsonld from 'jsonld'
import { canonicalJson } from '../../json/canonicalJson.js'
import type { DocumentLoader } from '../../contexts/types.js'
import type { VerificationCheck } from '../types.js'
import { fail, findMedcredError, pass } from './check.js'

const code = 'ERR_VERIFY_CREDENTIAL_NOT_COMPACT'

/**
 * Passes when the credential (its proof aside) uses bundled contexts by URL only, no JSON-LD
 * keyword but `@context`, and equals its own compaction against its `@context`.
 */
export async function checkCompactForm(credential: Record<string, unknown>, documentLoader: DocumentLoader): Promise<VerificationCheck> {
  const { proof: _proof, ...document } = credential
  const context = document['@context']
  if (!Array.isArray(context) || context.some((entry) => typeof entry !== 'string')) {
    return fail('input', code, 'The credential must name its contexts by URL: inline contexts are not accepted.')
  }
  const keyword = findKeyword(document)
  if (keyword) return fail('input', code, `The credential uses the JSON-LD keyword ${keyword.key} at ${keyword.path}: present it in compact form, as derived.`)
  let compacted: unknown
  try {
    compacted = await jsonld.compact(document, context, { documentLoader, safe: true })
  } catch (error) {
    const known = findMedcredError(error)
    return fail('input', known?.code ?? code, known?.message ?? 'The credential is not valid JSON-LD.')
  }
  // Compaction writes a one-URL context as a string: the context itself was checked above.
  return canonicalJson({ ...(compacted as object), '@context': context }) === canonicalJson(document)
    ? pass('input')
    : fail('input', code, 'The credential is not in compact JSON-LD form (a value wrapped in an array, or a full IRI for a term): present it as derived.')
}

/** The first key that starts with `@` (other than the top-level `@context`), without recursion. */
function findKeyword(document: Record<string, unknown>): { key: string; path: string } | undefined {
  const stack: [unknown, string][] = [[document, '']]
  while (stack.length > 0) {
    const [value, path] = stack.pop()!
    if (value === null || typeof value !== 'object') continue
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push([item, `${path}/${index}`]))
      continue
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === '@context' && value === document) continue
      const childPath = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`
      if (key.startsWith('@')) return { key, path: childPath }
      stack.push([child, childPath])
    }
  }
  return undefined
}
