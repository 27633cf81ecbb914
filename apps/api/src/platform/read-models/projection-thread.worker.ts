import { parentPort, workerData } from 'node:worker_threads';
import { PersonalDataEventStore, SqlitePersonalDataKeys } from '@customer-workspace/personal-data';
import {
  PROJECTIONS,
  ProjectionRunner,
  ReadModelDirectory,
  type RunnerLogger,
} from '@customer-workspace/read-models';
import { openThreadEventStore } from '../threads/thread-event-store.js';
import { postingLogger } from '../threads/thread-log.js';
import {
  type FromProjectionThread,
  type ProjectionThreadSettings,
  type ToProjectionThread,
} from './projection-thread.messages.js';

/**
 * The projection thread: runs every projection of `PROJECTIONS` over its own connections to
 * the event store, the key store and the read models, and reports their state, checkpoints and
 * failures to the main thread, which serves the queries. See `ProjectionThread`.
 */
const port = parentPort!;
const settings = workerData as ProjectionThreadSettings;
const post = (message: FromProjectionThread) => port.postMessage(message);

const logger: RunnerLogger = postingLogger(post);

const opened = openThreadEventStore(settings);
const store = new PersonalDataEventStore(
  opened.store,
  new SqlitePersonalDataKeys(settings.personalDataKeysDir),
  { onError: (error, context) => logger.error({ err: error }, context), ownsKeys: true },
);
const directory = new ReadModelDirectory(settings.dataDir);
const runners = PROJECTIONS.map((projection) => {
  const runner: ProjectionRunner = new ProjectionRunner(store, projection, directory, {
    logger,
    onCheckpoint: (position) => post({ type: 'checkpoint', name: projection.name, position }),
    onStatus: (status) => post({ type: 'status', status, file: runner.servingFile() }),
  });
  return runner;
});

async function stop(): Promise<void> {
  await Promise.all(runners.map((runner) => runner.stop()));
  await store.close();
  port.close();
}

port.on('message', (message: ToProjectionThread) => {
  if (message.type === 'appended') opened.wake();
  else if (message.type === 'stop') void stop();
});
for (const runner of runners) runner.start();
