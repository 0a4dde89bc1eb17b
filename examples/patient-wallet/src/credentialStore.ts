/**
 * @module
 * The wallet's credentials in IndexedDB: each received credential with the holder key its
 * issuance used (a non-extractable Web Crypto key, stored as the browser keeps it) and, for a
 * credential signed over a holder commitment, its `secretProverBlind`; and the wallet's one
 * holder secret, created on first need. All survive a reload and never leave the browser.
 */
import { generateHolderSecret, type HolderBinding, type HolderKey, type HolderSecret, type ProofFeature, type VerifiableCredential } from 'medcred'
import { WalletStorageError } from './errors.js'

/** One stored credential and what the wallet shows of it. */
export type StoredCredential = {
  /** Random id of the entry. */
  id: string
  /** When the wallet received it (ISO 8601). */
  receivedAt: string
  /** The credential issuer identifier (URL) and its display name, from the offer. */
  credentialIssuer: string
  issuerName: string | undefined
  /** The credential configuration it was offered as, and its display name. */
  configurationId: string
  name: string | undefined
  /** Display names of its claims, by JSON path joined with dots (`credentialSubject.doseNumber`). */
  claimNames: Record<string, string>
  credential: VerifiableCredential
  /**
   * The key of the issuance's key proof. Without {@link holderBinding}, `credentialSubject.id`
   * is its did:key; with it, the credential names no holder.
   */
  holderKey: HolderKey
  /**
   * For a credential the issuer signed over a commitment to the wallet's holder secret: its
   * feature option and `secretProverBlind` (with the holder secret, every derivation needs it).
   */
  holderBinding?: { featureOption: ProofFeature; secretProverBlind: Uint8Array } | undefined
}

const databaseName = 'medcred-wallet'
const credentialStore = 'credentials'
const secretStore = 'secrets'
/** The key of the holder secret's record in {@link secretStore}. */
const holderSecretKey = 'holder'

/** The holder secret as stored: raw bytes (see the README on wrapping them in a real wallet). */
type StoredHolderSecret = HolderSecret & { id: typeof holderSecretKey; createdAt: string }

/** Settles with an IndexedDB request's result. */
function settle<Result>(request: IDBRequest<Result>): Promise<Result> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

/** The wallet's database, created on first use; version 2 adds the holder secret's store. */
function openDatabase(): Promise<IDBDatabase> {
  const request = indexedDB.open(databaseName, 2)
  request.onupgradeneeded = () => {
    const database = request.result
    if (!database.objectStoreNames.contains(credentialStore)) database.createObjectStore(credentialStore, { keyPath: 'id' })
    if (!database.objectStoreNames.contains(secretStore)) database.createObjectStore(secretStore, { keyPath: 'id' })
  }
  return settle(request)
}

/** Runs `task` on one store in one transaction and waits until it is committed. */
async function withStore<Result>(name: string, mode: IDBTransactionMode, task: (store: IDBObjectStore) => IDBRequest<Result>): Promise<Result> {
  const database = await openDatabase()
  try {
    const transaction = database.transaction(name, mode)
    const result = settle(task(transaction.objectStore(name)))
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve()
      transaction.onerror = () => reject(transaction.error)
      transaction.onabort = () => reject(transaction.error)
    })
    return await result
  } finally {
    database.close()
  }
}

/** Stores a credential; resolves once it is written. */
export async function saveCredential(entry: StoredCredential): Promise<void> {
  await withStore(credentialStore, 'readwrite', (store) => store.put(entry))
}

/** Every stored credential, newest first. */
export async function listCredentials(): Promise<StoredCredential[]> {
  const entries = (await withStore(credentialStore, 'readonly', (store) => store.getAll())) as StoredCredential[]
  return entries.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
}

/**
 * The wallet's holder secret, created and stored if it has none yet; `created` says whether
 * this call made it. Reading and creating share one transaction, so two tabs cannot both create one.
 */
export async function obtainHolderSecret(): Promise<{ secret: HolderSecret; created: boolean }> {
  const database = await openDatabase()
  try {
    const transaction = database.transaction(secretStore, 'readwrite')
    const store = transaction.objectStore(secretStore)
    let record: StoredHolderSecret | undefined
    let created = false
    const read = store.get(holderSecretKey)
    read.onsuccess = () => {
      record = read.result as StoredHolderSecret | undefined
      if (record) return
      record = { id: holderSecretKey, createdAt: new Date().toISOString(), ...generateHolderSecret() }
      created = true
      store.put(record)
    }
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve()
      transaction.onerror = () => reject(transaction.error)
      transaction.onabort = () => reject(transaction.error)
    })
    const { holderSecret, proverNym } = record as StoredHolderSecret
    return { secret: { holderSecret, proverNym }, created }
  } finally {
    database.close()
  }
}

/**
 * What derivations from `entry` need: the stored holder secret with the credential's
 * `secretProverBlind`; `undefined` for a credential bound to a holder key only.
 *
 * @throws {WalletStorageError} `ERR_WALLET_HOLDER_SECRET_MISSING` when the credential is bound but the holder secret is gone
 */
export async function holderBindingOf(entry: StoredCredential): Promise<HolderBinding | undefined> {
  if (!entry.holderBinding) return undefined
  const record = (await withStore(secretStore, 'readonly', (store) => store.get(holderSecretKey))) as StoredHolderSecret | undefined
  if (!record) throw new WalletStorageError()
  return { secret: { holderSecret: record.holderSecret, proverNym: record.proverNym }, secretProverBlind: entry.holderBinding.secretProverBlind }
}
