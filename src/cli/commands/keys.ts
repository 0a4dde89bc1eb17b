/**
 * @module
 * `medcred keys generate|show`: key files that are never overwritten silently and are sealed when
 * a passphrase is set. Registered by src/cli/runCli.ts.
 */
import { Option, type Command } from 'commander'
import type { KeyType } from '../../keys/types.js'
import { CliUsageError } from '../errors.js'
import { type CliIo, parseJson, passphraseVariable, readText, sealingPassphrase, writeJson } from '../io.js'

const keyTypes: Record<string, KeyType> = { bls12381g2: 'Bls12381G2', ed25519: 'Ed25519' }

type GenerateOptions = { type: string; out: string; controller?: string; encrypt?: boolean; unencrypted?: boolean; force?: boolean }

/** `medcred keys generate|show`. */
export function registerKeys(program: Command, io: CliIo): void {
  const keys = program.command('keys').description('generate and inspect key pairs')
  keys
    .command('generate')
    .description(`generate a key pair; writes the private key to --out (encrypted under ${passphraseVariable}), prints the public key`)
    .requiredOption('--type <type>', 'bls12381g2 (issuers, BBS) or ed25519 (holders)')
    .requiredOption('--out <file>', 'where to write the private key (never over an existing file without --force)')
    .option('--controller <did>', 'the DID that controls the key (default: its did:key)')
    .option('--encrypt', `seal the private key under the passphrase in ${passphraseVariable} (the default when it is set; fails when it is not)`)
    .addOption(new Option('--unencrypted', 'write the private key in the clear, even when a passphrase is set').conflicts('encrypt'))
    .option('--force', 'replace an existing --out file, keeping it as <file>.bak (refused if that exists too)')
    .action(async (options: GenerateOptions) => {
      const type = keyTypes[options.type.toLowerCase()]
      if (!type) throw new CliUsageError({ reason: 'invalidValue', option: '--type', expected: 'bls12381g2 or ed25519', value: options.type })
      if (options.out === '-') throw new CliUsageError({ reason: 'privateKeyToStdout' })
      const passphrase = sealingPassphrase(io, options)
      const { generateKeyPair } = await import('../../keys/generateKeyPair.js')
      const { exportPrivateKey } = await import('../../keys/exportPrivateKey.js')
      const { exportPublicKey } = await import('../../keys/exportPublicKey.js')
      const { encryptKeyPair } = await import('../../keys/encryptKeyPair.js')
      const { writeKeyFile } = await import('../writeKeyFile.js')
      const keyPair = await generateKeyPair({ type, controller: options.controller })
      const text = passphrase === undefined ? `${JSON.stringify(exportPrivateKey(keyPair), null, 2)}\n` : `${await encryptKeyPair(keyPair, passphrase)}\n`
      const { backup } = await writeKeyFile(io, options.out, text, { force: options.force === true })
      if (backup) io.stderr(`warning: replaced ${options.out}; the previous key file is kept as ${backup}.\n`)
      await writeJson(io, exportPublicKey(keyPair))
    })
  keys
    .command('show')
    .description('print the public key of a key file (no passphrase needed)')
    .argument('<file>', 'a key file written by `keys generate`')
    .action(async (file: string) => {
      const text = (await readText(io, file)).trim()
      const { importKeyPair } = await import('../../keys/importKeyPair.js')
      const { inspectEncryptedKeyPair } = await import('../../keys/inspectEncryptedKeyPair.js')
      const { exportPublicKey } = await import('../../keys/exportPublicKey.js')
      const keyPair = text.startsWith('{') ? await importKeyPair(parseJson(text, file)) : inspectEncryptedKeyPair(text)
      await writeJson(io, exportPublicKey(keyPair))
    })
}
