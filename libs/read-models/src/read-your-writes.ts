import type { ProjectionRunner } from './projection/projection-runner.js';
import { ReadModelBehind } from './read-model.errors.js';

/**
 * Read-your-writes: waits (at most `waitMs`) until `runner` has applied `minPosition`, then
 * returns it; throws `ReadModelBehind` when it has not. Without a position it answers at once.
 */
export async function caughtUp(
  runner: ProjectionRunner,
  minPosition: bigint | undefined,
  waitMs: number,
): Promise<ProjectionRunner> {
  if (minPosition === undefined) return runner;
  if (await runner.waitFor(minPosition, waitMs)) return runner;
  throw new ReadModelBehind(runner.projection.name, minPosition, runner.status().position, waitMs);
}
