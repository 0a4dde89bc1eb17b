/**
 * `npx tsx examples/embedded-verifier/main.ts [state.sqlite]`: one clinic day against the
 * state file (default .medcred/clinic.sqlite). Run it twice: the second day starts from the
 * first day's issuers and verdicts.
 */
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { describeFailure } from './describeFailure.js'
import { runClinicDay } from './runClinicDay.js'

const statePath = process.argv[2] ?? '.medcred/clinic.sqlite'
try {
  await mkdir(dirname(statePath), { recursive: true })
  const day = await runClinicDay(statePath)
  console.log(`state: ${statePath}`)
  console.log(`before: ${JSON.stringify(day.countsBefore)}`)
  console.log(`accredited ${day.centre.slice(0, 24)}…: ${day.accreditation.accepted ? 'accepted' : describeFailure(day.accreditation)}`)
  console.log(`patient's masked certificate: ${day.verification.accepted ? `verdict ${day.verification.verdicts[0]?.verdict}` : describeFailure(day.verification)}`)
  console.log(`after:  ${JSON.stringify(day.countsAfter)}`)
  if (!day.accreditation.accepted || !day.verification.accepted) process.exitCode = 1
} catch (error) {
  console.error(`embedded-verifier: ${describeFailure(error)}`)
  process.exitCode = 1
}
