import type { Command } from 'commander'
import { encryptKeyPair } from '../../keys/encryptKeyPair.js'
import { exportPrivateKey } from '../../keys/exportPrivateKey.js'
import { exportPublicKey } from '../../keys/exportPublicKey.js'
import { generateKeyPair } from '../../keys/generateKeyPair.js'
import { inspectEncryptedKeyPair } from '../../keys/inspectEncryptedKeyPair.js'
import { importKeyPair } from '../../keys/importKeyPair.js'
import type { KeyType } from '../../keys/types.js'
import { CliError, CliUsageError } from '../errors.js'
import { type CliIo, parseJson, passphraseVariable, readText, writeJson, writeText } from '../io.js'

const keyTypes: Record<string, KeyType> = { bls12381g2: 'Bls12381G2', ed25519: 'Ed25519' }

/** `medcred keys generate|show`. */
export function registerKeys(program: Command, io: CliIo): void {
  const keys = program.command('keys').description('generate and inspect key pairs')
  keys
    .command('generate')
    .description('generate a key pair; writes the private key to --out, prints the public key')
    .requiredOption('--type <type>', 'bls12381g2 (issuers, BBS) or ed25519 (holders)')
    .requiredOption('--out <file>', 'where to write the private key')
    .option('--controller <did>', 'the DID that controls the key (default: its did:key)')
    .option('--encrypt', `seal the private key under the passphrase in ${passphraseVariable}`)
    .action(async (options: { type: string; out: string; controller?: string; encrypt?: boolean }) => {
      const type = keyTypes[options.type.toLowerCase()]
      if (!type) throw new CliUsageError(`--type must be bls12381g2 or ed25519, not "${options.type}".`)
      const keyPair = await generateKeyPair({ type, controller: options.controller })
      if (options.encrypt) {
        const passphrase = io.env[passphraseVariable]
        if (!passphrase) throw new CliError('ERR_CLI_PASSPHRASE_MISSING', `--encrypt needs the passphrase in ${passphraseVariable}.`)
        await writeText(options.out, `${await encryptKeyPair(keyPair, passphrase)}\n`)
      } else {
        await writeJson(io, exportPrivateKey(keyPair), options.out)
      }
      await writeJson(io, exportPublicKey(keyPair))
    })
  keys
    .command('show')
    .description('print the public key of a key file (no passphrase needed)')
    .argument('<file>', 'a key file written by `keys generate`')
    .action(async (file: string) => {
      const text = (await readText(io, file)).trim()
      const keyPair = text.startsWith('{') ? await importKeyPair(parseJson(text, file)) : inspectEncryptedKeyPair(text)
      await writeJson(io, exportPublicKey(keyPair))
    })
}
