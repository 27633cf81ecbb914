import { existsSync } from 'node:fs';
import type { EventStore } from '@customer-workspace/event-store';
import { createBatchApplier } from './batch-applier.js';
import { catchUp, type CatchUpOptions } from './catch-up.js';
import type { Projection } from './projection.js';
import { openReadModelForWriting } from './read-model-database.js';
import type { ReadModelDirectory } from './read-model-directory.js';

/**
 * Brings the serving generation of `projection` up to the store's head (creating it when there
 * is none) and returns its file: what the CLI exports read, api running or not. Safe beside a
 * running api: both skip what the other already committed (see `createBatchApplier`).
 */
export async function catchUpServingReadModel(
  store: EventStore,
  projection: Projection,
  directory: ReadModelDirectory,
  options: CatchUpOptions = {},
): Promise<string> {
  const current = directory.current(projection.name);
  const file =
    current !== undefined && existsSync(current)
      ? current
      : directory.newGeneration(projection.name);
  const db = openReadModelForWriting(file, projection);
  try {
    if (file !== current) directory.publish(projection.name, file);
    await catchUp(store, db, createBatchApplier(db, projection), options);
    return file;
  } finally {
    db.close();
  }
}
