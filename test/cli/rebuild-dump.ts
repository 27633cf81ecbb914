import Database from 'better-sqlite3';

/** Columns that say when a row was written rather than what it holds. */
const WALL_CLOCK: Record<string, readonly string[]> = {
  projection_meta: ['created_at', 'updated_at'],
};
/** FTS5 shadow tables whose b-tree layout depends on the transaction boundaries. */
const FTS_LAYOUT = ['_data', '_idx'];

/** A read-model file's schema and every row of every table, in a stable order. */
export interface ReadModelDump {
  readonly schema: readonly unknown[];
  readonly tables: Readonly<Record<string, readonly unknown[][]>>;
}

interface SchemaObject {
  readonly type: string;
  readonly name: string;
  readonly sql: string | null;
}

/**
 * Dumps a read model for a row-by-row comparison of two generations: every table sorted by all
 * its columns, without wall-clock columns; a full-text index as its terms (word, row, column,
 * offset), since two equal indexes built in different batches differ in their b-tree pages.
 */
export function dumpReadModel(file: string): ReadModelDump {
  const db = new Database(file, { fileMustExist: true });
  try {
    const schema = db
      .prepare<[], SchemaObject>(
        `SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`,
      )
      .all();
    const fts = schema
      .filter((o) => o.type === 'table' && /USING\s+fts5/i.test(o.sql ?? ''))
      .map((o) => o.name);
    const skipped = new Set([...fts, ...fts.flatMap((name) => FTS_LAYOUT.map((s) => name + s))]);
    const tables: Record<string, unknown[][]> = {};
    for (const { name } of schema.filter((o) => o.type === 'table' && !skipped.has(o.name))) {
      tables[name] = rows(db, name);
    }
    for (const name of fts) tables[`${name} terms`] = terms(db, name);
    return { schema, tables };
  } finally {
    db.close();
  }
}

function rows(db: Database.Database, table: string): unknown[][] {
  const columns = (db.pragma(`table_info(${quote(table)})`) as { name: string }[])
    .map((column) => column.name)
    .filter((column) => !WALL_CLOCK[table]?.includes(column));
  const order = columns.map((_, n) => n + 1).join(', ');
  return db
    .prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)} ORDER BY ${order}`)
    .raw()
    .all() as unknown[][];
}

function terms(db: Database.Database, table: string): unknown[][] {
  const vocabulary = quote(`${table}_vocabulary`);
  db.exec(
    `CREATE VIRTUAL TABLE temp.${vocabulary} USING fts5vocab(main, ${quote(table)}, instance)`,
  );
  return db
    .prepare(`SELECT term, doc, col, offset FROM temp.${vocabulary} ORDER BY 1, 2, 3, 4`)
    .raw()
    .all() as unknown[][];
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
