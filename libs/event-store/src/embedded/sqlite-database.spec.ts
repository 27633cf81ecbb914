import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreStartupError } from '../event-store.errors.js';
import {
  EVENTS_APPLICATION_ID,
  EVENTS_FILE_NAME,
  EVENTS_SCHEMA_VERSION,
  openEventDatabase,
} from './sqlite-database.js';

const digest = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex');

describe('opening the embedded event database', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-db-'));
    file = join(dir, EVENTS_FILE_NAME);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function expectRefusedUntouched(message: RegExp): void {
    const before = digest(file);
    let error: unknown;
    try {
      openEventDatabase(dir).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EventStoreStartupError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(message);
    expect(digest(file)).toBe(before);
  }

  it('creates the data directory and a marked, versioned database in it', () => {
    const nested = join(dir, 'a', 'b');
    const db = openEventDatabase(nested);
    expect(db.pragma('application_id', { simple: true })).toBe(EVENTS_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(EVENTS_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
  });

  it('stops with the path when the data directory cannot be created', () => {
    writeFileSync(join(dir, 'plain-file'), 'x');
    const bad = join(dir, 'plain-file', 'data');
    expect(() => openEventDatabase(bad)).toThrow(EventStoreStartupError);
    expect(() => openEventDatabase(bad)).toThrow(bad);
  });

  it('refuses a file that is not a SQLite database and leaves it untouched', () => {
    writeFileSync(file, 'this is a spreadsheet, not a database '.repeat(200));
    expectRefusedUntouched(/not a Customer Workspace event database/);
  });

  it("refuses another application's SQLite database and leaves it untouched", () => {
    const other = new Database(file);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    other.close();
    expectRefusedUntouched(/another application/);
  });

  it('refuses a schema newer than this build and leaves it untouched', () => {
    openEventDatabase(dir).close();
    const db = new Database(file);
    db.pragma(`user_version = ${EVENTS_SCHEMA_VERSION + 1}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expectRefusedUntouched(/newer than this build/);
  });

  it('migrates a database of an older schema version forward', () => {
    const old = new Database(file);
    old.pragma(`application_id = ${EVENTS_APPLICATION_ID}`);
    old.pragma('user_version = 0');
    old.close();
    const db = openEventDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(EVENTS_SCHEMA_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'events'").get()).toBeDefined();
    db.close();
  });

  it('accepts the synchronous level it is given', () => {
    const db = openEventDatabase(dir, 'NORMAL');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    db.close();
  });
});
