import type Database from 'better-sqlite3';
import {
  EventFollower,
  type EventStore,
  InterruptiblePause,
  PositionWaiters,
  type RecordedEvent,
  retryDelay,
} from '@customer-workspace/event-store';
import { ProjectionFailed } from './batch-applier.js';
import { closeGeneration, GenerationSwitch, type ServingGeneration } from './generation-switch.js';
import { failureOf, type ProjectionStatus } from './projection-status.js';
import type { Projection } from './projection.js';
import { readCheckpoint } from './read-model-database.js';
import type { ReadModelDirectory } from './read-model-directory.js';

export type { ProjectionStatus } from './projection-status.js';

export interface RunnerLogger {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface ProjectionRunnerOptions {
  readonly logger: RunnerLogger;
  /** Most events applied in one transaction while following live. */
  readonly batchSize?: number;
  /** How often the serving-generation pointer is checked (a CLI rebuild swaps it). */
  readonly pointerPollMs?: number;
  /** Called after every committed batch (metrics). */
  readonly onCheckpoint?: (position: bigint) => void;
  /**
   * Called when the state changes (failed, running again) and when a generation is opened: a
   * runner in a worker thread reports them to the thread that serves its queries.
   */
  readonly onStatus?: (status: ProjectionStatus) => void;
  /** Bytes of the serving file its query connection maps into memory (default 0: none). */
  readonly readerMapBytes?: number;
}

/**
 * Follows `$all` from the read model's checkpoint and applies batches of events, each batch
 * with its checkpoint in one transaction. A failing event stops it right there (logged, shown
 * by `status()`); it retries from the checkpoint with a growing pause and never skips. When a
 * rebuild publishes a new generation, it switches to it and resumes from that checkpoint.
 *
 * It composes the jobs: following the store (`EventFollower`), the serving generation and
 * its switches (`GenerationSwitch`), read-your-writes waits (`PositionWaiters`).
 */
export class ProjectionRunner {
  private readonly generations: GenerationSwitch;
  private readonly follower: EventFollower;
  private readonly waiters = new PositionWaiters();
  private readonly pause = new InterruptiblePause();
  private generation?: ServingGeneration;
  /** The last generation opened: still named after its connections close. */
  private file?: string;
  private position: bigint | undefined;
  private state: ProjectionStatus['state'] = 'starting';
  private failure: ProjectionStatus['failure'];
  private running?: Promise<void>;
  private stopping = false;
  private switching = false;

  constructor(
    store: EventStore,
    readonly projection: Projection,
    directory: ReadModelDirectory,
    private readonly options: ProjectionRunnerOptions,
  ) {
    this.generations = new GenerationSwitch(
      projection,
      directory,
      options.logger,
      options.readerMapBytes,
    );
    this.follower = new EventFollower(store, options.batchSize);
  }

  /** Opens the serving generation (creating one when there is none) and starts following. */
  start(): void {
    this.open();
    this.generations.removeStale();
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.generations.dispose();
    this.pause.interrupt();
    await this.follower.stop();
    await this.running;
    this.state = 'stopped';
    this.waiters.abandonAll();
    this.close();
  }

  status(): ProjectionStatus {
    const { name } = this.projection;
    return { name, state: this.state, position: this.position, failure: this.failure };
  }

  /** The read-only connection to the serving generation (queries are synchronous). */
  reader(): Database.Database {
    if (!this.generation) throw new Error(`Projection ${this.projection.name} is not open`);
    return this.generation.reader;
  }

  /** The serving generation's file: a streaming export opens its own connection to it. */
  servingFile(): string {
    if (!this.file) throw new Error(`Projection ${this.projection.name} is not open`);
    return this.file;
  }

  /** Resolves true once the read model has applied `position`, false after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.position !== undefined && this.position >= position) return Promise.resolve(true);
    if (this.stopping) return Promise.resolve(false);
    return this.waiters.wait(position, timeoutMs);
  }

  private async run(): Promise<void> {
    for (let failures = 0; !this.stopping;) {
      try {
        if (!this.generation) this.open();
        await this.follow();
        if (this.stopping) return;
        if (!this.switching) throw new Error('The event subscription ended (event store closed?)');
        this.switchGeneration();
        failures = 0;
      } catch (error) {
        if (this.stopping) return;
        failures++;
        this.fail(error);
        await this.pause.wait(retryDelay(failures));
      }
    }
  }

  private open(): void {
    const generation = this.generations.open();
    this.generation = generation;
    this.file = generation.file;
    this.position = readCheckpoint(generation.writer);
    if (this.position !== undefined) this.options.onCheckpoint?.(this.position);
    this.state = 'running';
    this.options.onStatus?.(this.status());
  }

  private switchGeneration(): void {
    this.switching = false;
    this.close();
    this.open();
    this.generations.switched();
  }

  /** Follows until the store stops, an event fails, or a rebuild publishes another generation. */
  private async follow(): Promise<void> {
    const { file } = this.generation!;
    const following = this.follower.follow(this.position, (batch) => this.applyBatch(batch));
    const unwatch = this.generations.watch(file, this.options.pointerPollMs ?? 500, () => {
      this.switching = true;
      this.follower.interrupt();
    });
    try {
      await following;
    } finally {
      unwatch();
    }
  }

  private applyBatch(batch: readonly RecordedEvent[]): void {
    const { applier, writer } = this.generation!;
    try {
      this.advance(applier(batch));
    } catch (error) {
      if (error instanceof ProjectionFailed) this.advance(readCheckpoint(writer));
      throw error;
    }
  }

  private advance(position: bigint | undefined): void {
    if (position === undefined || position === this.position) return;
    this.position = position;
    if (this.state === 'failed') this.recover();
    this.options.onCheckpoint?.(position);
    this.waiters.reached(position);
  }

  private fail(error: unknown): void {
    this.state = 'failed';
    this.failure = failureOf(error, this.failure?.since ?? new Date().toISOString());
    this.options.logger.error(
      { projection: this.projection.name, err: error, event: this.failure.event },
      `Projection ${this.projection.name} stopped; retrying from its checkpoint`,
    );
    this.options.onStatus?.(this.status());
  }

  private recover(): void {
    this.state = 'running';
    this.failure = undefined;
    this.options.onStatus?.(this.status());
  }

  private close(): void {
    if (this.generation) closeGeneration(this.generation);
    this.generation = undefined;
  }
}
