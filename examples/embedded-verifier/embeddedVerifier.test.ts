/**
 * The embedded verifier run twice on the same state file: the second day starts where the
 * first ended, a replayed presentation is refused, and a bad file is named as such.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hashPresentation } from 'medcred/cartesi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openClinicVerifier } from './openClinicVerifier.js'
import { clinicAccounts, clinicChainId, type ClinicDay, runClinicDay } from './runClinicDay.js'

let dir: string
const firstDay = new Date('2025-06-01T09:00:00Z')
const nextDay = new Date('2025-06-02T09:00:00Z')
const open = (statePath: string) =>
  openClinicVerifier({ statePath, rootAuthorities: [clinicAccounts.registrar], application: clinicAccounts.application, chainId: clinicChainId, now: () => nextDay })

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medcred-clinic-'))
})
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('a clinic application with the verifier embedded', () => {
  const statePath = () => join(dir, 'clinic.sqlite')
  let day1: ClinicDay

  it('default: the first run creates the state file and records a verdict', async () => {
    day1 = await runClinicDay(statePath(), () => firstDay)
    expect(day1.accreditation.accepted).toBe(true)
    expect(day1.verification).toMatchObject({ accepted: true, verdicts: [{ verdict: 'verified', credentialType: 'VaccinationCertificate', sender: clinicAccounts.patient }] })
    expect(day1.countsBefore).toMatchObject({ issuers: 0, verdicts: 0 })
    expect(day1.countsAfter).toMatchObject({ issuers: 1, accreditedIssuers: 1, verdicts: 1 })
    expect(day1.storedVerdict).toMatchObject({ issuer: day1.centre, blockTimestamp: firstDay.getTime() / 1000, inputIndex: 1 })
    // The file is the verifier's SQLite database itself; no temporary file is left behind.
    expect((await readFile(statePath())).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0')
    expect((await readdir(dir)).sort()).toEqual(['clinic.sqlite', 'clinic.sqlite.inputs.json'])
  })

  it('default: the second run sees the first run\'s issuers and verdicts, and continues its input numbers', async () => {
    const day2 = await runClinicDay(statePath(), () => nextDay)
    expect(day2.countsBefore).toEqual(day1.countsAfter)
    expect(day2.countsAfter).toMatchObject({ issuers: 2, accreditedIssuers: 2, verdicts: 2 })
    expect(day2.storedVerdict).toMatchObject({ issuer: day2.centre, inputIndex: 3 })

    const clinic = await open(statePath())
    try {
      expect(await clinic.ask({ query: 'verdict', presentationHash: hashPresentation(day1.presentation) })).toMatchObject({ verdict: { issuer: day1.centre, verdict: 'verified' } })
      expect(await clinic.ask({ query: 'issuer', did: day1.centre })).toMatchObject({ issuer: { did: day1.centre, withdrawnAt: null } })
    } finally {
      clinic.close()
    }
  })

  it('error: a replayed presentation is refused and the file does not change', async () => {
    const before = await readFile(statePath())
    const clinic = await open(statePath())
    try {
      const replay = await clinic.send({ action: 'submitPresentation', nonce: day1.nonce, presentation: day1.presentation }, clinicAccounts.patient)
      expect(replay).toMatchObject({ accepted: false, code: 'ERR_VERIFIER_NONCE_USED' })
      // From another account the nonce is new, but the challenge names the patient: refused too.
      const stolen = await clinic.send({ action: 'submitPresentation', nonce: day1.nonce, presentation: day1.presentation }, clinicAccounts.centreController)
      expect(stolen).toMatchObject({ accepted: false, code: 'ERR_VERIFY_CHALLENGE_MISMATCH' })
    } finally {
      clinic.close()
    }
    expect(Buffer.compare(await readFile(statePath()), before)).toBe(0)
  })

  it('error: a file that is not a verifier database, or a broken journal, is named as such', async () => {
    const notDatabase = join(dir, 'notes.sqlite')
    await writeFile(notDatabase, 'these are not the clinic\'s records')
    await expect(open(notDatabase)).rejects.toMatchObject({ code: 'ERR_VERIFIER_STATE_INVALID' })

    const brokenJournal = join(dir, 'broken.sqlite')
    await writeFile(`${brokenJournal}.inputs.json`, '{"nextInputIndex": -1}')
    await expect(open(brokenJournal)).rejects.toMatchObject({ code: 'ERR_CLINIC_STATE_UNREADABLE' })
  })

  it('error: when the state cannot be saved, the input is not run and the error says so', async () => {
    const clinic = await open(join(dir, 'missing-folder', 'clinic.sqlite'))
    const withdraw = clinic.send({ action: 'withdrawIssuer', did: 'did:web:nobody.example' }, clinicAccounts.registrar)
    await expect(withdraw).rejects.toMatchObject({ code: 'ERR_CLINIC_STATE_WRITE_FAILED', message: expect.stringContaining('missing-folder') })
    expect(await clinic.ask({ query: 'counts' })).toMatchObject({ counts: { issuers: 0 } })
    clinic.close()
    await expect(clinic.send({ action: 'withdrawIssuer', did: 'did:web:nobody.example' }, clinicAccounts.registrar)).rejects.toMatchObject({ code: 'ERR_CLINIC_VERIFIER_CLOSED' })
  })
})
