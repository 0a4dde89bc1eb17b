/**
 * @module
 * The medcred verifier core embedded in a clinic's application: the same advance/inspect code
 * the Cartesi machine runs, fed with metadata the application controls, its SQLite database
 * kept in a file between runs.
 */
import {
  createPresentationChallenge,
  decodeReport,
  decodeVerdictNotice,
  encodeInput,
  encodeInspectQuery,
  type InspectQuery,
  type VerdictNotice,
  type VerifierAction,
} from 'medcred/cartesi'
import type { Address, Hex } from 'viem'
import { createVerifier } from '../../verifier/src/createVerifier.js'
import { ClinicError } from './errors.js'
import { readStateFile, writeStateFile } from './stateFile.js'

/** Parameters of {@link openClinicVerifier}. */
export type OpenClinicVerifierParameters = {
  /** The SQLite file: loaded when present, replaced after every accepted change. */
  statePath: string
  /** Accounts allowed to accredit and withdraw issuers (the clinic's registrar). */
  rootAuthorities: readonly Address[]
  /** This verifier's identity, bound into every challenge with `chainId`: presentations made for another verifier fail. */
  application: Address
  chainId: bigint
  /** The application's clock; the verifier reads time only from the metadata built with it. */
  now?: (() => Date) | undefined
}

/** What became of one action. */
export type ClinicOutcome =
  | { accepted: true; result: unknown; verdicts: VerdictNotice[] }
  | { accepted: false; code: string; message: string }

/** A verifier the clinic's application talks to. One process owns the state file at a time. */
export type ClinicVerifier = {
  /** The challenge a holder must derive for, for this account and nonce. */
  challenge(sender: Address, nonce: Hex): string
  /** Runs an action as `sender` (the account the application authenticated); saves the state when accepted. */
  send(action: VerifierAction, sender: Address): Promise<ClinicOutcome>
  /** Answers an inspect query (issuer, credential status, verdict, counts). */
  ask(query: InspectQuery): Promise<Record<string, unknown>>
  close(): void
}

type Journal = { nextInputIndex: number }

/**
 * Opens the clinic's verifier on its state file, creating the state on first use.
 *
 * The file is the verifier's SQLite database, byte for byte (`sqlite3 clinic.sqlite .tables`
 * reads it). Beside it, `<statePath>.inputs.json` numbers the inputs: a verdict records its
 * input index, which must never repeat, so an index is reserved before each input is run.
 *
 * @param parameters - {@link OpenClinicVerifierParameters}
 * @returns {@link ClinicVerifier}
 * @throws {ClinicError} `ERR_CLINIC_STATE_UNREADABLE` when a file exists but cannot be read.
 *   `send` throws `ERR_CLINIC_STATE_WRITE_FAILED` when an accepted change cannot be saved (the
 *   verifier then closes) and `ask` `ERR_CLINIC_QUERY_REFUSED` for a query it cannot answer.
 * @throws {VerifierStateError} `ERR_VERIFIER_STATE_INVALID` when the file is not a verifier database.
 *
 * @example
 * ```ts
 * const clinic = await openClinicVerifier({ statePath: 'clinic.sqlite', rootAuthorities: [registrar], application, chainId: 1n })
 * const outcome = await clinic.send({ action: 'submitPresentation', nonce, presentation }, patient)
 * ```
 */
export async function openClinicVerifier(parameters: OpenClinicVerifierParameters): Promise<ClinicVerifier> {
  const { statePath, application, chainId, now = () => new Date() } = parameters
  const journalPath = `${statePath}.inputs.json`
  const [database, journalBytes] = await Promise.all([readStateFile(statePath), readStateFile(journalPath)])
  const journal = readJournal(journalBytes, journalPath)
  const verifier = await createVerifier({ rootAuthorities: parameters.rootAuthorities, database })
  let closed = false

  const send = async (action: VerifierAction, sender: Address): Promise<ClinicOutcome> => {
    if (closed) throw new ClinicError('ERR_CLINIC_VERIFIER_CLOSED', 'This verifier was closed; open the state file again.')
    const inputIndex = journal.nextInputIndex++
    await writeStateFile(journalPath, JSON.stringify(journal))
    const blockTimestamp = BigInt(Math.floor(now().getTime() / 1000))
    const metadata = { chainId, appContract: application, msgSender: sender, blockNumber: BigInt(inputIndex), blockTimestamp, prevRandao: 0n, inputIndex: BigInt(inputIndex) }
    const result = await verifier.advance({ metadata, payload: encodeInput(action) })
    const report = decodeReport(result.reports[0] as Hex)
    // A rejected input always carries a failure report; the verifier's state is unchanged.
    if (!report.ok) return { accepted: false, code: report.code, message: report.message }
    try {
      await writeStateFile(statePath, verifier.exportDatabase())
    } catch (error) {
      // Memory is now ahead of the file: stop rather than let them drift apart unnoticed.
      closed = true
      verifier.close()
      throw error
    }
    const verdicts = action.action === 'submitPresentation' ? result.outputs.map((output) => decodeVerdictNotice(output.payload)) : []
    return { accepted: true, result: report.result, verdicts }
  }

  return {
    challenge: (sender, nonce) => createPresentationChallenge({ chainId, application, sender, nonce }),
    send,
    async ask(query) {
      const report = decodeReport((await verifier.inspect(encodeInspectQuery(query))).reports[0] as Hex)
      if (!report.ok) throw new ClinicError('ERR_CLINIC_QUERY_REFUSED', `The verifier refused the query: ${report.code}: ${report.message}`)
      return report.result as Record<string, unknown>
    },
    close() {
      closed = true
      verifier.close()
    },
  }
}

function readJournal(bytes: Uint8Array | undefined, path: string): Journal {
  if (!bytes) return { nextInputIndex: 0 }
  try {
    const journal = JSON.parse(new TextDecoder().decode(bytes)) as Journal
    if (Number.isSafeInteger(journal.nextInputIndex) && journal.nextInputIndex >= 0) return journal
  } catch (cause) {
    throw new ClinicError('ERR_CLINIC_STATE_UNREADABLE', `${path} is not the clinic's input journal; restore it from a backup.`, cause)
  }
  throw new ClinicError('ERR_CLINIC_STATE_UNREADABLE', `${path} has no valid nextInputIndex; restore it from a backup.`)
}
