/**
 * @module
 * The wallet's credentials in IndexedDB: each received credential with the holder key it is
 * bound to (a non-extractable Web Crypto key, stored as the browser keeps it), so both survive
 * a reload and never leave the browser.
 */
import type { HolderKey, VerifiableCredential } from 'medcred'

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
  /** The key the credential is bound to (`credentialSubject.id` is its did:key). */
  holderKey: HolderKey
}

const databaseName = 'medcred-wallet'
const storeName = 'credentials'

/** Settles with an IndexedDB request's result. */
function settle<Result>(request: IDBRequest<Result>): Promise<Result> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

/** The wallet's database, created on first use. */
function openDatabase(): Promise<IDBDatabase> {
  const request = indexedDB.open(databaseName, 1)
  request.onupgradeneeded = () => request.result.createObjectStore(storeName, { keyPath: 'id' })
  return settle(request)
}

/** Runs `task` on the store in one transaction and waits until it is committed. */
async function withStore<Result>(mode: IDBTransactionMode, task: (store: IDBObjectStore) => IDBRequest<Result>): Promise<Result> {
  const database = await openDatabase()
  try {
    const transaction = database.transaction(storeName, mode)
    const result = settle(task(transaction.objectStore(storeName)))
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
  await withStore('readwrite', (store) => store.put(entry))
}

/** Every stored credential, newest first. */
export async function listCredentials(): Promise<StoredCredential[]> {
  const entries = (await withStore('readonly', (store) => store.getAll())) as StoredCredential[]
  return entries.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
}
