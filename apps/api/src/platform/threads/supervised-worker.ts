import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { InterruptiblePause, retryDelay } from '@customer-workspace/event-store';
import type { ThreadLogger } from './thread-log.js';

/**
 * A worker entry of the api, compiled: `apiWorkerFile('platform', 'x.worker.js')`. From the
 * sources (tests run them through swc) as from `dist/`, the thread runs the compiled code: a
 * worker thread cannot load TypeScript.
 */
export function apiWorkerFile(...pathInDist: string[]): string {
  return join(__dirname, '..', '..', '..', 'dist', ...pathInDist);
}

export interface SupervisedWorkerOptions<From> {
  /** The compiled worker entry (`apiWorkerFile`). */
  readonly file: string;
  readonly workerData: unknown;
  /** Named in the log and in `onLost`: "The projection thread". */
  readonly title: string;
  readonly logger: ThreadLogger;
  readonly onMessage: (message: From) => void;
  /** The thread exited unasked for; it is started again after a pause. */
  readonly onLost: (reason: string) => void;
  /** How long `stop` waits for the thread to close its files before it is terminated. */
  readonly stopTimeoutMs?: number;
}

/**
 * A worker thread kept running: one that exits unasked for is reported (`onLost`) and started
 * again after a pause that grows while it keeps failing; `stop` asks it to end and terminates
 * it after the timeout. The projection thread and the audit thread are each one.
 */
export class SupervisedWorker<To extends { type: string }, From> {
  private current?: Worker;
  private stopping = false;
  private failures = 0;
  private readonly pause = new InterruptiblePause();
  private readonly queued = new Set<string>();

  constructor(private readonly options: SupervisedWorkerOptions<From>) {}

  /** The running thread (tests reach it to kill it). */
  get worker(): Worker | undefined {
    return this.current;
  }

  start(): void {
    this.stopping = false;
    this.spawn();
  }

  /** A message went through: the pause before the next restart is short again. */
  healthy(): void {
    this.failures = 0;
  }

  send(message: To): void {
    this.current?.postMessage(message);
  }

  /** Sends `message` once in this turn of the event loop, however often it was asked for. */
  sendOnce(message: To): void {
    if (this.queued.has(message.type)) return;
    this.queued.add(message.type);
    setImmediate(() => {
      this.queued.delete(message.type);
      this.send(message);
    });
  }

  /** Asks the thread to end with `message`; terminates it after the timeout. */
  async stop(message: To): Promise<void> {
    this.stopping = true;
    this.pause.interrupt();
    const worker = this.current;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage(message);
    const timer = setTimeout(() => void worker.terminate(), this.options.stopTimeoutMs ?? 10_000);
    await exited;
    clearTimeout(timer);
  }

  private spawn(): void {
    const worker = new Worker(this.options.file, { workerData: this.options.workerData });
    this.current = worker;
    worker.on('message', (message: From) => this.options.onMessage(message));
    worker.on('error', (error) =>
      this.options.logger.error({ err: error }, `${this.options.title} failed`),
    );
    worker.on('exit', (code) => void this.exited(worker, code));
  }

  private async exited(worker: Worker, code: number): Promise<void> {
    if (this.current === worker) this.current = undefined;
    if (this.stopping) return;
    const reason = `${this.options.title} exited (code ${code}); starting it again`;
    this.options.logger.error({ code }, reason);
    this.options.onLost(reason);
    await this.pause.wait(retryDelay(++this.failures));
    if (!this.stopping) this.spawn();
  }
}
