/**
 * @module
 * The verifier core: advance and inspect over SQLite, with no transport, clock, randomness
 * or network of its own. The rollup HTTP and libcmt transports both drive this.
 */
import type { Database } from 'sql.js'
import { type Address, getAddress, type Hex, isAddress, isHex } from 'viem'
import { decodeInput } from '../../src/cartesi/decodeInput.js'
import { InputDecodeError } from '../../src/cartesi/errors.js'
import { encodeReport } from '../../src/cartesi/reports.js'
import type { VerifierAction } from '../../src/cartesi/types.js'
import { findMedcredError } from '../../src/verify/checks/check.js'
import { accreditIssuer } from './actions/accreditIssuer.js'
import { rotateIssuerKeys } from './actions/rotateIssuerKeys.js'
import { setCredentialStatus } from './actions/setCredentialStatus.js'
import { submitPresentation } from './actions/submitPresentation.js'
import type { ActionContext, ActionOutcome } from './actions/types.js'
import { withdrawIssuer } from './actions/withdrawIssuer.js'
import { configureConnection, openDatabase } from './database/openDatabase.js'
import { defaultDisclosurePolicies } from './disclosurePolicies.js'
import { VerifierConfigError, VerifierStateError } from './errors.js'
import { answerInspectQuery } from './inspect/answerInspectQuery.js'
import type { AdvanceMetadata, AdvanceResult, DisclosurePolicy, InspectResult, VerifierConfig } from './types.js'

/** Parameters of {@link createVerifier}. */
export type CreateVerifierParameters = {
  /** Addresses allowed to accredit and withdraw issuers (fixed when the machine is built). */
  rootAuthorities: readonly Address[]
  /** Accepted credential types and their disclosure policies. Default: medcred's two types. */
  disclosurePolicies?: Readonly<Record<string, DisclosurePolicy>> | undefined
  /** A database exported by {@link Verifier.exportDatabase}, to resume from. */
  database?: Uint8Array | undefined
}

/** A running verifier. Calls are queued: one input is processed at a time, in order. */
export type Verifier = {
  /** Processes an advance input: accept with outputs, or reject with the state untouched. */
  advance(request: { metadata: AdvanceMetadata; payload: Hex }): Promise<AdvanceResult>
  /** Answers an inspect query; never changes state. */
  inspect(payload: Hex): Promise<InspectResult>
  /**
   * The SQLite database file, byte for byte.
   *
   * @throws {VerifierStateError} while an input or query is being processed.
   */
  exportDatabase(): Uint8Array
  close(): void
}

/**
 * Creates a verifier over a new or restored SQLite database.
 *
 * - Docs: docs/protocol.md
 *
 * @param parameters - {@link CreateVerifierParameters}
 * @returns {@link Verifier}
 * @throws {VerifierConfigError} `ERR_VERIFIER_CONFIG_INVALID` for a bad root authority.
 * @throws {VerifierStateError} `ERR_VERIFIER_STATE_INVALID` for a database it cannot use.
 *
 * @example
 * ```ts
 * import { createVerifier } from './verifier/src/createVerifier.js'
 * const verifier = await createVerifier({ rootAuthorities: ['0xf39F…2266'] })
 * const { status, outputs, reports } = await verifier.advance({ metadata, payload })
 * ```
 */
export async function createVerifier(parameters: CreateVerifierParameters): Promise<Verifier> {
  const config = resolveConfig(parameters)
  const database = await openDatabase(parameters.database)
  let queue: Promise<unknown> = Promise.resolve()
  let busy = false
  const serialize = <Result>(run: () => Promise<Result>): Promise<Result> => {
    const guarded = async () => {
      busy = true
      try {
        return await run()
      } finally {
        busy = false
      }
    }
    const next = queue.then(guarded, guarded)
    queue = next.catch(() => undefined)
    return next
  }
  return {
    // Transports spell addresses differently (libcmt lower-case, JSON checksummed): normalise once.
    advance: (request) =>
      serialize(() =>
        advance(database, config, { ...request.metadata, appContract: getAddress(request.metadata.appContract), msgSender: getAddress(request.metadata.msgSender) }, request.payload),
      ),
    inspect: (payload) => serialize(async () => inspect(database, payload)),
    exportDatabase() {
      // sql.js exports by closing and reopening the file: never in the middle of an input.
      if (busy) throw new VerifierStateError('The database cannot be exported while an input is being processed.')
      const bytes = database.export()
      configureConnection(database)
      return bytes
    },
    close: () => database.close(),
  }
}

async function advance(database: Database, config: VerifierConfig, metadata: AdvanceMetadata, payload: Hex): Promise<AdvanceResult> {
  database.exec('BEGIN')
  let action: VerifierAction | undefined
  try {
    if (!isHex(payload, { strict: true })) throw new InputDecodeError('ERR_CARTESI_INPUT_MALFORMED', 'The payload is not 0x-prefixed hex.')
    action = decodeInput(payload)
    const outcome = await runAction({ database, metadata, config }, action)
    database.exec('COMMIT')
    return { status: 'accept', outputs: outcome.outputs, reports: [encodeReport({ ok: true, action: action.action, result: outcome.result })] }
  } catch (error) {
    database.exec('ROLLBACK')
    return { status: 'reject', outputs: [], reports: [failureReport(error, action)] }
  }
}

function runAction(context: ActionContext, action: VerifierAction): ActionOutcome | Promise<ActionOutcome> {
  switch (action.action) {
    case 'accreditIssuer':
      return accreditIssuer(context, action)
    case 'withdrawIssuer':
      return withdrawIssuer(context, action)
    case 'rotateIssuerKeys':
      return rotateIssuerKeys(context, action)
    case 'setCredentialStatus':
      return setCredentialStatus(context, action)
    case 'submitPresentation':
      return submitPresentation(context, action)
  }
}

function inspect(database: Database, payload: Hex): InspectResult {
  // Read-only by construction, and rolled back anyway so no query can leave a trace.
  database.exec('BEGIN')
  try {
    return { reports: [encodeReport({ ok: true, result: answerInspectQuery(database, payload) })] }
  } catch (error) {
    return { reports: [failureReport(error, undefined)] }
  } finally {
    database.exec('ROLLBACK')
  }
}

/** Every failure becomes a report with a code; an unexpected one is named as such. */
function failureReport(error: unknown, action: VerifierAction | undefined): Hex {
  const known = findMedcredError(error)
  return encodeReport({
    ok: false,
    ...(action ? { action: action.action } : {}),
    code: known?.code ?? 'ERR_VERIFIER_INTERNAL',
    message: known?.message ?? 'The verifier failed on this input; it was rejected and nothing changed.',
  })
}

function resolveConfig(parameters: CreateVerifierParameters): VerifierConfig {
  if (parameters.rootAuthorities.length === 0) throw new VerifierConfigError('At least one root authority is needed, or no issuer can ever be accredited.')
  const rootAuthorities = parameters.rootAuthorities.map((address) => {
    if (!isAddress(address, { strict: false })) throw new VerifierConfigError(`Root authority "${address}" is not an address.`)
    return getAddress(address)
  })
  return { rootAuthorities, disclosurePolicies: parameters.disclosurePolicies ?? defaultDisclosurePolicies }
}
