/**
 * @module
 * Recognises the commonest mistake in `medcred verify`: giving it the credential `issue`
 * wrote, whose bbs-2023 base proof is for the holder, instead of one derived from it.
 */
import { base64urlnopad } from '@scure/base'
import { CliError } from './errors.js'

/** The CBOR tag that opens a bbs-2023 base proof value (W3C vc-di-bbs §3.3.1); a derived one opens with 0xd9 0x5d 0x03. */
const baseProofHeader = [0xd9, 0x5d, 0x02] as const

/**
 * Whether `credential` carries a bbs-2023 proof whose value is a base proof: multibase
 * base64url (`u`) whose first three bytes are {@link baseProofHeader}.
 *
 * @param credential - a parsed credential, of any shape
 */
export function hasBaseProof(credential: unknown): boolean {
  if (credential === null || typeof credential !== 'object') return false
  const { proof } = credential as { proof?: unknown }
  return (Array.isArray(proof) ? proof : [proof]).some((entry) => {
    const { cryptosuite, proofValue } = (entry ?? {}) as { cryptosuite?: unknown; proofValue?: unknown }
    if (cryptosuite !== 'bbs-2023' || typeof proofValue !== 'string' || !proofValue.startsWith('u')) return false
    try {
      const head = base64urlnopad.decode(proofValue.slice(1, 5))
      return baseProofHeader.every((byte, index) => head[index] === byte)
    } catch {
      return false
    }
  })
}

/**
 * `ERR_CLI_CREDENTIAL_NOT_DERIVED` when the input of a failed verification is, or presents, a
 * credential with a base proof; `undefined` otherwise. Called only once verify has bounded the
 * input's size and depth, so parsing it again is safe.
 *
 * @param text - the input, as read
 * @param path - the file it came from, named in the message
 * @param kind - whether it is a credential or a presentation
 */
export function notDerivedError(text: string, path: string, kind: 'credential' | 'presentation'): CliError | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  const credentials = kind === 'credential' ? [value] : [(value as { verifiableCredential?: unknown } | null)?.verifiableCredential].flat()
  if (!credentials.some(hasBaseProof)) return undefined
  return new CliError({ reason: 'credentialNotDerived', path, kind })
}
