/**
 * The CLI's error table (docs/cli.md): every command fed missing and malformed files, wrong key
 * types, wrong passphrases and bad options exits with the documented code and one `error:`
 * line on stderr (plus the usage hint for exit 2), never a stack trace, nothing on stdout.
 * Each command has its own list. `deal` rows stop before the network: what needs a chain is in
 * test/e2e/deals.test.ts.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleLicenceInput } from '#test/credentials.js'
import { pharmacyContextUrl, writeTamperedManifest } from '#test/pharmacy.js'
import { runCliCaptured } from '#test/runCliCaptured.js'
import { generateDeliveryKeyPair } from '../../../src/deals/deliveryKeys.js'

let dir: string
const at = (name: string) => join(dir, name)

const cli = (argv: readonly string[], env: Record<string, string> = {}) => runCliCaptured(argv, { env, stdin: 'not json', untilStopped: async () => {} })

type Row = {
  input: string
  argv: () => string[]
  env?: Record<string, string>
  exit: 1 | 2
  /** The code in brackets at the end of the message; `usage` for a command-line mistake (exit 2). */
  code: string
}

const usage = 'usage'
const passphrase = { MEDCRED_PASSPHRASE: 'correct horse' }
const wrongPassphrase = { MEDCRED_PASSPHRASE: 'wrong horse' }
/** Hardhat's first dev account: a well-formed key that is never used here, since no row reaches a chain. */
const account = { MEDCRED_PRIVATE_KEY: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80' }
/** 32 bytes of hex that are no secp256k1 key: above the curve order. */
const outOfRangeKey = { MEDCRED_PRIVATE_KEY: `0x${'ff'.repeat(32)}` }
/** Nothing listens on port 1: a row that reached the network would fail with ERR_CLI_CHAIN_UNREACHABLE, not its own code. */
const connection = ['--rpc-url', 'http://127.0.0.1:1', '--node-url', 'http://127.0.0.1:1', '--application', '0xab7528bb862fB57E8A2BCd567a2e929a0Be56a5e']
const createDeal = (...more: string[]) => ['deal', 'create', ...connection, '--type', 'VaccinationCertificate', '--issuer', 'did:web:clinic.example', '--reward', '10', '--max-approvals', '2', '--consumer-key', at('consumer.jwk.json'), ...more]

/** One list per command. */
const table: Record<string, Row[]> = {
  keys: [
    { input: 'generate without --out', argv: () => ['keys', 'generate', '--type', 'ed25519'], exit: 2, code: usage },
    { input: 'generate --type rsa', argv: () => ['keys', 'generate', '--type', 'rsa', '--out', at('rsa.json')], exit: 2, code: usage },
    { input: 'generate --encrypt without a passphrase', argv: () => ['keys', 'generate', '--type', 'ed25519', '--encrypt', '--out', at('x.json')], exit: 1, code: 'ERR_CLI_PASSPHRASE_MISSING' },
    { input: 'generate without MEDCRED_PASSPHRASE or --unencrypted', argv: () => ['keys', 'generate', '--type', 'ed25519', '--out', at('plain.json')], exit: 1, code: 'ERR_CLI_KEY_UNENCRYPTED' },
    { input: 'generate --encrypt --unencrypted', argv: () => ['keys', 'generate', '--type', 'ed25519', '--encrypt', '--unencrypted', '--out', at('both.json')], env: passphrase, exit: 2, code: usage },
    { input: 'generate --out - (a private key on stdout)', argv: () => ['keys', 'generate', '--type', 'ed25519', '--unencrypted', '--out', '-'], exit: 2, code: usage },
    { input: 'generate --out an existing file', argv: () => ['keys', 'generate', '--type', 'bls12381g2', '--unencrypted', '--out', at('school.key.json')], exit: 1, code: 'ERR_CLI_FILE_EXISTS' },
    { input: 'generate --force when <file>.bak exists too', argv: () => ['keys', 'generate', '--type', 'ed25519', '--unencrypted', '--force', '--out', at('rotated.key.json')], exit: 1, code: 'ERR_CLI_BACKUP_EXISTS' },
    { input: 'generate --out into a missing folder', argv: () => ['keys', 'generate', '--type', 'ed25519', '--unencrypted', '--out', at('no-such-folder/key.json')], exit: 1, code: 'ERR_CLI_FILE_UNWRITABLE' },
    { input: 'show a missing file', argv: () => ['keys', 'show', at('missing.json')], exit: 1, code: 'ERR_CLI_FILE_UNREADABLE' },
    { input: 'show truncated JSON', argv: () => ['keys', 'show', at('truncated.json')], exit: 1, code: 'ERR_CLI_FILE_NOT_JSON' },
    { input: 'show a JSON array', argv: () => ['keys', 'show', at('array.json')], exit: 1, code: 'ERR_KEY_FILE_MALFORMED' },
    { input: 'show random text', argv: () => ['keys', 'show', at('garbage.txt')], exit: 1, code: 'ERR_KEY_FILE_MALFORMED' },
  ],
  did: [
    { input: 'resolve without a DID', argv: () => ['did', 'resolve'], exit: 2, code: usage },
    { input: 'resolve a malformed DID', argv: () => ['did', 'resolve', 'not-a-did'], exit: 1, code: 'ERR_DID_MALFORMED' },
    { input: '--ethr-chain-id that is not a number', argv: () => ['did', 'resolve', 'did:ethr:0x1', '--ethr-chain-id', 'abc'], exit: 2, code: usage },
  ],
  credential: [
    { input: 'new --type of no model', argv: () => ['credential', 'new', '--type', 'LibraryCard', '--input', at('licence-input.json')], exit: 2, code: usage },
    { input: 'new --input missing', argv: () => ['credential', 'new', '--type', 'MedicalLicenseCredential', '--input', at('missing.json')], exit: 1, code: 'ERR_CLI_FILE_UNREADABLE' },
    { input: 'new --input not JSON', argv: () => ['credential', 'new', '--type', 'MedicalLicenseCredential', '--input', at('garbage.txt')], exit: 1, code: 'ERR_CLI_FILE_NOT_JSON' },
    { input: 'new --input from stdin, not JSON', argv: () => ['credential', 'new', '--type', 'MedicalLicenseCredential', '--input', '-'], exit: 1, code: 'ERR_CLI_FILE_NOT_JSON' },
    { input: 'new --input a JSON array', argv: () => ['credential', 'new', '--type', 'MedicalLicenseCredential', '--input', at('array.json')], exit: 1, code: 'ERR_CREDENTIAL_INVALID' },
    { input: 'new --input with invalid fields', argv: () => ['credential', 'new', '--type', 'MedicalLicenseCredential', '--input', at('bad-input.json')], exit: 1, code: 'ERR_CREDENTIAL_INVALID' },
    { input: 'schema without --type', argv: () => ['credential', 'schema'], exit: 2, code: usage },
    { input: 'schema --type of no model', argv: () => ['credential', 'schema', '--type', 'toString'], exit: 2, code: usage },
  ],
  issue: [
    { input: 'without --key', argv: () => ['issue', '--credential', at('unsigned.json')], exit: 2, code: usage },
    { input: 'an Ed25519 key', argv: () => ['issue', '--credential', at('unsigned.json'), '--key', at('holder.key.json')], exit: 1, code: 'ERR_ISSUE_FAILED' },
    { input: 'an encrypted key, no passphrase', argv: () => ['issue', '--credential', at('unsigned.json'), '--key', at('sealed.key')], exit: 1, code: 'ERR_CLI_PASSPHRASE_MISSING' },
    { input: "a key that is not the issuer's", argv: () => ['issue', '--credential', at('other-unsigned.json'), '--key', at('school.key.json')], exit: 1, code: 'ERR_CLI_ISSUER_KEY_MISMATCH' },
    { input: 'an encrypted key, wrong passphrase', argv: () => ['issue', '--credential', at('unsigned.json'), '--key', at('sealed.key')], env: wrongPassphrase, exit: 1, code: 'ERR_KEY_WRONG_PASSPHRASE' },
    { input: 'a credential that is not JSON', argv: () => ['issue', '--credential', at('garbage.txt'), '--key', at('school.key.json')], exit: 1, code: 'ERR_CLI_FILE_NOT_JSON' },
    { input: 'a status list that is not JSON', argv: () => ['issue', '--credential', at('unsigned.json'), '--key', at('school.key.json'), '--status-list', at('garbage.txt')], exit: 1, code: 'ERR_CLI_FILE_NOT_JSON' },
    { input: 'a missing --context manifest', argv: () => ['issue', '--credential', at('unsigned.json'), '--key', at('school.key.json'), '--context', at('missing.json')], exit: 1, code: 'ERR_CONTEXT_MANIFEST_UNREADABLE' },
    { input: '--context with a context changed by one byte', argv: () => ['issue', '--credential', at('unsigned.json'), '--key', at('school.key.json'), '--context', at('tampered/manifest.json')], exit: 1, code: 'ERR_CONTEXT_INTEGRITY' },
  ],
  derive: [
    { input: 'without --reveal', argv: () => ['derive', '--credential', at('signed.json')], exit: 2, code: usage },
    { input: 'a credential without a proof', argv: () => ['derive', '--credential', at('unsigned.json'), '--reveal', 'credentialSubject.speciality'], exit: 1, code: 'ERR_DERIVE_FAILED' },
    { input: 'a malformed reveal path', argv: () => ['derive', '--credential', at('signed.json'), '--reveal', 'credentialSubject..x'], exit: 1, code: 'ERR_DISCLOSURE_PATH_INVALID' },
    { input: 'a missing credential file', argv: () => ['derive', '--credential', at('missing.json'), '--reveal', 'credentialSubject.speciality'], exit: 1, code: 'ERR_CLI_FILE_UNREADABLE' },
    { input: 'a --context manifest whose file is missing', argv: () => ['derive', '--credential', at('signed.json'), '--reveal', 'credentialSubject.speciality', '--context', at('dangling.json')], exit: 1, code: 'ERR_CONTEXT_FILE_UNREADABLE' },
  ],
  present: [
    { input: 'without --challenge', argv: () => ['present', '--credential', at('derived.json')], exit: 2, code: usage },
    { input: 'a credential that is not JSON', argv: () => ['present', '--credential', at('garbage.txt'), '--challenge', 'n-1'], exit: 1, code: 'ERR_CLI_FILE_NOT_JSON' },
    { input: 'a BLS key as the holder key', argv: () => ['present', '--credential', at('derived.json'), '--challenge', 'n-1', '--holder-key', at('school.key.json')], exit: 1, code: 'ERR_PRESENT_FAILED' },
  ],
  verify: [
    { input: 'without --trust', argv: () => ['verify', '--credential', at('derived.json')], exit: 2, code: usage },
    { input: 'neither --credential nor --presentation', argv: () => ['verify', '--trust', 'did:example:x'], exit: 2, code: usage },
    { input: '--now that is not a date-time', argv: () => ['verify', '--credential', at('derived.json'), '--trust', 'did:example:x', '--now', 'yesterday'], exit: 2, code: usage },
    { input: 'a base (underived) credential', argv: () => ['verify', '--credential', at('signed.json'), '--trust', 'did:example:x', '--now', '2025-06-01T12:00:00Z'], exit: 1, code: 'ERR_CLI_CREDENTIAL_NOT_DERIVED' },
    { input: 'a missing status list', argv: () => ['verify', '--credential', at('derived.json'), '--trust', 'did:example:x', '--status-list', at('missing.json'), '--now', '2025-06-01T12:00:00Z'], exit: 1, code: 'ERR_CLI_FILE_UNREADABLE' },
    { input: 'a missing --context manifest', argv: () => ['verify', '--credential', at('derived.json'), '--trust', 'did:example:x', '--context', at('missing.json')], exit: 1, code: 'ERR_CONTEXT_MANIFEST_UNREADABLE' },
    { input: 'a --context manifest that is a JSON array', argv: () => ['verify', '--credential', at('derived.json'), '--trust', 'did:example:x', '--context', at('array.json')], exit: 1, code: 'ERR_CONTEXT_MANIFEST_MALFORMED' },
    { input: '--context with a context changed by one byte', argv: () => ['verify', '--credential', at('derived.json'), '--trust', 'did:example:x', '--context', at('tampered/manifest.json')], exit: 1, code: 'ERR_CONTEXT_INTEGRITY' },
  ],
  status: [
    { input: 'create --purpose of no kind', argv: () => ['status', 'create', '--id', 'https://x.example/1', '--purpose', 'refund', '--out', at('list.json')], exit: 2, code: usage },
    { input: 'revoke a negative index', argv: () => ['status', 'revoke', '--list', at('status-list.json'), '--index', '-1'], exit: 1, code: 'ERR_STATUS_INDEX_INVALID' },
    { input: 'revoke on a missing list', argv: () => ['status', 'revoke', '--list', at('missing.json'), '--index', '1'], exit: 1, code: 'ERR_CLI_FILE_UNREADABLE' },
    { input: 'revoke on a list that is not a list', argv: () => ['status', 'revoke', '--list', at('array.json'), '--index', '1'], exit: 1, code: 'ERR_CLI_FILE_NOT_OBJECT' },
    { input: 'publish with an Ed25519 key', argv: () => ['status', 'publish', '--list', at('status-list.json'), '--key', at('holder.key.json'), '--valid-from', '2025-01-01T00:00:00Z'], exit: 1, code: 'ERR_ISSUE_FAILED' },
    { input: 'check --context with a context changed by one byte', argv: () => ['status', 'check', '--credential', at('signed.json'), '--status-list', at('status-list.json'), '--context', at('tampered/manifest.json')], exit: 1, code: 'ERR_CONTEXT_INTEGRITY' },
    { input: 'check --now that is not a date-time', argv: () => ['status', 'check', '--credential', at('signed.json'), '--status-list', at('status-list.json'), '--now', '31/12/2025'], exit: 2, code: usage },
  ],
  devnode: [
    { input: '--epoch-length 0', argv: () => ['devnode', '--epoch-length', '0'], exit: 2, code: usage },
    { input: '--port that is not a port', argv: () => ['devnode', '--port', '70000'], exit: 2, code: usage },
    { input: '--root-authority that is not an address', argv: () => ['devnode', '--root-authority', '0x123'], exit: 2, code: usage },
  ],
  serve: [
    { input: '--port that is not a port', argv: () => ['serve', '--port', 'eighty'], exit: 2, code: usage },
    { input: '--max-body 0', argv: () => ['serve', '--max-body', '0'], exit: 2, code: usage },
    { input: '--trust that is not a DID', argv: () => ['serve', '--trust', 'school'], exit: 2, code: usage },
    { input: '--trust with no type after =', argv: () => ['serve', '--trust', 'did:web:school.example='], exit: 2, code: usage },
    { input: 'a missing key file', argv: () => ['serve', '--key', at('missing.json')], exit: 1, code: 'ERR_CLI_FILE_UNREADABLE' },
    { input: 'a truncated key file', argv: () => ['serve', '--key', at('truncated.json')], exit: 1, code: 'ERR_CLI_FILE_NOT_JSON' },
    { input: 'an Ed25519 key', argv: () => ['serve', '--key', at('holder.key.json')], exit: 1, code: 'ERR_CLI_KEY_TYPE' },
    { input: 'an encrypted key, no passphrase', argv: () => ['serve', '--key', at('sealed.key')], exit: 1, code: 'ERR_CLI_PASSPHRASE_MISSING' },
    { input: 'an encrypted key, wrong passphrase', argv: () => ['serve', '--key', at('sealed.key')], env: wrongPassphrase, exit: 1, code: 'ERR_KEY_WRONG_PASSPHRASE' },
    { input: 'a status list that is not JSON', argv: () => ['serve', '--status-list', at('garbage.txt')], exit: 1, code: 'ERR_CLI_FILE_NOT_JSON' },
    { input: 'a missing --context manifest', argv: () => ['serve', '--context', at('missing.json')], exit: 1, code: 'ERR_CONTEXT_MANIFEST_UNREADABLE' },
    { input: '--context with a context changed by one byte', argv: () => ['serve', '--context', at('tampered/manifest.json')], exit: 1, code: 'ERR_CONTEXT_INTEGRITY' },
  ],
  deal: [
    { input: 'fund without --rpc-url', argv: () => ['deal', 'fund', '--deal', '1', '--amount', '1'], env: account, exit: 2, code: usage },
    { input: 'create --rpc-url that is not a URL', argv: () => createDeal('--rpc-url', 'localhost:8545'), env: account, exit: 2, code: usage },
    { input: 'create --application that is not an address', argv: () => createDeal('--application', '0x123'), env: account, exit: 2, code: usage },
    { input: 'create --max-approvals 0', argv: () => createDeal('--max-approvals', '0'), env: account, exit: 2, code: usage },
    { input: 'create --reward -5', argv: () => createDeal('--reward', '-5'), env: account, exit: 2, code: usage },
    { input: 'create --where that compares a word', argv: () => createDeal('--where', 'credentialSubject.doseNumber>=two'), env: account, exit: 2, code: usage },
    { input: 'create --require a malformed path', argv: () => createDeal('--require', 'credentialSubject..x'), env: account, exit: 2, code: usage },
    { input: 'create --asset that is not an address', argv: () => createDeal('--asset', 'usdc'), env: account, exit: 2, code: usage },
    { input: 'create --deposit without --ether-portal', argv: () => createDeal('--fund', '10', '--deposit'), env: account, exit: 2, code: usage },
    { input: 'create without MEDCRED_PRIVATE_KEY', argv: () => createDeal(), exit: 1, code: 'ERR_CLI_PRIVATE_KEY_MISSING' },
    { input: 'create with a short MEDCRED_PRIVATE_KEY', argv: () => createDeal(), env: { MEDCRED_PRIVATE_KEY: '0x1234' }, exit: 1, code: 'ERR_CLI_PRIVATE_KEY_INVALID' },
    { input: 'create with a MEDCRED_PRIVATE_KEY above the curve order', argv: () => createDeal(), env: outOfRangeKey, exit: 1, code: 'ERR_CLI_PRIVATE_KEY_INVALID' },
    { input: 'create --consumer-key missing', argv: () => createDeal('--consumer-key', at('missing.json')), env: account, exit: 1, code: 'ERR_CLI_FILE_UNREADABLE' },
    { input: 'create --consumer-key not JSON', argv: () => createDeal('--consumer-key', at('garbage.txt')), env: account, exit: 1, code: 'ERR_CLI_FILE_NOT_JSON' },
    { input: 'create --consumer-key an Ed25519 key', argv: () => createDeal('--consumer-key', at('holder.key.json')), env: account, exit: 1, code: 'ERR_DELIVERY_KEY_INVALID' },
    { input: 'fund --deal 0', argv: () => ['deal', 'fund', ...connection, '--deal', '0', '--amount', '1'], env: account, exit: 2, code: usage },
    { input: 'fund --amount 1.5', argv: () => ['deal', 'fund', ...connection, '--deal', '1', '--amount', '1.5'], env: account, exit: 2, code: usage },
    { input: 'submit both --credential and --presentation', argv: () => ['deal', 'submit', ...connection, '--deal', '1', '--credential', at('signed.json'), '--presentation', at('derived.json')], env: account, exit: 2, code: usage },
    { input: 'submit --record without --jwe-out', argv: () => ['deal', 'submit', ...connection, '--deal', '1', '--credential', at('signed.json'), '--record', at('licence-input.json')], env: account, exit: 2, code: usage },
    { input: 'submit a missing credential', argv: () => ['deal', 'submit', ...connection, '--deal', '1', '--credential', at('missing.json')], env: account, exit: 1, code: 'ERR_CLI_FILE_UNREADABLE' },
    { input: 'submit a credential that is not JSON', argv: () => ['deal', 'submit', ...connection, '--deal', '1', '--credential', at('garbage.txt')], env: account, exit: 1, code: 'ERR_CLI_FILE_NOT_JSON' },
    { input: 'submit a missing presentation', argv: () => ['deal', 'submit', ...connection, '--deal', '1', '--presentation', at('missing.json')], env: account, exit: 1, code: 'ERR_CLI_FILE_UNREADABLE' },
    { input: 'submit --context with a context changed by one byte', argv: () => ['deal', 'submit', ...connection, '--deal', '1', '--credential', at('signed.json'), '--context', at('tampered/manifest.json')], env: account, exit: 1, code: 'ERR_CONTEXT_INTEGRITY' },
    { input: 'submit a --record that is a JSON array', argv: () => ['deal', 'submit', ...connection, '--deal', '1', '--credential', at('signed.json'), '--record', at('array.json'), '--jwe-out', at('out.jwe')], env: account, exit: 1, code: 'ERR_CLI_FILE_NOT_OBJECT' },
    { input: 'close --deal x', argv: () => ['deal', 'close', ...connection, '--deal', 'x'], env: account, exit: 2, code: usage },
    { input: 'close without MEDCRED_PRIVATE_KEY', argv: () => ['deal', 'close', ...connection, '--deal', '1'], exit: 1, code: 'ERR_CLI_PRIVATE_KEY_MISSING' },
    { input: 'list --owner that is not an address', argv: () => ['deal', 'list', ...connection, '--owner', '0x12'], exit: 2, code: usage },
    { input: 'list with a malformed MEDCRED_PRIVATE_KEY', argv: () => ['deal', 'list', ...connection], env: { MEDCRED_PRIVATE_KEY: 'ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80' }, exit: 1, code: 'ERR_CLI_PRIVATE_KEY_INVALID' },
  ],
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medcred-cli-errors-'))
  const ok = async (argv: string[], env: Record<string, string> = {}) => {
    const result = await cli(argv, env)
    if (result.code !== 0) throw new Error(`fixture step ${argv.join(' ')} failed: ${result.stderr}`)
    return result.stdout
  }
  const issuer = JSON.parse(await ok(['keys', 'generate', '--type', 'bls12381g2', '--unencrypted', '--out', at('school.key.json')])).controller as string
  await ok(['keys', 'generate', '--type', 'ed25519', '--unencrypted', '--out', at('holder.key.json')])
  await ok(['keys', 'generate', '--type', 'bls12381g2', '--encrypt', '--out', at('sealed.key')], passphrase)
  const licenceInput = sampleLicenceInput(issuer, 'did:example:doctor')
  await writeFile(at('licence-input.json'), JSON.stringify(licenceInput))
  await writeFile(at('other-input.json'), JSON.stringify(sampleLicenceInput('did:web:other-school.example', 'did:example:doctor')))
  await writeFile(at('rotated.key.json'), 'the key in use')
  await writeFile(at('rotated.key.json.bak'), 'an older key, still needed')
  await writeFile(at('bad-input.json'), JSON.stringify({ ...licenceInput, validUntil: 'soon', jurisdiction: 42 }))
  await writeFile(at('garbage.txt'), 'this is not JSON, nor a key')
  await writeFile(at('truncated.json'), '{"type": "Bls12381G2", "publicKeyMultibase": ')
  await writeFile(at('array.json'), '[1, 2, 3]')
  await writeFile(at('consumer.jwk.json'), JSON.stringify((await generateDeliveryKeyPair()).publicKey))
  await mkdir(at('tampered'))
  await writeTamperedManifest(at('tampered'))
  await writeFile(at('dangling.json'), JSON.stringify({ [pharmacyContextUrl]: { file: 'gone.jsonld', sha256: 'a'.repeat(64) } }))
  await ok(['credential', 'new', '--type', 'MedicalLicenseCredential', '--input', at('licence-input.json'), '--out', at('unsigned.json')])
  await ok(['credential', 'new', '--type', 'MedicalLicenseCredential', '--input', at('other-input.json'), '--out', at('other-unsigned.json')])
  await ok(['issue', '--credential', at('unsigned.json'), '--key', at('school.key.json'), '--out', at('signed.json')])
  await ok(['derive', '--credential', at('signed.json'), '--reveal', 'credentialSubject.speciality', '--challenge', 'n-1', '--out', at('derived.json')])
  await ok(['status', 'create', '--id', 'https://school.example/status/1', '--purpose', 'revocation', '--out', at('status-list.json')])
}, 60_000)
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe.each(Object.entries(table))('medcred %s', (_, rows) => {
  it.each(rows)('$input: exit $exit, $code', async ({ argv, env, exit, code }) => {
    const { code: exitCode, stdout, stderr } = await cli(argv(), env)
    expect(stdout).toBe('')
    expect(exitCode).toBe(exit)
    expect(stderr).not.toMatch(/^\s+at /m)
    // Secrets given through the environment are never echoed.
    for (const secret of Object.values(env ?? {})) expect(stderr).not.toContain(secret)
    const lines = stderr.split('\n').filter((line) => line.length > 0)
    expect(lines[0]).toMatch(/^error: /)
    if (exit === 2) {
      expect(lines.slice(1)).toEqual(['(run with --help for usage)'])
    } else {
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(new RegExp(`\\[${code}\\]$`))
    }
  })
})
