import type Database from 'better-sqlite3';
import type { ProjectionStatus } from './projection/projection-status.js';
import type { Projection } from './projection/projection.js';
import { ReadModelBehind } from './read-model.errors.js';

/**
 * A read model as queries see it, wherever its projection runs (a `ProjectionRunner` in this
 * thread, or one in a worker thread seen through messages): its state, its read connection and
 * file, and the wait for a position.
 */
export interface ServedReadModel {
  readonly projection: Pick<Projection, 'name'>;
  status(): ProjectionStatus;
  /** The read-only connection to the serving generation (queries are synchronous). */
  reader(): Database.Database;
  /** The serving generation's file: a streaming export opens its own connection to it. */
  servingFile(): string;
  /** Resolves true once the read model has applied `position`, false after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean>;
}

/**
 * Read-your-writes: waits (at most `waitMs`) until `readModel` has applied `minPosition`, then
 * returns it; throws `ReadModelBehind` when it has not. Without a position it answers at once.
 */
export async function caughtUp<T extends ServedReadModel>(
  readModel: T,
  minPosition: bigint | undefined,
  waitMs: number,
): Promise<T> {
  if (minPosition === undefined) return readModel;
  if (await readModel.waitFor(minPosition, waitMs)) return readModel;
  const { position } = readModel.status();
  throw new ReadModelBehind(readModel.projection.name, minPosition, position, waitMs);
}
