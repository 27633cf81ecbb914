import type { ApplyEvent, Projection } from '@customer-workspace/read-models';

/**
 * A small read model for the rebuild tests: a tally per stream and one row per event. It has
 * no run-time imports, so the tests compile it on the fly for a child process (see
 * `compileForChild` in rebuild.e2e-spec.ts).
 */
export const tallyProjection: Projection = {
  name: 'test-tally',
  version: 1,
  createSchema(db) {
    db.exec(`
      CREATE TABLE tallies (stream_id TEXT PRIMARY KEY, events INTEGER NOT NULL,
        last_type TEXT NOT NULL, sum INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE entries (position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL,
        event_id TEXT NOT NULL, n INTEGER);`);
  },
  prepare(db) {
    const tally = db.prepare(
      `INSERT INTO tallies VALUES (?, 1, ?, ?) ON CONFLICT (stream_id) DO UPDATE SET
         events = events + 1, last_type = excluded.last_type, sum = sum + excluded.sum`,
    );
    const entry = db.prepare('INSERT INTO entries VALUES (?, ?, ?, ?)');
    return (event) => {
      const n = (event.data as { n?: unknown } | null)?.n;
      const value = typeof n === 'number' ? n : null;
      tally.run(event.streamId, event.type, value ?? 0);
      entry.run(event.position, event.streamId, event.eventId, value);
    };
  },
};

/** `projection`, sleeping `ms` per event: a rebuild slow enough to be interrupted midway. */
export function slowed(projection: Projection, ms: number): Projection {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  return {
    ...projection,
    prepare(db) {
      const apply: ApplyEvent = projection.prepare(db);
      return (event) => {
        Atomics.wait(pause, 0, 0, ms);
        apply(event);
      };
    },
  };
}
