/**
 * The medical school example on a real dev node: the sample CSV's good rows become licences
 * issued through the VC-API service, its two bad rows become errors naming line and column,
 * the school is accredited on the chain, and one licence passes the Cartesi verifier.
 */
import { deriveCredential, generateKeyPair, type KeyPair } from 'medcred'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { numberToHex, padHex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Devnode, startDevnode } from '../../verifier/src/devnode/startDevnode.js'
import { documentLoader } from '../../test/fixtures/credentials.js'
import { type MedicalSchoolSummary, runMedicalSchool } from './runMedicalSchool.js'

let node: Devnode
let outDir: string
let school: KeyPair
let summary: MedicalSchoolSummary
const progress: number[] = []

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'medcred-school-'))
  ;[node, school] = await Promise.all([startDevnode({ epochLength: 2 }), generateKeyPair({ type: 'Bls12381G2' })])
  summary = await runMedicalSchool({
    csv: await readFile(join(import.meta.dirname, 'graduates.csv'), 'utf8'),
    schoolKey: school,
    controller: node.chain.accounts[2].address,
    node,
    outDir,
    onProgress: (done) => progress.push(done),
  })
})
afterAll(async () => {
  await node?.stop()
  await rm(outDir, { recursive: true, force: true })
})

describe('examples/medical-school', () => {
  it('issues the good rows and names each bad row without stopping', async () => {
    expect(summary.rows).toBe(6)
    expect(progress).toEqual([1, 2, 3, 4, 5, 6])
    expect(summary.issued.map(({ row, licenceNumber }) => [row, licenceNumber])).toEqual([
      [2, 'BIG-29023456701'],
      [3, 'BIG-29023456702'],
      [5, 'BIG-29023456704'],
      [7, 'BIG-29023456706'],
    ])
    expect(summary.failed).toEqual([
      { row: 4, fields: ['jurisdiction'], message: "jurisdiction: expected an ISO 3166-1 alpha-2 or ISO 3166-2 code, e.g. 'NL' or 'US-CA'" },
      { row: 6, fields: ['licenceNumber', 'graduationDate'], message: expect.stringMatching(/^licenceNumber: .+; graduationDate: expected an ISO date \(YYYY-MM-DD\)$/) },
    ])
    expect((await readdir(join(outDir, 'licences'))).sort()).toEqual(summary.issued.map(({ licenceNumber }) => `${licenceNumber}.json`))
    const written = JSON.parse(await readFile(join(outDir, 'licences', 'BIG-29023456704.json'), 'utf8'))
    expect(written).toMatchObject({ issuer: school.controller, credentialSubject: { name: 'Dr Petra Novak' }, proof: { cryptosuite: 'bbs-2023' } })
    expect(written.validUntil).toBeUndefined()
    const published = JSON.parse(await readFile(join(outDir, 'school.public-key.json'), 'utf8'))
    expect(published).toMatchObject({ type: 'Multikey', id: school.id, publicKeyMultibase: school.publicKeyMultibase })
    expect(published.secretKeyMultibase).toBeUndefined()
  })

  it('the school is accredited on the chain, and its licence passes the Cartesi verifier', async () => {
    expect(summary.accreditation.status).toBe('ACCEPTED')
    const doctor = node.chain.accounts[3]
    const hospital = node.client(doctor)
    const nonce = padHex(numberToHex(1), { size: 32 })
    const presentation = await deriveCredential({
      credential: summary.issued[0]!.verifiableCredential,
      reveal: ['credentialSubject.speciality'],
      presentationHeader: hospital.challenge(nonce),
      documentLoader,
    })
    const { inputIndex } = await hospital.send({ action: 'submitPresentation', nonce, presentation: JSON.stringify(presentation) })
    const outcome = await hospital.waitForInput(inputIndex)
    expect(outcome.status).toBe('ACCEPTED')
    expect(outcome.verdicts[0]).toMatchObject({ verdict: 'verified', credentialType: 'MedicalLicenseCredential' })
  })
})
