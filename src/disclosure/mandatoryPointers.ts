/**
 * @module
 * What every verifier needs to see, so a holder cannot hide it: the issuer signs these
 * pointers as mandatory and bbs-2023 reveals them in every derived credential.
 */
import { credentialTypes } from '../credentials/credentialTypes.js'
import { getByJsonPointer } from './toJsonPointer.js'

/** Pointers mandatory for every credential type (those present in the credential). */
const commonPointers = ['/issuer', '/type', '/validFrom', '/validUntil', '/credentialStatus'] as const


/**
 * Lists the mandatory disclosure pointers for a credential: the common ones and those of
 * each of its types, keeping only pointers that name a value in this credential.
 *
 * @param credential - an unsigned or signed credential
 * @returns JSON pointers, in a stable order
 *
 * @example
 * ```ts
 * import { mandatoryPointersFor } from 'medcred'
 * mandatoryPointersFor(licence) // ['/issuer', '/type', '/validFrom', ..., '/credentialSubject/jurisdiction']
 * ```
 */
export function mandatoryPointersFor(credential: Record<string, unknown>): string[] {
  const types = ([] as unknown[]).concat(credential.type ?? [])
  const pointers = [
    ...commonPointers,
    ...types.flatMap((type) => (Object.hasOwn(credentialTypes, type as string) ? credentialTypes[type as keyof typeof credentialTypes].mandatoryPointers : [])),
  ]
  return [...new Set(pointers)].filter((pointer) => getByJsonPointer(credential, pointer) !== undefined)
}
