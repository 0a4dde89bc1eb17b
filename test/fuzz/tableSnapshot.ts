/**
 * Reads an exported verifier database into comparable text, table by table, with SQL on a
 * copy: the live verifier is never touched.
 */
import initSqlJs, { type SqlJsStatic, type SqlValue } from 'sql.js'
import { type Ledger, readLedger } from './ledger.js'

let sql: Promise<SqlJsStatic> | undefined

/**
 * Every table's rows (sorted, blobs as hex), plus the schema and `user_version` under reserved
 * keys; and the deals' ledger, read in the same pass.
 */
export type TableSnapshot = { tables: ReadonlyMap<string, string>; ledger: Ledger }

export async function snapshotTables(exported: Uint8Array): Promise<TableSnapshot> {
  sql ??= initSqlJs()
  const database = new (await sql).Database(exported)
  try {
    const tables = new Map<string, string>()
    const schema = database.exec("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
    tables.set('(schema)', JSON.stringify(schema[0]?.values ?? []))
    tables.set('(user_version)', JSON.stringify(database.exec('PRAGMA user_version')[0]?.values))
    const names = (schema[0]?.values ?? []).filter(([type]) => type === 'table').map(([, name]) => String(name))
    for (const name of names) {
      const rows = database.exec(`SELECT * FROM "${name.replaceAll('"', '""')}"`)[0]?.values ?? []
      tables.set(name, rows.map(rowText).sort().join('\n'))
    }
    return { tables, ledger: readLedger(database) }
  } finally {
    database.close()
  }
}

/** The tables whose contents differ between two snapshots (schema and version included). */
export function changedTables(before: TableSnapshot, after: TableSnapshot): string[] {
  const names = new Set([...before.tables.keys(), ...after.tables.keys()])
  return [...names].filter((name) => before.tables.get(name) !== after.tables.get(name))
}

const rowText = (row: SqlValue[]) => JSON.stringify(row.map((value) => (value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value)))
