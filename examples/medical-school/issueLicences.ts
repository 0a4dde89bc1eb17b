/**
 * Issues a licence per graduate through a VC-API issuer (`medcred serve`): each row is validated
 * first, and a bad row becomes an error naming its line and fields, never the end of the batch.
 */
import { columnOf, type GraduateRow, toLicenceInput } from './readGraduates.js'
import { createMedicalLicenseCredential, CredentialValidationError, type VerifiableCredential } from 'medcred'

/** A licence issued for a row. */
export type IssuedLicence = { row: number; licenceNumber: string; verifiableCredential: VerifiableCredential }

/** Why a row got no licence: its line, the CSV columns at fault (none when the issuer refused), what is wrong. */
export type RowError = { row: number; fields: string[]; message: string }

export type IssueLicencesParameters = {
  graduates: readonly GraduateRow[]
  /** The school's DID: the issuer the service signs as. */
  issuer: string
  /** Base URL of the VC-API service, e.g. `http://127.0.0.1:8080`. */
  serviceUrl: string
  /** Called after each row, issued or not. */
  onProgress?: ((done: number, total: number) => void) | undefined
}

/** Issues every valid row's licence, one request at a time (BBS signing is CPU-bound anyway). */
export async function issueLicences(parameters: IssueLicencesParameters): Promise<{ issued: IssuedLicence[]; failed: RowError[] }> {
  const { graduates, issuer, serviceUrl, onProgress } = parameters
  const issued: IssuedLicence[] = []
  const failed: RowError[] = []
  for (const [done, { row, cells }] of graduates.entries()) {
    try {
      const credential = createMedicalLicenseCredential(toLicenceInput(cells, issuer))
      const response = await fetch(`${serviceUrl}/credentials/issue`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ credential }),
      })
      const answer = (await response.json()) as { verifiableCredential?: VerifiableCredential; code?: string; message?: string }
      if (response.status !== 201 || !answer.verifiableCredential) {
        failed.push({ row, fields: [], message: `the issuer refused it: ${answer.message ?? response.statusText} [${answer.code ?? response.status}]` })
      } else {
        issued.push({ row, licenceNumber: credential.credentialSubject.licenceNumber, verifiableCredential: answer.verifiableCredential })
      }
    } catch (error) {
      if (!(error instanceof CredentialValidationError)) throw error
      const fields = [...new Set(error.issues.map(({ path }) => columnOf(path)))]
      failed.push({ row, fields, message: error.issues.map(({ path, message }) => `${columnOf(path)}: ${message}`).join('; ') })
    }
    onProgress?.(done + 1, graduates.length)
  }
  return { issued, failed }
}
