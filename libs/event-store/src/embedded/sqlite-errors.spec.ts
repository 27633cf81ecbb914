import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreUnavailable, WrongExpectedVersion } from '../event-store.errors.js';
import { toStorageError } from './sqlite-errors.js';
import { SqliteEventStore } from './sqlite-event-store.js';

/** The error a SQLite call throws, or fails the test when it succeeds. */
function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the SQLite call to fail');
}

/** A database whose file may not grow (SQLite's page limit stands in for a full disk). */
function fullDatabase(dir: string): Database.Database {
  const db = new Database(join(dir, 'full.db'));
  db.exec('CREATE TABLE t (v TEXT)');
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
  return db;
}

const bigRow = (db: Database.Database) => () =>
  db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(20_000));

function expectStorageFault(error: unknown, code: RegExp, remedy: RegExp): void {
  const mapped = toStorageError(error);
  expect(mapped).toBeInstanceOf(EventStoreUnavailable);
  expect(mapped).toMatchObject({ code: 'event-store-storage', kind: 'unavailable', cause: error });
  expect((mapped as Error).message).toMatch(code);
  expect((mapped as Error).message).toMatch(remedy);
}

describe('SQLite storage faults become EventStoreUnavailable("storage")', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cw-sqlite-errors-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('maps a full disk (SQLITE_FULL)', () => {
    const db = fullDatabase(dir);
    expectStorageFault(thrownBy(bigRow(db)), /SQLITE_FULL/, /disk .* is full; free space/);
    db.close();
  });

  it('maps the transaction SQLite aborted itself after a full disk (failed COMMIT)', () => {
    const db = fullDatabase(dir);
    const error = thrownBy(() =>
      db.transaction(() => {
        // As the store's group commit does: one failing append must not fail the others.
        thrownBy(bigRow(db));
      })(),
    );
    expect(error).toMatchObject({ code: 'SQLITE_ERROR' });
    expectStorageFault(error, /SQLITE_ERROR/, /aborted the write after a storage fault/);
    db.close();
  });

  it('maps a read-only database (SQLITE_READONLY)', () => {
    new Database(join(dir, 'ro.db')).exec('CREATE TABLE t (v TEXT)');
    const db = new Database(join(dir, 'ro.db'), { readonly: true });
    expectStorageFault(thrownBy(bigRow(db)), /SQLITE_READONLY/, /not writable/);
    db.close();
  });

  it('maps a file that cannot be opened (SQLITE_CANTOPEN)', () => {
    const error = thrownBy(() => new Database(dir)); // a directory, not a file
    expectStorageFault(error, /SQLITE_CANTOPEN/, /not writable/);
  });

  it('maps I/O errors, extended codes included (SQLITE_IOERR_*)', () => {
    const db = new Database(join(dir, 'gone.db'));
    rmSync(join(dir, 'gone.db')); // the file vanishes under the open connection
    const error = thrownBy(() => db.exec('CREATE TABLE t (v TEXT)'));
    expect(error).toMatchObject({ code: expect.stringMatching(/^SQLITE_IOERR_/) });
    expectStorageFault(error, /SQLITE_IOERR_/, /I\/O error/);
    db.close();
  });

  it('passes our own errors and programming errors through unchanged', () => {
    const own = new WrongExpectedVersion('s', 1n, 2n);
    expect(toStorageError(own)).toBe(own);
    const db = new Database(':memory:');
    const syntax = thrownBy(() => db.exec('SELEC 1'));
    expect(toStorageError(syntax)).toBe(syntax);
    db.exec('CREATE TABLE u (v TEXT UNIQUE); INSERT INTO u VALUES (1)');
    const unique = thrownBy(() => db.exec('INSERT INTO u VALUES (1)'));
    expect(toStorageError(unique)).toBe(unique);
    const plain = new TypeError('x');
    expect(toStorageError(plain)).toBe(plain);
    expect(toStorageError(undefined)).toBeUndefined();
    db.close();
  });
});

describe('the embedded store on a full disk', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cw-store-full-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const event = (id: string) => ({
    eventId: id,
    type: 'Filled',
    data: { padding: 'x'.repeat(3000) },
    metadata: { correlationId: id } as never,
  });

  it('refuses appends with a storage error, keeps nothing of them and recovers', async () => {
    const store = new SqliteEventStore({ dataDir: dir });
    // The store's own connection: the page limit is per connection.
    const db = (store as unknown as { db: Database.Database }).db;
    await store.append('s-0', [event('e-0')], { expectedRevision: 'any' });
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);

    let failure: unknown;
    for (let i = 1; i <= 50 && failure === undefined; i++) {
      const before = await store.headPosition();
      try {
        await store.append(`s-${i}`, [event(`e-${i}a`), event(`e-${i}b`)], {
          expectedRevision: 'no_stream',
        });
      } catch (error) {
        failure = error;
        expect(await store.headPosition()).toBe(before);
        expect(await collect(store.readStream(`s-${i}`))).toEqual([]);
      }
    }
    expect(failure).toBeInstanceOf(EventStoreUnavailable);
    expect(failure).toMatchObject({ code: 'event-store-storage' });

    db.pragma('max_page_count = 1073741823');
    const head = await store.headPosition();
    const result = await store.append('s-after', [event('e-after')], {
      expectedRevision: 'no_stream',
    });
    expect(result.position).toBe(head + 1n);
    await store.close();
  });
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
