/**
 * @module
 * The verifier core: advance and inspect over SQLite, with no transport, clock, randomness
 * or network of its own. The rollup HTTP and libcmt transports both drive this.
 */
import {
  decodeErc20Deposit,
  decodeEtherDeposit,
  decodeInput,
  encodeReport,
  type Erc20Deposit,
  type EtherDeposit,
  InputDecodeError,
  type VerifierAction,
} from 'medcred/cartesi'
import type { PinnedContext } from 'medcred'
import { createDocumentLoader, MedcredError, preparePublicKey, publicKeyCacheSize } from 'medcred/internal'
import type { Database } from 'sql.js'
import { type Address, getAddress, type Hex, isAddress, isHex } from 'viem'
import { accreditIssuer } from './actions/accreditIssuer.js'
import { closeDeal } from './actions/deals/closeDeal.js'
import { createDeal } from './actions/deals/createDeal.js'
import { creditDeposit } from './actions/deals/creditDeposit.js'
import { fundDeal } from './actions/deals/fundDeal.js'
import { submitToDeal } from './actions/deals/submitToDeal.js'
import { withdraw } from './actions/deals/withdraw.js'
import { rotateIssuerKeys } from './actions/rotateIssuerKeys.js'
import { setCredentialStatus } from './actions/setCredentialStatus.js'
import { submitPresentation } from './actions/submitPresentation.js'
import type { ActionContext, ActionOutcome } from './actions/types.js'
import { withdrawIssuer } from './actions/withdrawIssuer.js'
import { configureConnection, openDatabase } from './database/openDatabase.js'
import { defaultDisclosurePolicies } from './disclosurePolicies.js'
import { recentIssuerKeys } from './state/issuers.js'
import { BlockTimeInvalidError, VerifierConfigError, VerifierStateError } from './errors.js'
import { answerInspectQuery } from './inspect/answerInspectQuery.js'
import type { AdvanceMetadata, AdvanceResult, DisclosurePolicy, InspectResult, PortalAddresses, VerifierConfig } from './types.js'

/** Parameters of {@link createVerifier}. */
export type CreateVerifierParameters = {
  /** Addresses allowed to accredit and withdraw issuers (fixed when the machine is built). */
  rootAuthorities: readonly Address[]
  /** Accepted credential types and their disclosure policies. Default: medcred's two types. */
  disclosurePolicies?: Readonly<Record<string, DisclosurePolicy>> | undefined
  /** A database exported by {@link Verifier.exportDatabase}, to resume from. */
  database?: Uint8Array | undefined
  /** The portals whose inputs are deposits (data deals). Without them, no deposit is credited. */
  portals?: PortalAddresses | undefined
  /**
   * JSON-LD contexts to serve besides the bundled ones, each pinned by the SHA-256 of its text.
   * The machine's come from the build (verifier/build.ts, MEDCRED_CONTEXTS). Default: none.
   */
  contexts?: readonly PinnedContext[] | undefined
}

/** An input: a medcred action, or a deposit when its sender is a portal. */
type AdvanceInput = VerifierAction | EtherDeposit | Erc20Deposit

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
  /**
   * The SQLite database file, byte for byte, in turn: after the inputs and queries queued before
   * this call, and before those queued after it (a host that exports between inputs while
   * inspect queries keep arriving).
   */
  exportDatabaseInTurn(): Promise<Uint8Array>
  close(): void
}

/**
 * Creates a verifier over a new or restored SQLite database.
 *
 * - Docs: docs/protocol.md
 *
 * @param parameters - {@link CreateVerifierParameters}
 * @returns {@link Verifier}
 * @throws {VerifierConfigError} `ERR_VERIFIER_CONFIG_INVALID` for a bad root authority, or a
 *   pinned context that does not match its SHA-256 or cannot be served.
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
  // The accredited issuers' keys, prepared for pairings now (as many as stay cached): the
  // machine creates its verifier before the snapshot, so an issuer's first presentation after
  // a restart does not pay for its key (about 100 M riscv64 instructions a key).
  for (const key of recentIssuerKeys(database, publicKeyCacheSize)) preparePublicKey(key)
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
      if (busy) throw new VerifierStateError({ reason: 'exportWhileBusy' })
      return exportBytes(database)
    },
    exportDatabaseInTurn: () => serialize(async () => exportBytes(database)),
    close: () => database.close(),
  }
}

function exportBytes(database: Database): Uint8Array {
  const bytes = database.export()
  configureConnection(database)
  return bytes
}

async function advance(database: Database, config: VerifierConfig, metadata: AdvanceMetadata, payload: Hex): Promise<AdvanceResult> {
  database.exec('BEGIN')
  let action: AdvanceInput | undefined
  try {
    if (!isHex(payload, { strict: true })) throw new InputDecodeError({ reason: 'notHex' })
    // The block time is the verifier's only clock: one a Date cannot hold would void every validity window.
    if (metadata.blockTimestamp < 0n || metadata.blockTimestamp > maxBlockTimestamp) {
      throw new BlockTimeInvalidError({ blockTimestamp: metadata.blockTimestamp, maxBlockTimestamp })
    }
    action = decodeAdvance(config, metadata.msgSender, payload)
    const outcome = await runAction({ database, metadata, config }, action)
    database.exec('COMMIT')
    return { status: 'accept', outputs: outcome.outputs, reports: [encodeReport({ ok: true, action: nameOf(action), result: outcome.result })] }
  } catch (error) {
    database.exec('ROLLBACK')
    return { status: 'reject', outputs: [], reports: [failureReport(error, action)] }
  }
}

/** The latest instant an ECMAScript Date holds, in seconds (8.64e15 ms). */
const maxBlockTimestamp = 8_640_000_000_000n

/** Only the configured portals deposit; every other sender speaks the medcred envelope. */
function decodeAdvance(config: VerifierConfig, sender: Address, payload: Hex): AdvanceInput {
  if (sender === config.portals.etherPortal) return decodeEtherDeposit(payload)
  if (sender === config.portals.erc20Portal) return decodeErc20Deposit(payload)
  return decodeInput(payload)
}

function nameOf(input: AdvanceInput): string {
  return 'action' in input ? input.action : 'deposit'
}

function runAction(context: ActionContext, action: AdvanceInput): ActionOutcome | Promise<ActionOutcome> {
  if (!('action' in action)) return creditDeposit(context, action)
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
    case 'createDeal':
      return createDeal(context, action)
    case 'fundDeal':
      return fundDeal(context, action)
    case 'submitToDeal':
      return submitToDeal(context, action)
    case 'closeDeal':
      return closeDeal(context, action)
    case 'withdraw':
      return withdraw(context, action)
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
function failureReport(error: unknown, action: AdvanceInput | undefined): Hex {
  const known = MedcredError.find(error)
  return encodeReport({
    ok: false,
    ...(action ? { action: nameOf(action) } : {}),
    code: known?.code ?? 'ERR_VERIFIER_INTERNAL',
    message: known?.message ?? 'The verifier failed on this input; it was rejected and nothing changed.',
  })
}

function resolveConfig(parameters: CreateVerifierParameters): VerifierConfig {
  if (parameters.rootAuthorities.length === 0) throw new VerifierConfigError({ reason: 'noRootAuthority' })
  const rootAuthorities = parameters.rootAuthorities.map((address) => {
    if (!isAddress(address, { strict: false })) throw new VerifierConfigError({ reason: 'address', of: 'rootAuthority', address })
    return getAddress(address)
  })
  const portal = (name: keyof PortalAddresses) => {
    const address = parameters.portals?.[name]
    if (address === undefined) return undefined
    if (!isAddress(address, { strict: false })) throw new VerifierConfigError({ reason: 'address', of: name, address })
    return getAddress(address)
  }
  return {
    rootAuthorities,
    disclosurePolicies: parameters.disclosurePolicies ?? defaultDisclosurePolicies,
    portals: { etherPortal: portal('etherPortal'), erc20Portal: portal('erc20Portal') },
    contexts: checkContexts(parameters.contexts ?? []),
  }
}

/** Pinned contexts, checked once at start: a bad pin stops the verifier, never rejects inputs one by one. */
function checkContexts(contexts: readonly PinnedContext[]): readonly PinnedContext[] {
  try {
    createDocumentLoader({ contexts })
  } catch (error) {
    throw new VerifierConfigError({ reason: 'context', cause: error })
  }
  // Copied and frozen: the configuration cannot change under a running verifier.
  return Object.freeze(contexts.map(({ url, sha256, text }) => Object.freeze({ url, sha256, text })))
}
