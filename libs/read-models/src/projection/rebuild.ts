import type { EventStore } from '../../../event-store/src/index.js';
import { createBatchApplier } from './batch-applier.js';
import { catchUp, type CatchUpOptions } from './catch-up.js';
import type { Projection } from './projection.js';
import { openReadModelForWriting } from './read-model-database.js';
import { type ReadModelDirectory, removeDatabaseFile } from './read-model-directory.js';

export interface RebuildResult {
  readonly file: string;
  readonly position: bigint | undefined;
}

/**
 * Builds a fresh generation of `projection` from the first event while the serving one keeps
 * serving, then swaps the pointer to it. Interrupted (abort, error), it deletes what it built
 * and leaves the serving generation untouched. The api follows the pointer and resumes from
 * the new generation's checkpoint, so events appended during the rebuild are not lost.
 */
export async function rebuildReadModel(
  store: EventStore,
  projection: Projection,
  directory: ReadModelDirectory,
  options: CatchUpOptions = {},
): Promise<RebuildResult> {
  const building = directory.newGeneration(projection.name, true);
  const db = openReadModelForWriting(building, projection);
  try {
    // A crash discards the building file anyway: no need to sync every batch.
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -65536');
    const position = await catchUp(store, db, createBatchApplier(db, projection), {
      batchSize: 10_000,
      ...options,
    });
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = FULL');
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
