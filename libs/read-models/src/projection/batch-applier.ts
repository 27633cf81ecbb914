import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@customer-workspace/event-store';
import type { Projection } from './projection.js';
import { truncateWal } from './read-model-database.js';

/** A projection could not apply an event: it stops right before it and reports it. */
export class ProjectionFailed extends Error {
  readonly code = 'projection-failed';
  constructor(
    readonly projection: string,
    readonly event: RecordedEvent,
    cause: unknown,
  ) {
    super(
      `Projection ${projection} cannot apply event ${event.type} ${event.eventId} at position ` +
        `${event.position} (stream ${event.streamId}): ${(cause as Error)?.message ?? String(cause)}`,
      { cause },
    );
    this.name = 'ProjectionFailed';
  }
}

/** Applies a batch of events and returns the checkpoint after it (undefined: nothing yet). */
export type BatchApplier = (events: readonly RecordedEvent[]) => bigint | undefined;

/**
 * Applies batches in one write transaction each, rows and checkpoint together. The checkpoint
 * is read inside the transaction and events at or before it are skipped, so two writers (the
 * api and a CLI catching the same file up) never apply an event twice. When an event fails,
 * the events before it are committed and `ProjectionFailed` names it: the projection stops
 * exactly at it and never skips it. After a batch holding one of the projection's `erasures`
 * commits, the WAL is truncated (again after each later batch, while readers prevent it).
 */
export function createBatchApplier(db: Database.Database, projection: Projection): BatchApplier {
  const apply = projection.prepare(db);
  const erasures = new Set(projection.erasures ?? []);
  let truncationOwed = false;
  const checkpointStatement = db
    .prepare<[], bigint | null>('SELECT checkpoint FROM projection_meta')
    .pluck()
    .safeIntegers(true);
  const save = db.prepare(
    `UPDATE projection_meta
     SET checkpoint = ?, events_applied = events_applied + ?, updated_at = ?`,
  );
  const inTransaction = db.transaction((events: readonly RecordedEvent[]) => {
    const checkpoint = checkpointStatement.get() ?? undefined;
    let last = checkpoint;
    let applied = 0;
    for (const event of events) {
      if (checkpoint !== undefined && event.position <= checkpoint) continue;
      try {
        apply(event);
      } catch (cause) {
        throw new ProjectionFailed(projection.name, event, cause);
      }
      last = event.position;
      applied++;
    }
    if (applied > 0) save.run(last, applied, new Date().toISOString());
    return last;
  });
  const applyBatch = (events: readonly RecordedEvent[]): bigint | undefined => {
    try {
      return inTransaction.immediate(events);
    } catch (error) {
      if (!(error instanceof ProjectionFailed)) throw error;
      const before = events.filter((event) => event.position < error.event.position);
      if (before.length > 0) inTransaction.immediate(before);
      throw error;
    }
  };
  if (erasures.size === 0) return applyBatch;
  return (events) => {
    truncationOwed ||= events.some((event) => erasures.has(event.type));
    try {
      return applyBatch(events);
    } finally {
      // WAL only: a rebuild's file has its journal in memory, and is deleted or published whole.
      if (truncationOwed && db.pragma('journal_mode', { simple: true }) === 'wal')
        truncationOwed = !truncateWal(db);
    }
  };
}
