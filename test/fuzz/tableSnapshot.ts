/**
 * Reads an exported verifier database into comparable text, table by table, with SQL on a
 * copy: the live verifier is never touched.
 */
import initSqlJs, { type SqlJsStatic, type SqlValue } from 'sql.js'

let sql: Promise<SqlJsStatic> | undefined

/** Every table's rows (sorted, blobs as hex), plus the schema and `user_version` under reserved keys. */
export type TableSnapshot = ReadonlyMap<string, string>

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
    return tables
  } finally {
    database.close()
  }
}

/** The tables whose contents differ between two snapshots (schema and version included). */
export function changedTables(before: TableSnapshot, after: TableSnapshot): string[] {
  const names = new Set([...before.keys(), ...after.keys()])
  return [...names].filter((name) => before.get(name) !== after.get(name))
}

const rowText = (row: SqlValue[]) => JSON.stringify(row.map((value) => (value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value)))
