/** The SQLite side of the store: tables, fixed indexes and a prepared-statement cache. */
import type { Database, Statement } from 'better-sqlite3'

/** Tables are prefixed md_ because the emulator's modules share one database. */
export const SCHEMA_DDL = `
CREATE TABLE IF NOT EXISTS md_documents (
  account TEXT NOT NULL, entity TEXT NOT NULL, id TEXT NOT NULL,
  doc TEXT NOT NULL, createdIn TEXT NOT NULL, updatedIn TEXT NOT NULL,
  PRIMARY KEY (account, entity, id)
);
CREATE INDEX IF NOT EXISTS md_documents_createdIn ON md_documents (account, entity, createdIn);
CREATE INDEX IF NOT EXISTS md_documents_updatedIn ON md_documents (account, entity, updatedIn);
CREATE TABLE IF NOT EXISTS md_schemas (
  account TEXT NOT NULL, entity TEXT NOT NULL, name TEXT NOT NULL, body TEXT NOT NULL,
  PRIMARY KEY (account, entity, name)
);

`

/** Prepared statements cached by SQL text; filters produce a bounded set of shapes in practice. */
export function statementCache(db: Database): (sql: string) => Statement {
  const statements = new Map<string, Statement>()
  return (sql) => {
    let statement = statements.get(sql)
    if (!statement) {
      if (statements.size > 500) statements.clear()
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }
}
