/**
 * The medical school's batch: start the school's VC-API issuer (`medcred serve`, in-process,
 * on loopback), get the school accredited through the dev node, issue a licence per graduate,
 * and write the licences and the school's public key to a folder.
 */
import { exportPublicKey, type KeyPair } from 'medcred'
import { createVcApiServer } from 'medcred/node'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Address } from 'viem'
import type { Devnode } from '../../verifier/src/devnode/startDevnode.js'
import { accreditSchool } from './accreditSchool.js'
import { type IssuedLicence, issueLicences, type RowError } from './issueLicences.js'
import { readGraduates } from './readGraduates.js'

export type RunMedicalSchoolParameters = {
  /** The graduates, as CSV text. */
  csv: string
  /** The school's Bls12381G2 key pair, secret key included. */
  schoolKey: KeyPair
  /** The school's account on the chain. */
  controller: Address
  node: Devnode
  /** Where to write `licences/<licenceNumber>.json` and `school.public-key.json`; nothing is written without it. */
  outDir?: string | undefined
  onProgress?: ((done: number, total: number) => void) | undefined
}

export type MedicalSchoolSummary = {
  school: string
  /** The accreditation input on the chain, and what the verifier made of it. */
  accreditation: { inputIndex: bigint; status: string }
  rows: number
  issued: IssuedLicence[]
  failed: RowError[]
}

/** Runs the batch; bad rows end up in `failed`, the rest are issued. */
export async function runMedicalSchool(parameters: RunMedicalSchoolParameters): Promise<MedicalSchoolSummary> {
  const { csv, schoolKey, controller, node, outDir, onProgress } = parameters
  const graduates = readGraduates(csv)
  const accreditation = await accreditSchool({ node, school: schoolKey, controller })
  const service = await createVcApiServer({ issuerKey: schoolKey, trustedIssuers: [schoolKey.controller] })
  try {
    const { issued, failed } = await issueLicences({ graduates, issuer: schoolKey.controller, serviceUrl: service.url, onProgress })
    if (outDir) {
      await mkdir(join(outDir, 'licences'), { recursive: true })
      await writeFile(join(outDir, 'school.public-key.json'), `${JSON.stringify(exportPublicKey(schoolKey), null, 2)}\n`)
      for (const licence of issued) {
        await writeFile(join(outDir, 'licences', `${licence.licenceNumber}.json`), `${JSON.stringify(licence.verifiableCredential, null, 2)}\n`, { mode: 0o600 })
      }
    }
    return {
      school: schoolKey.controller,
      accreditation: { inputIndex: accreditation.inputIndex, status: accreditation.status },
      rows: graduates.length,
      issued,
      failed,
    }
  } finally {
    await service.close()
  }
}
