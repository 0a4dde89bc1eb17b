/**
 * `npx tsx examples/medical-school/main.ts [--csv graduates.csv] [--out dir] [--key school.key.jwe]`:
 * the school's batch on a local dev node. The key file is created on the first run, sealed
 * with MEDCRED_PASSPHRASE.
 */
import { decryptKeyPair, encryptKeyPair, generateKeyPair } from 'medcred'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { SingleBar } from 'cli-progress'
import { startDevnode } from '../../verifier/src/devnode/startDevnode.js'
import { runMedicalSchool } from './runMedicalSchool.js'

const { values } = parseArgs({
  options: {
    csv: { type: 'string', default: join(import.meta.dirname, 'graduates.csv') },
    out: { type: 'string', default: join(tmpdir(), 'medcred-medical-school') },
    key: { type: 'string' },
  },
})
const passphrase = process.env.MEDCRED_PASSPHRASE
if (!passphrase) {
  console.error('error: set MEDCRED_PASSPHRASE: it seals (and opens) the school key file.')
  process.exit(2)
}
const keyFile = values.key ?? join(values.out, 'school.key.jwe')
const schoolKey = existsSync(keyFile) ? await decryptKeyPair(await readFile(keyFile, 'utf8'), passphrase) : await createKeyFile()

async function createKeyFile() {
  const key = await generateKeyPair({ type: 'Bls12381G2' })
  await mkdir(values.out, { recursive: true })
  await writeFile(keyFile, await encryptKeyPair(key, passphrase!), { mode: 0o600 })
  return key
}

const node = await startDevnode({ epochLength: 2 })
// A progress bar only where a person watches; logs and CI get the summary alone.
const bar = process.stderr.isTTY ? new SingleBar({ format: 'issuing {bar} {value}/{total} rows', stream: process.stderr }) : undefined
try {
  const summary = await runMedicalSchool({
    csv: await readFile(values.csv, 'utf8'),
    schoolKey,
    controller: node.chain.accounts[2].address,
    node,
    outDir: values.out,
    onProgress: (done, total) => (done === 1 ? bar?.start(total, done) : bar?.update(done)),
  })
  bar?.stop()
  console.log(`school ${summary.school}`)
  console.log(`accredited through the dev node: input ${summary.accreditation.inputIndex} ${summary.accreditation.status}`)
  console.log(`${summary.issued.length} of ${summary.rows} licences issued to ${join(values.out, 'licences')}`)
  for (const { row, fields, message } of summary.failed) console.log(`  row ${row}${fields.length ? ` (${fields.join(', ')})` : ''}: ${message}`)
  process.exitCode = summary.accreditation.status === 'ACCEPTED' ? 0 : 1
} finally {
  bar?.stop()
  await node.stop()
}
