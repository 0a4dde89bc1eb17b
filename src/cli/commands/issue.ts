/**
 * @module
 * `medcred issue`: signs a credential with a bbs-2023 base proof, optionally allocating its
 * status entry. Registered by src/cli/runCli.ts.
 */
import type { Command } from 'commander'
import type { HolderCommitment } from '../../holderBinding/types.js'
import type { StatusList } from '../../status/types.js'
import { checkIssuerKey } from '../checkIssuerKey.js'
import { contextOption, type ContextOptions, readContextOptions } from '../contexts.js'
import { type CliIo, readJsonObject, readKeyFile, writeJson, writeText } from '../io.js'

/** `medcred issue`. */
export function registerIssue(program: Command, io: CliIo): void {
  program
    .command('issue')
    .description('sign a credential with a bbs-2023 base proof (for the holder)')
    .requiredOption('--credential <file>', 'the unsigned credential (from `credential new`)')
    .requiredOption('--key <file>', 'the issuer key file (Bls12381G2)')
    .option('--status-list <file>', 'allocate a revocation/suspension entry from this list and update it')
    .option('--mandatory <path...>', 'extra fields every derived credential must reveal')
    .option('--out <file>', 'write the signed credential here instead of standard output')
    .option('--holder-commitment <file>', "sign blindly over the holder's commitment (from `holder commit`): holder binding and/or a pseudonym")
    .addOption(contextOption())
    .action(async (options: ContextOptions & { credential: string; key: string; statusList?: string; mandatory?: string[]; out?: string; holderCommitment?: string }) => {
      const contexts = await readContextOptions(io, options.context)
      const credential = await readJsonObject(io, options.credential)
      const issuerKey = await readKeyFile(io, options.key)
      // A key of the wrong type gets issueCredential's error, which says so.
      if (issuerKey.type === 'Bls12381G2') checkIssuerKey(credential, issuerKey, options.key)
      let updatedList: StatusList | undefined
      if (options.statusList) {
        const { allocateStatusEntry } = await import('../../status/allocateStatusEntry.js')
        const allocated = allocateStatusEntry((await readJsonObject(io, options.statusList)) as StatusList)
        credential.credentialStatus = allocated.entry
        updatedList = allocated.list
      }
      const { createDocumentLoader } = await import('../../contexts/createDocumentLoader.js')
      const { issueCredential } = await import('../../suites/bbs-2023/issueCredential.js')
      // Its shape and proof are issueCredential's to check (ERR_ISSUE_COMMITMENT_INVALID).
      const holderCommitment = options.holderCommitment === undefined ? undefined : ((await readJsonObject(io, options.holderCommitment)) as unknown as HolderCommitment)
      const signed = await issueCredential({ credential, issuerKey, documentLoader: createDocumentLoader({ contexts }), mandatory: options.mandatory, holderCommitment })
      // The list is saved only once the credential that uses the index exists.
      if (options.statusList && updatedList) await writeText(io, options.statusList, `${JSON.stringify(updatedList, null, 2)}\n`)
      await writeJson(io, signed, options.out)
    })
}
