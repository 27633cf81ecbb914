import type { EventStore } from '@customer-workspace/event-store';
import { createBatchApplier } from './batch-applier.js';
import { catchUp, type CatchUpOptions } from './catch-up.js';
import type { Projection } from './projection.js';
import { completeDeferredSchema, openReadModelForWriting } from './read-model-database.js';
import { type ReadModelDirectory, removeDatabaseFile } from './read-model-directory.js';

export interface RebuildResult {
  readonly file: string;
  readonly position: bigint | undefined;
}

/**
 * Builds a fresh generation of `projection` from the first event while the serving one keeps
 * serving, then swaps the pointer to it. Interrupted (abort, error), it deletes what it built
 * and leaves the serving generation untouched. One rebuild of a read model at a time (a second
 * one fails with `RebuildInProgress`). The api follows the pointer and resumes from
 * the new generation's checkpoint, so events appended during the rebuild are not lost.
 */
export async function rebuildReadModel(
  store: EventStore,
  projection: Projection,
  directory: ReadModelDirectory,
  options: CatchUpOptions = {},
): Promise<RebuildResult> {
  const unlock = directory.lockRebuild(projection.name);
  try {
    return await build(store, projection, directory, options);
  } finally {
    unlock();
  }
}

async function build(
  store: EventStore,
  projection: Projection,
  directory: ReadModelDirectory,
  options: CatchUpOptions,
): Promise<RebuildResult> {
  const building = directory.newGeneration(projection.name, true);
  // Query-only indexes and derived tables are built once, after the load (see `deferredSchema`).
  const db = openReadModelForWriting(building, projection, { deferSchema: true });
  try {
    // Nobody else opens a building file, and a crash discards it: hold the lock for the whole
    // load, keep the rollback journal in memory and skip syncs (about twice as fast as WAL).
    db.pragma('journal_mode = MEMORY');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -131072');
    const position = await catchUp(store, db, createBatchApplier(db, projection), {
      batchSize: 10_000,
      ...options,
    });
    completeDeferredSchema(db, projection);
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = FULL');
    // One last commit with FULL sync: the whole file is on disk before the pointer names it.
    db.prepare('UPDATE projection_meta SET updated_at = ?').run(new Date().toISOString());
    db.close();
    const file = directory.finishBuilding(building);
    directory.publish(projection.name, file);
    return { file, position };
  } catch (error) {
    if (db.open) db.close();
    removeDatabaseFile(building);
    throw error;
  }
}
