/**
 * @module
 * Small typed helpers over sql.js statements. Statements are prepared per call and freed at
 * once: sql.js frees every statement when it exports, so none may outlive a call.
 */
import type { BindParams, Database, SqlValue } from 'sql.js'

/** A result row, column name to value. */
export type Row = Record<string, SqlValue>

/** All rows of a query. */
export function selectAll(database: Database, sql: string, parameters: BindParams = []): Row[] {
  const statement = database.prepare(sql)
  try {
    statement.bind(parameters)
    const rows: Row[] = []
    while (statement.step()) rows.push(statement.getAsObject())
    return rows
  } finally {
    statement.free()
  }
}

/** The first row of a query, or undefined. */
export function selectOne(database: Database, sql: string, parameters: BindParams = []): Row | undefined {
  return selectAll(database, sql, parameters)[0]
}

/** Runs one statement. */
export function execute(database: Database, sql: string, parameters: BindParams = []): void {
  database.run(sql, parameters)
}

/** Runs one statement for each parameter list, prepared once. */
export function executeMany(database: Database, sql: string, parameterLists: Iterable<BindParams>): void {
  const statement = database.prepare(sql)
  try {
    for (const parameters of parameterLists) statement.run(parameters)
  } finally {
    statement.free()
  }
}
