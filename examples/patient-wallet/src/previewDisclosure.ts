/**
 * @module
 * Shows exactly what a derived credential will reveal, before it is made.
 */
import { selectJsonLd } from '@digitalbazaar/di-sd-primitives'

/**
 * Selects what a bbs-2023 derived credential built with these pointers reveals: the same
 * selection the suite makes (Digital Bazaar's `selectJsonLd`), so the preview cannot drift
 * from the result. It includes the `id` and `type` of every object on a selected path.
 *
 * @param credential - the signed credential
 * @param pointers - the issuer's mandatory pointers and the patient's choices
 * @returns the revealed document without its proof
 */
export function previewDisclosure(credential: Record<string, unknown>, pointers: readonly string[]): Record<string, unknown> {
  const { proof: _proof, ...document } = credential
  return selectJsonLd({ document, pointers: [...pointers] }) ?? { '@context': document['@context'] }
}
