import { parentPort, workerData } from 'node:worker_threads';
import { AuditFollower, AuditLedger, resolveAuditSigner } from '@customer-workspace/audit';
import { openThreadEventStore } from '../../platform/threads/thread-event-store.js';
import { postingLogger } from '../../platform/threads/thread-log.js';
import type {
  AuditThreadSettings,
  FromAuditThread,
  ToAuditThread,
} from './audit-thread.messages.js';

/**
 * The audit thread: keeps the audit tree (`AuditFollower`) over its own connections to the
 * event store (the events as stored) and to audit.db, and reports each committed batch and each
 * failure to the main thread, which serves the proofs and checkpoints. See `AuditThread`.
 */
const port = parentPort!;
const settings = workerData as AuditThreadSettings;
const post = (message: FromAuditThread) => port.postMessage(message);
const logger = postingLogger(post);

const { store, wake } = openThreadEventStore(settings);
const ledger = AuditLedger.inDataDir(
  settings.dataDir,
  resolveAuditSigner({
    DATA_DIR: settings.dataDir,
    AUDIT_SIGNING_KEY: settings.signingKey,
    EVENTSTORE_CONNECTION_STRING: settings.connectionString,
  }),
);
const follower: AuditFollower = new AuditFollower({
  store: store.asStored(),
  ledger,
  checkpointIntervalMs: settings.checkpointIntervalMs,
  onAppended: (checkpoint) => post({ type: 'tree', checkpoint }),
  onError: (error, context) => {
    logger.error({ err: error }, `${context} failed`);
    const { failure } = follower.status();
    if (failure) post({ type: 'failed', failure });
  },
});

async function stop(): Promise<void> {
  await follower.stop();
  ledger.close();
  await store.close();
  port.close();
}

port.on('message', (message: ToAuditThread) => {
  if (message.type === 'appended') wake();
  else if (message.type === 'stop') void stop();
});
follower.start();
post({ type: 'started' });
