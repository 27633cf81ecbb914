import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FollowerDone, FollowerFinish } from './activity-log-follower.worker.js';

/** The activity-log follower (a worker thread) as the main thread drives it. */
export interface ActivityLogFollower {
  /** Caught up with `head` (the store's head once every event is appended), or throws. */
  finish(head: bigint): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the follower on `dataDir` and resolves once it has opened the store and its read
 * model: only then do the appends start, so its opening never waits on their write lock.
 */
export async function startActivityLogFollower(dataDir: string): Promise<ActivityLogFollower> {
  const worker = new Worker(join(__dirname, 'activity-log-follower.worker.js'), {
    workerData: { dataDir },
  });
  let failure: Error | undefined;
  const messages: ((message: unknown) => void)[] = [];
  worker.on('message', (message: unknown) => messages.shift()?.(message));
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', (error) => reject((failure = error)));
  });
  failed.catch(() => undefined);
  const next = (): Promise<unknown> =>
    Promise.race([new Promise((resolve) => messages.push(resolve)), failed]);
  await next();
  return {
    finish: async (head) => {
      if (failure) throw failure;
      worker.postMessage({ head: head.toString() } satisfies FollowerFinish);
      const { caughtUp, failure: reason } = (await next()) as FollowerDone;
      if (!caughtUp) throw new Error(`The activity log did not catch up: ${reason ?? 'timeout'}`);
    },
    stop: async () => {
      await worker.terminate();
    },
  };
}
