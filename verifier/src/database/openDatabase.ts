/**
 * @module
 * Opens the verifier's SQLite database in sql.js (in memory, wasm) and brings its schema up
 * to date.
 */
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js'
import { VerifierStateError } from '../errors.js'
import { migrations } from './migrations.js'

let sqlJs: Promise<SqlJsStatic> | undefined

/** Connection settings: re-applied whenever sql.js reopens the file (it does on export). */
export function configureConnection(database: Database): void {
  // The file already lives in memory (sql.js's in-memory file system): a large page cache
  // would only hold a second copy of it in the machine's scarce RAM.
  database.exec('PRAGMA foreign_keys = ON; PRAGMA cache_size = -256')
}

/**
 * Opens a database: a new one, or a copy of an exported one. Runs the migrations it lacks.
 *
 * @throws {VerifierStateError} `ERR_VERIFIER_STATE_INVALID` when `data` is not a medcred
 *   verifier database, or is from a newer schema than this code knows.
 */
export async function openDatabase(data?: Uint8Array): Promise<Database> {
  sqlJs ??= initSqlJs()
  const SQL = await sqlJs
  const database = new SQL.Database(data)
  try {
    configureConnection(database)
    migrate(database)
  } catch (cause) {
    database.close()
    throw new VerifierStateError({ reason: 'notDatabase', cause })
  }
  return database
}

function migrate(database: Database): void {
  const version = Number(database.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0)
  if (version > migrations.length) {
    throw new VerifierStateError({ reason: 'schemaTooNew', version, known: migrations.length })
  }
  for (let next = version; next < migrations.length; next++) {
    database.exec('BEGIN')
    try {
      database.exec(migrations[next] as string)
      database.exec(`PRAGMA user_version = ${next + 1}`)
      database.exec('COMMIT')
    } catch (error) {
      database.exec('ROLLBACK')
      throw error
    }
  }
}
