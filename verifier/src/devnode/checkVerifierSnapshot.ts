/**
 * @module
 * Checks the verifier's SQLite snapshot on the dev node's start with `PRAGMA quick_check` (pages,
 * b-trees, record formats, NOT NULL and CHECK constraints; not index contents), on a copy opened
 * for that alone. A file that passes its checksum but was written corrupt is refused here rather
 * than carried into the next snapshot.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js'
import { DevnodeFileCorruptError } from './errors.js'

let sqlJs: Promise<SqlJsStatic> | undefined

/**
 * @throws {DevnodeFileCorruptError} `ERR_DEVNODE_FILE_CORRUPT` naming `file` and what SQLite found
 */
export async function checkVerifierSnapshot(file: string, bytes: Uint8Array): Promise<void> {
  sqlJs ??= initSqlJs()
  const SQL = await sqlJs
  let problems: string[]
  try {
    const database = new SQL.Database(bytes)
    try {
      problems = (database.exec('PRAGMA quick_check')[0]?.values ?? []).map((row) => String(row[0]))
    } finally {
      database.close()
    }
  } catch (error) {
    throw new DevnodeFileCorruptError({ file, reason: `SQLite cannot read it (${error instanceof Error ? error.message : String(error)})` }, { cause: error })
  }
  if (problems.length === 1 && problems[0] === 'ok') return
  const shown = problems.slice(0, 3).join('; ')
  throw new DevnodeFileCorruptError({ file, reason: `PRAGMA quick_check finds ${problems.length === 0 ? 'nothing to check' : shown}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}` })
}
