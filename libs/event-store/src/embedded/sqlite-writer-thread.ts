import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { EventStoreUnavailable } from '../event-store.errors.js';
import { type AppendOutcome, type EncodedAppend, fromSentError } from './sqlite-event-writer.js';
import type {
  FromWriterThread,
  ToWriterThread,
  WriterThreadSettings,
} from './sqlite-writer.messages.js';

/**
 * The compiled worker entry. From the sources (tests run them through swc) as from `dist/`, the
 * thread runs the compiled code: a worker thread cannot load TypeScript.
 */
const WORKER_FILE = join(__dirname, '..', '..', 'dist', 'embedded', 'sqlite-writer.worker.js');

/** A request the thread has not answered yet; the thread answers in the order it was sent. */
interface Awaiting {
  readonly answer: (message: FromWriterThread) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Commits the embedded store's batches in a worker thread (`sqlite-writer.worker.ts`); the
 * store sends one batch at a time. A thread that dies fails the batch it held with
 * `EventStoreUnavailable`: whether it was committed is unknown, and retrying the same appends is
 * safe (a retry with the same event ids answers the first result). The next batch starts a new
 * thread.
 */
export class WriterThread {
  private worker?: Worker;
  private readonly awaiting: Awaiting[] = [];

  constructor(private readonly settings: WriterThreadSettings) {}

  /** The outcome of each append, in order; rejects, nothing committed, when the storage fails. */
  commit(batch: readonly EncodedAppend[]): Promise<AppendOutcome[]> {
    // Only the appends' own fields: structured clone takes no functions.
    const appends = batch.map(({ streamId, events, expected }) => ({ streamId, events, expected }));
    return this.request({ type: 'commit', batch: appends }, (message, resolve, reject) => {
      if (message.type === 'failed') reject(fromSentError(message.error));
      else if (message.type === 'committed')
        resolve(
          message.outcomes.map((outcome) =>
            outcome.ok ? outcome : { ok: false, error: fromSentError(outcome.error) },
          ),
        );
    });
  }

  /** Runs a pragma on the writer's connection (`SqliteEventStore.writerPragma`). */
  pragma(pragma: string): Promise<unknown> {
    return this.request({ type: 'pragma', pragma }, (message, resolve, reject) => {
      if (message.type === 'pragma') resolve(message.result);
      else if (message.type === 'failed') reject(fromSentError(message.error));
    });
  }

  /** Closes the writer's connection and ends the thread; call when nothing is awaited. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.ref();
    worker.postMessage({ type: 'close' } satisfies ToWriterThread);
    await exited;
  }

  private request<T>(
    message: ToWriterThread,
    settle: (
      answer: FromWriterThread,
      resolve: (value: T) => void,
      reject: (error: unknown) => void,
    ) => void,
  ): Promise<T> {
    const worker = this.worker ?? this.spawn();
    return new Promise<T>((resolve, reject) => {
      worker.postMessage(message);
      this.awaiting.push({ answer: (answer) => settle(answer, resolve, reject), reject });
      worker.ref();
    });
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_FILE, { workerData: this.settings });
    this.worker = worker;
    worker.on('message', (message: FromWriterThread) => this.received(message));
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`exit code ${code}`)));
    return worker;
  }

  private received(message: FromWriterThread): void {
    if (message.type === 'closed') return;
    this.awaiting.shift()?.answer(message);
    // An idle writer does not keep the process alive; one with work does.
    if (this.awaiting.length === 0) this.worker?.unref();
  }

  private lost(worker: Worker, cause: Error): void {
    if (this.worker === worker) this.worker = undefined;
    const error = new EventStoreUnavailable(
      'unavailable',
      `The event store's writer thread stopped (${cause.message}); whether the appends it held were stored is unknown, and retrying them is safe`,
      { cause },
    );
    for (const awaiting of this.awaiting.splice(0)) awaiting.reject(error);
  }
}
