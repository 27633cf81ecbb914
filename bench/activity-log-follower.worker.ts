import { parentPort, workerData } from 'node:worker_threads';
import { SqliteEventStore } from '@customer-workspace/event-store';
import {
  activityLogProjection,
  ProjectionRunner,
  ReadModelDirectory,
} from '@customer-workspace/read-models';

/** What the main thread sends once every event is appended: the store's head position. */
export interface FollowerFinish {
  readonly head: string;
}

/** What the worker answers: caught up, or the runner's failure. */
export interface FollowerDone {
  readonly caughtUp: boolean;
  readonly failure?: string;
}

/**
 * Set-up only: builds the activity log of a data set *while* its events are appended, on the
 * second core, the way the api's runner follows live appends, so the data set is ready
 * sooner. Nothing it does is measured.
 */
const { dataDir } = workerData as { dataDir: string };
const store = new SqliteEventStore({ dataDir });
const runner = new ProjectionRunner(store, activityLogProjection, new ReadModelDirectory(dataDir), {
  logger: { error: () => undefined, warn: () => undefined },
  batchSize: 5000,
});
runner.start();
// Opened: the appends may start.
parentPort!.postMessage('ready');

parentPort!.on('message', ({ head }: FollowerFinish) => {
  const deadline = Date.now() + 30 * 60_000;
  const check = async (): Promise<void> => {
    const caughtUp = await runner.waitFor(BigInt(head), 200);
    const { state, failure } = runner.status();
    if (!caughtUp && state !== 'failed' && Date.now() < deadline) return void setImmediate(check);
    await runner.stop();
    await store.close();
    const done: FollowerDone = { caughtUp, ...(caughtUp ? {} : { failure: failure?.message }) };
    parentPort!.postMessage(done);
  };
  void check();
});
