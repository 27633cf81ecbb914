import type { Worker } from 'node:worker_threads';
import { PROJECTIONS, type RunnerLogger } from '@customer-workspace/read-models';
import type {
  FromProjectionThread,
  ProjectionThreadSettings,
  ToProjectionThread,
} from './projection-thread.messages.js';
import { RemoteReadModel } from './remote-read-model.js';
import { apiWorkerFile, SupervisedWorker } from '../threads/supervised-worker.js';

const WORKER_FILE = apiWorkerFile('platform', 'read-models', 'projection-thread.worker.js');

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
 * keeps failing (`SupervisedWorker`); its projections resume from their checkpoints.
 */
export class ProjectionThread {
  readonly readModels: Map<string, RemoteReadModel>;
  private readonly thread: SupervisedWorker<ToProjectionThread, FromProjectionThread>;

  constructor(settings: ProjectionThreadSettings, options: ProjectionThreadOptions) {
    this.readModels = new Map(
      PROJECTIONS.map(({ name }) => [name, new RemoteReadModel({ name }, options.readerMapBytes)]),
    );
    this.thread = new SupervisedWorker({
      file: WORKER_FILE,
      workerData: settings,
      title: 'The projection thread',
      logger: options.logger,
      ...(options.stopTimeoutMs !== undefined && { stopTimeoutMs: options.stopTimeoutMs }),
      onMessage: (message) => this.received(message, options),
      onLost: (reason) => {
        for (const readModel of this.readModels.values()) readModel.lost(reason);
      },
    });
  }

  /** The running thread (tests reach it to kill it). */
  get worker(): Worker | undefined {
    return this.thread.worker;
  }

  /** Starts the thread; resolves once every read model is open (or the thread failed). */
  start(): Promise<void> {
    const opened = [...this.readModels.values()].map((readModel) => readModel.opened());
    this.thread.start();
    return Promise.all(opened).then(() => undefined);
  }

  /**
   * This process appended events: the thread reads them now instead of at its next poll. One
   * message per turn of the event loop, however many appends a group commit answered in it.
   */
  appended(): void {
    this.thread.sendOnce({ type: 'appended' });
  }

  /** Asks the thread to stop its projections and close its files; terminates it after the timeout. */
  async stop(): Promise<void> {
    await this.thread.stop({ type: 'stop' });
    for (const readModel of this.readModels.values()) readModel.close();
  }

  private received(message: FromProjectionThread, options: ProjectionThreadOptions): void {
    switch (message.type) {
      case 'checkpoint':
        this.readModels.get(message.name)?.checkpointed(message.position);
        options.onCheckpoint?.(message.name, message.position);
        this.thread.healthy();
        return;
      case 'status':
        this.readModels.get(message.status.name)?.reported(message.status, message.file);
        return;
      case 'log':
        options.logger[message.level](message.details, message.message);
        return;
      default:
        message satisfies never;
    }
  }
}
