import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { InterruptiblePause, retryDelay } from '@customer-workspace/event-store';
import { PROJECTIONS, type RunnerLogger } from '@customer-workspace/read-models';
import type {
  FromProjectionThread,
  ProjectionThreadSettings,
  ToProjectionThread,
} from './projection-thread.messages.js';
import { RemoteReadModel } from './remote-read-model.js';

/**
 * The compiled worker entry. From the sources (tests run them through swc) as from `dist/`, the
 * thread runs the compiled code: a worker thread cannot load TypeScript.
 */
const WORKER_FILE = join(
  __dirname,
  ...['..', '..', '..', 'dist', 'platform', 'read-models', 'projection-thread.worker.js'],
);

export interface ProjectionThreadOptions {
  readonly logger: RunnerLogger;
  /** Called after every batch the thread committed (metrics). */
  readonly onCheckpoint?: (name: string, position: bigint) => void;
  /** How long `stop` waits for the thread to close its files before it is terminated. */
  readonly stopTimeoutMs?: number;
  /** Bytes of each read model's file its query connection maps into memory. */
  readonly readerMapBytes?: number;
}

/**
 * Runs the projections in a worker thread of their own, so applying events never holds up a
 * request, and serves their read models to this thread (`RemoteReadModel`). A thread that
 * exits unasked for is reported as failed and started again after a pause that grows while it
 * keeps failing; its projections resume from their checkpoints.
 */
export class ProjectionThread {
  readonly readModels: Map<string, RemoteReadModel>;
  private worker?: Worker;
  private stopping = false;
  private failures = 0;
  private readonly pause = new InterruptiblePause();
  private wakeQueued = false;

  constructor(
    private readonly settings: ProjectionThreadSettings,
    private readonly options: ProjectionThreadOptions,
  ) {
    this.readModels = new Map(
      PROJECTIONS.map(({ name }) => [name, new RemoteReadModel({ name }, options.readerMapBytes)]),
    );
  }

  /** Starts the thread; resolves once every read model is open (or the thread failed). */
  start(): Promise<void> {
    const opened = [...this.readModels.values()].map((readModel) => readModel.opened());
    this.spawn();
    return Promise.all(opened).then(() => undefined);
  }

  /**
   * This process appended events: the thread reads them now instead of at its next poll. One
   * message per turn of the event loop, however many appends a group commit answered in it.
   */
  appended(): void {
    if (this.wakeQueued) return;
    this.wakeQueued = true;
    setImmediate(() => {
      this.wakeQueued = false;
      this.send({ type: 'appended' });
    });
  }

  /** Asks the thread to stop its projections and close its files; terminates it after the timeout. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.pause.interrupt();
    const worker = this.worker;
    if (worker) {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ type: 'stop' } satisfies ToProjectionThread);
      const timer = setTimeout(() => void worker.terminate(), this.options.stopTimeoutMs ?? 10_000);
      await exited;
      clearTimeout(timer);
    }
    for (const readModel of this.readModels.values()) readModel.close();
  }

  private spawn(): void {
    const worker = new Worker(WORKER_FILE, { workerData: this.settings });
    this.worker = worker;
    worker.on('message', (message: FromProjectionThread) => this.received(message));
    worker.on('error', (error) =>
      this.options.logger.error({ err: error }, 'The projection thread failed'),
    );
    worker.on('exit', (code) => void this.exited(worker, code));
  }

  private received(message: FromProjectionThread): void {
    switch (message.type) {
      case 'checkpoint':
        this.readModels.get(message.name)?.checkpointed(message.position);
        this.options.onCheckpoint?.(message.name, message.position);
        this.failures = 0;
        return;
      case 'status':
        this.readModels.get(message.status.name)?.reported(message.status, message.file);
        return;
      case 'log':
        this.options.logger[message.level](message.details, message.message);
        return;
      default:
        message satisfies never;
    }
  }

  private async exited(worker: Worker, code: number): Promise<void> {
    if (this.worker === worker) this.worker = undefined;
    if (this.stopping) return;
    const reason = `The projection thread exited (code ${code}); starting it again`;
    this.options.logger.error({ code }, reason);
    for (const readModel of this.readModels.values()) readModel.lost(reason);
    await this.pause.wait(retryDelay(++this.failures));
    if (!this.stopping) this.spawn();
  }

  private send(message: ToProjectionThread): void {
    this.worker?.postMessage(message);
  }
}
