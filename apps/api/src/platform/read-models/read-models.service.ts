import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import {
  caughtUp,
  PROJECTIONS,
  ProjectionRunner,
  ReadModelDirectory,
  type ServedReadModel,
} from '@customer-workspace/read-models';
import { type AppConfig, personalDataKeysDir } from '@customer-workspace/config';
import { AppendedEvents } from '../event-store/appended-events.js';
import { type ComponentHealth, HealthService } from '../health/health.service.js';
import { MetricsService } from '../observability/metrics.service.js';
import type { ProjectionThreadSettings } from './projection-thread.messages.js';
import { ProjectionThread } from './projection-thread.js';

/**
 * Runs every projection of `PROJECTIONS` (files in `DATA_DIR/read-models`): in a worker thread
 * of their own (`READ_MODELS_THREAD=worker`, the default) or on this one (`main`). Reports each
 * in `/health` and `/metrics`, and gives queries their read connection and the read-your-writes
 * wait.
 */
@Injectable()
export class ReadModelsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private readonly runners = new Map<string, ServedReadModel>();
  private thread?: ProjectionThread;
  private unsubscribe?: () => void;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly health: HealthService,
    private readonly metrics: MetricsService,
    private readonly appended: AppendedEvents,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.get('READ_MODELS_THREAD', { infer: true }) === 'worker')
      await this.startThread();
    else this.startHere();
    for (const [name, runner] of this.runners)
      this.health.register(`projection:${name}`, () => this.check(runner));
  }

  /** Runs before the event store closes (global modules shut down last). */
  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    await this.thread?.stop();
    for (const runner of this.runners.values())
      if (runner instanceof ProjectionRunner) await runner.stop();
  }

  /** The running projection `name` (a programming error when there is none). */
  runner(name: string): ServedReadModel {
    const runner = this.runners.get(name);
    if (!runner) throw new Error(`No projection named ${name} runs in this process`);
    return runner;
  }

  /**
   * Read-your-writes: waits (at most `READ_MODEL_WAIT_MS`) until projection `name` has applied
   * `minPosition`, then returns its runner; throws `ReadModelBehind` (503) when it has not.
   */
  caughtUp(name: string, minPosition: bigint | undefined): Promise<ServedReadModel> {
    const wait = this.config.get('READ_MODEL_WAIT_MS', { infer: true });
    return caughtUp(this.runner(name), minPosition, wait);
  }

  private startHere(): void {
    const directory = new ReadModelDirectory(this.config.get('DATA_DIR', { infer: true }));
    for (const projection of PROJECTIONS) {
      const runner = new ProjectionRunner(this.store, projection, directory, {
        logger: this.logger,
        onCheckpoint: (position) => this.checkpointed(projection.name, position),
        readerMapBytes: this.readerMapBytes(),
      });
      this.runners.set(projection.name, runner);
      runner.start();
    }
  }

  /** The projections in their own thread; ready once each has opened its read model. */
  private async startThread(): Promise<void> {
    const thread = new ProjectionThread(threadSettings(this.config), {
      logger: this.logger,
      onCheckpoint: (name, position) => this.checkpointed(name, position),
      stopTimeoutMs: this.config.get('SHUTDOWN_TIMEOUT_MS', { infer: true }),
      readerMapBytes: this.readerMapBytes(),
    });
    this.thread = thread;
    for (const [name, readModel] of thread.readModels) this.runners.set(name, readModel);
    this.unsubscribe = this.appended.subscribe(() => thread.appended());
    await thread.start();
  }

  /** What each query connection maps of its read model's file (`READ_MODEL_MMAP_MB`). */
  private readerMapBytes(): number {
    return this.config.get('READ_MODEL_MMAP_MB', { infer: true }) * 1024 * 1024;
  }

  private checkpointed(name: string, position: bigint): void {
    this.metrics.projectionPosition.set({ projection: name }, Number(position));
  }

  private async check(runner: ServedReadModel): Promise<ComponentHealth> {
    const { name, state, position, failure } = runner.status();
    const status = state === 'running' ? 'up' : state === 'failed' ? 'failed' : 'down';
    const report = {
      name: `projection:${name}`,
      status,
      position: position?.toString() ?? null,
      ...(failure && { failure }),
    } as const;
    let head: bigint;
    try {
      head = await this.store.headPosition();
    } catch (error) {
      // The store is down: the projection's own state still shows, its lag cannot.
      const down = status === 'failed' ? status : 'down';
      return { ...report, status: down, lag: null, error: (error as Error).message };
    }
    const lag = head - (position ?? 0n);
    this.metrics.projectionLag.set({ projection: name }, Number(lag > 0n ? lag : 0n));
    return { ...report, lag: lag.toString() };
  }
}

/** The settings the projection thread opens the same store and files with. */
function threadSettings(config: ConfigService<AppConfig, true>): ProjectionThreadSettings {
  const dataDir = config.get('DATA_DIR', { infer: true });
  return {
    dataDir,
    personalDataKeysDir: personalDataKeysDir({
      DATA_DIR: dataDir,
      PERSONAL_DATA_KEYS_DIR: config.get('PERSONAL_DATA_KEYS_DIR', { infer: true }),
    }),
    connectionString: config.get('EVENTSTORE_CONNECTION_STRING', { infer: true }),
    streamPrefix: config.get('EVENTSTORE_STREAM_PREFIX', { infer: true }),
  };
}
