import { parentPort, workerData } from 'node:worker_threads';
import { openEventDatabase } from './sqlite-database.js';
import { SqliteEventWriter, toSentError } from './sqlite-event-writer.js';
import type {
  FromWriterThread,
  ToWriterThread,
  WriterThreadSettings,
} from './sqlite-writer.messages.js';

/**
 * The writer thread of the embedded store: commits the batches the store's thread sends over a
 * connection of its own, so SQLite's page writes, fsyncs and checkpoints never hold up the
 * thread that serves requests. See `WriterThread`.
 */
const port = parentPort!;
const settings = workerData as WriterThreadSettings;
const db = openEventDatabase(settings.dataDir, settings.synchronous);
const writer = new SqliteEventWriter(db);
const post = (message: FromWriterThread) => port.postMessage(message);

port.on('message', (message: ToWriterThread) => {
  switch (message.type) {
    case 'commit': {
      let outcomes;
      try {
        outcomes = writer.commit(message.batch);
      } catch (error) {
        post({ type: 'failed', error: toSentError(error) });
        return;
      }
      post({
        type: 'committed',
        outcomes: outcomes.map((outcome) =>
          outcome.ok ? outcome : { ok: false, error: toSentError(outcome.error) },
        ),
      });
      return;
    }
    case 'pragma':
      try {
        post({ type: 'pragma', result: db.pragma(message.pragma) });
      } catch (error) {
        post({ type: 'failed', error: toSentError(error) });
      }
      return;
    case 'close':
      db.close();
      post({ type: 'closed' });
      port.close();
      return;
    default:
      message satisfies never;
  }
});
