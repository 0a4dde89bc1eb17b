/**
 * @module
 * `medcred holder new | commit | pseudonym`: the holder's side of bbs-2023 holder binding and
 * pseudonyms from the command line: make the holder secret (sealed under the passphrase as key
 * files are, unless `--unencrypted`), commit to it for one issuance (the issuer signs with
 * `medcred issue --holder-commitment`), and show the pseudonym a context will see. Registered by
 * src/cli/runCli.ts.
 */
import { type Command, Option } from 'commander'
import type { ProofFeature } from '../../suites/types.js'
import { contextOption, type ContextOptions, readContextOptions } from '../contexts.js'
import { callerPath } from '../callerPath.js'
import { CliUsageError } from '../errors.js'
import { type CliIo, passphraseVariable, readJsonObject, sealingPassphrase, writeJson } from '../io.js'
import { isProofFeature, proofFeatures } from '../../suites/proofFeatures.js'

/** `medcred holder`. */
export function registerHolder(program: Command, io: CliIo): void {
  const holder = program.command('holder').description("the holder's secret for bbs-2023 holder binding and pseudonyms")

  holder
    .command('new')
    .description(`make a holder secret file, sealed under ${passphraseVariable} as key files are (mode 0600; keep it as private as a key file)`)
    .requiredOption('--out <file>', 'where to write it (never over an existing file without --force)')
    .option('--encrypt', `seal the holder secret under the passphrase in ${passphraseVariable} (the default when it is set; fails when it is not)`)
    .addOption(new Option('--unencrypted', 'write the holder secret in the clear (JSON), even when a passphrase is set').conflicts('encrypt'))
    .option('--force', 'replace an existing file, keeping it as <file>.bak')
    .action(async (options: { out: string; encrypt?: boolean; unencrypted?: boolean; force?: boolean }) => {
      if (options.out === '-') throw new CliUsageError({ reason: 'privateKeyToStdout' })
      const passphrase = sealingPassphrase(io, options)
      const { generateHolderSecret } = await import('../../holderBinding/generateHolderSecret.js')
      const { writeKeyFile } = await import('../writeKeyFile.js')
      const secret = generateHolderSecret()
      let text: string
      if (passphrase === undefined) text = (await import('../holderFiles.js')).holderSecretFileText(secret)
      else text = `${await (await import('../../holderBinding/encryptHolderSecret.js')).encryptHolderSecret(secret, passphrase)}\n`
      const { backup } = await writeKeyFile(io, options.out, text, { force: options.force === true })
      await writeJson(io, { holderSecret: options.out, ...(backup ? { backup } : {}) })
    })

  holder
    .command('commit')
    .description('commit to the holder secret for one issuance: the commitment goes to the issuer, the blind stays with the credential')
    .requiredOption('--holder-secret <file>', `the holder secret file (from \`holder new\`; a sealed one is opened with ${passphraseVariable})`)
    .requiredOption('--feature <option>', `the bbs-2023 feature option the issuer offers: ${proofFeatures.join(', ')}`, (value) => {
      if (!isProofFeature(value)) throw new CliUsageError({ reason: 'invalidValue', option: '--feature', expected: proofFeatures.join(', '), value })
      return value
    })
    .requiredOption('--out <file>', "where to write the commitment (public: the issuer's `issue --holder-commitment`)")
    .requiredOption('--blind-out <file>', "where to write the credential's secretProverBlind (mode 0600; `--prover-blind` of later commands)")
    .action(async (options: { holderSecret: string; feature: ProofFeature; out: string; blindOut: string }) => {
      const { proverBlindFileText, readHolderSecretFile } = await import('../holderFiles.js')
      const { createHolderCommitment } = await import('../../holderBinding/createHolderCommitment.js')
      const { writeKeyFile } = await import('../writeKeyFile.js')
      // The commitment file is public and may be replaced; never by writing over a holder file.
      const out = callerPath(io.env, options.out)
      if (out === callerPath(io.env, options.holderSecret) || out === callerPath(io.env, options.blindOut)) {
        throw new CliUsageError({ reason: 'invalidValue', option: '--out', expected: 'a file other than --holder-secret and --blind-out', value: options.out })
      }
      const { commitment, secretProverBlind } = createHolderCommitment({ secret: await readHolderSecretFile(io, options.holderSecret), featureOption: options.feature })
      // The blind first: a commitment whose blind was lost could never be derived from.
      await writeKeyFile(io, options.blindOut, proverBlindFileText(secretProverBlind), { force: false })
      await writeJson(io, commitment, options.out)
    })

  holder
    .command('pseudonym')
    .description('print the pseudonym a credential shows a context (a deal, a verifier), as the verifier will see it')
    .requiredOption('--holder-secret <file>', `the holder secret file (a sealed one is opened with ${passphraseVariable})`)
    .requiredOption('--prover-blind <file>', "the credential's secretProverBlind file (from `holder commit`)")
    .requiredOption('--credential <file>', 'the credential the issuer signed over the commitment')
    .requiredOption('--pseudonym-context <id>', "the verifier's context id, e.g. a deal's (medcred:v1:deal-pseudonym:...)")
    .addOption(contextOption())
    .action(async (options: ContextOptions & { holderSecret: string; proverBlind: string; credential: string; pseudonymContext: string }) => {
      const contexts = await readContextOptions(io, options.context)
      const { readHolderFiles } = await import('../holderFiles.js')
      const holderBinding = await readHolderFiles(io, { holderSecret: options.holderSecret, proverBlind: options.proverBlind })
      const credential = await readJsonObject(io, options.credential)
      const { createDocumentLoader } = await import('../../contexts/createDocumentLoader.js')
      const { pseudonymFor } = await import('../../holderBinding/pseudonymFor.js')
      const pseudonym = await pseudonymFor({
        credential: credential as Parameters<typeof pseudonymFor>[0]['credential'],
        holder: holderBinding,
        pseudonymContext: options.pseudonymContext,
        documentLoader: createDocumentLoader({ contexts }),
      })
      await writeJson(io, { pseudonymContext: options.pseudonymContext, pseudonym })
    })
}
