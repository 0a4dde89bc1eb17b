/**
 * @module
 * Turns a credential into the list of fields a patient can tick, each with its JSON pointer
 * and whether the issuer made it mandatory.
 */

/** One field of the credential, as the wallet lists it. */
export type DisclosableField = {
  /** RFC 6901 pointer, what bbs-2023 selects with: `/credentialSubject/doseNumber`. */
  pointer: string
  /** Dotted path for people: `credentialSubject.doseNumber`. */
  label: string
  /** The field's value as the certificate holds it. */
  value: unknown
  /** Revealed in every presentation: the issuer signed it as mandatory. */
  mandatory: boolean
}

// Not fields a patient chooses: the contexts are always sent, the proof is replaced, and an
// object's `id` and `type` go with any field of that object (a bbs-2023 rule), so they are
// listed only when the issuer made them mandatory (the credential's `type`).
const skippedKeys = new Set(['@context', 'proof'])
const carriedKeys = new Set(['id', 'type'])

/**
 * Lists the leaf fields of a credential (arrays of plain values count as one field).
 *
 * @param credential - the signed credential
 * @param mandatoryPointers - the issuer's mandatory pointers (from its base proof)
 * @returns the fields in document order
 */
export function listDisclosableFields(credential: Record<string, unknown>, mandatoryPointers: readonly string[]): DisclosableField[] {
  const fields: DisclosableField[] = []
  const isMandatory = (pointer: string) => mandatoryPointers.some((m) => pointer === m || pointer.startsWith(`${m}/`))
  const walk = (value: unknown, pointer: string, label: string, depth: number) => {
    const isPlainArray = Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object')
    if (value !== null && typeof value === 'object' && !isPlainArray) {
      for (const [key, inner] of Object.entries(value)) {
        const child = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`
        if (depth === 0 && skippedKeys.has(key)) continue
        if (!Array.isArray(value) && carriedKeys.has(key) && !isMandatory(child)) continue
        walk(inner, child, Array.isArray(value) ? `${label}[${key}]` : label ? `${label}.${key}` : key, depth + 1)
      }
      return
    }
    fields.push({ pointer, label, value, mandatory: isMandatory(pointer) })
  }
  walk(credential, '', '', 0)
  return fields
}
