import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { AllSubscription, EventStore, RecordedEvent } from '@customer-workspace/event-store';
import { type BatchApplier, createBatchApplier, ProjectionFailed } from './batch-applier.js';
import { InterruptiblePause, retryDelay } from './interruptible-pause.js';
import type { Projection } from './projection.js';
import {
  openReadModelForReading,
  openReadModelForWriting,
  readCheckpoint,
  ReadModelVersionMismatch,
} from './read-model-database.js';
import type { ReadModelDirectory } from './read-model-directory.js';

/** Where a projection stands; `failure` names the event it is stopped at. */
export interface ProjectionStatus {
  readonly name: string;
  readonly state: 'starting' | 'running' | 'failed' | 'stopped';
  readonly position: bigint | undefined;
  readonly failure?: {
    readonly message: string;
    readonly since: string;
    readonly event?: { eventId: string; type: string; streamId: string; position: string };
  };
}

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
}

interface Waiter {
  readonly position: bigint;
  readonly resolve: (reached: boolean) => void;
  readonly timer: NodeJS.Timeout;
}

const NOT_READY = Symbol('not ready');
const STALE_GENERATION_GRACE_MS = 60_000;

/**
 * Follows `$all` from the read model's checkpoint and applies batches of events, each batch
 * with its checkpoint in one transaction. A failing event stops it right there (logged, shown
 * by `status()`); it retries from the checkpoint with a growing pause and never skips. When a
 * rebuild publishes a new generation, it switches to it and resumes from that checkpoint.
 */
export class ProjectionRunner {
  private writer?: Database.Database;
  private readConnection?: Database.Database;
  private applier?: BatchApplier;
  private file?: string;
  private position: bigint | undefined;
  private state: ProjectionStatus['state'] = 'starting';
  private failure: ProjectionStatus['failure'];
  private subscription?: AllSubscription;
  private running?: Promise<void>;
  private stopping = false;
  private switching = false;
  private readonly pause = new InterruptiblePause();
  private staleCleanup?: NodeJS.Timeout;
  private readonly waiters = new Set<Waiter>();

  constructor(
    private readonly store: EventStore,
    readonly projection: Projection,
    private readonly directory: ReadModelDirectory,
    private readonly options: ProjectionRunnerOptions,
  ) {}

  /** Opens the serving generation (creating one when there is none) and starts following. */
  start(): void {
    this.open();
    this.removeStale();
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.staleCleanup);
    this.pause.interrupt();
    await this.subscription?.stop();
    await this.running;
    this.state = 'stopped';
    for (const waiter of this.waiters) this.settle(waiter, false);
    this.closeConnections();
  }

  status(): ProjectionStatus {
    const { name } = this.projection;
    return { name, state: this.state, position: this.position, failure: this.failure };
  }

  /** The read-only connection to the serving generation (queries are synchronous). */
  reader(): Database.Database {
    if (!this.readConnection) throw new Error(`Projection ${this.projection.name} is not open`);
    return this.readConnection;
  }

  /** The serving generation's file: a streaming export opens its own connection to it. */
  servingFile(): string {
    if (!this.file) throw new Error(`Projection ${this.projection.name} is not open`);
    return this.file;
  }

  /** Resolves true once the read model has applied `position`, false after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.position !== undefined && this.position >= position) return Promise.resolve(true);
    if (timeoutMs <= 0 || this.stopping) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        resolve,
        timer: setTimeout(() => this.settle(waiter, false), timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  private async run(): Promise<void> {
    for (let failures = 0; !this.stopping;) {
      try {
        if (!this.writer) this.open();
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
    const { name } = this.projection;
    let file = this.directory.current(name);
    if (file !== undefined && existsSync(file)) {
      try {
        this.writer = openReadModelForWriting(file, this.projection);
      } catch (error) {
        if (!(error instanceof ReadModelVersionMismatch)) throw error;
        this.options.logger.warn(
          { projection: name, err: error },
          'Read model rebuilt from scratch',
        );
        file = undefined;
      }
    } else file = undefined;
    if (file === undefined) {
      file = this.directory.newGeneration(name);
      this.writer = openReadModelForWriting(file, this.projection);
      this.directory.publish(name, file);
    }
    this.file = file;
    this.readConnection = openReadModelForReading(file);
    this.applier = createBatchApplier(this.writer!, this.projection);
    this.position = readCheckpoint(this.writer!);
    if (this.position !== undefined) this.options.onCheckpoint?.(this.position);
    this.state = 'running';
  }

  private switchGeneration(): void {
    this.switching = false;
    this.closeConnections();
    this.open();
    clearTimeout(this.staleCleanup);
    this.staleCleanup = setTimeout(() => this.removeStale(), STALE_GENERATION_GRACE_MS);
    this.staleCleanup.unref();
  }

  /** Deletes generations that no longer serve; a failure only costs disk space, so it logs. */
  private removeStale(): void {
    try {
      this.directory.removeStale(this.projection.name);
    } catch (error) {
      this.options.logger.warn(
        { projection: this.projection.name, err: error },
        'Could not delete old read-model generations',
      );
    }
  }

  private async follow(): Promise<void> {
    const subscription = this.store.subscribeToAll({ fromPosition: this.position ?? 'start' });
    this.subscription = subscription;
    const watcher = setInterval(() => {
      if (this.directory.current(this.projection.name) === this.file) return;
      this.switching = true;
      void subscription.stop();
    }, this.options.pointerPollMs ?? 500);
    try {
      if (this.stopping) return;
      const iterator = subscription[Symbol.asyncIterator]();
      let next = iterator.next();
      for (;;) {
        const first = await next;
        if (first.done || this.switching) return;
        const batch: RecordedEvent[] = [first.value];
        next = iterator.next();
        while (batch.length < (this.options.batchSize ?? 1000)) {
          const result = await Promise.race([next, nextTurn()]);
          if (result === NOT_READY || result.done) break;
          batch.push(result.value);
          next = iterator.next();
        }
        this.applyBatch(batch);
      }
    } finally {
      clearInterval(watcher);
      await subscription.stop();
    }
  }

  private applyBatch(batch: readonly RecordedEvent[]): void {
    try {
      this.advance(this.applier!(batch));
    } catch (error) {
      if (error instanceof ProjectionFailed) this.advance(readCheckpoint(this.writer!));
      throw error;
    }
  }

  private advance(position: bigint | undefined): void {
    if (position === undefined || position === this.position) return;
    this.position = position;
    if (this.state === 'failed') this.recover();
    this.options.onCheckpoint?.(position);
    for (const waiter of this.waiters) if (position >= waiter.position) this.settle(waiter, true);
  }

  private fail(error: unknown): void {
    const event = error instanceof ProjectionFailed ? error.event : undefined;
    this.state = 'failed';
    this.failure = {
      message: (error as Error)?.message ?? String(error),
      since: this.failure?.since ?? new Date().toISOString(),
      ...(event && {
        event: {
          eventId: event.eventId,
          type: event.type,
          streamId: event.streamId,
          position: event.position.toString(),
        },
      }),
    };
    this.options.logger.error(
      { projection: this.projection.name, err: error, event: this.failure.event },
      `Projection ${this.projection.name} stopped; retrying from its checkpoint`,
    );
  }

  private recover(): void {
    this.state = 'running';
    this.failure = undefined;
  }

  private settle(waiter: Waiter, reached: boolean): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    waiter.resolve(reached);
  }

  private closeConnections(): void {
    this.readConnection?.close();
    this.writer?.close();
    this.readConnection = undefined;
    this.writer = undefined;
  }
}

function nextTurn(): Promise<typeof NOT_READY> {
  return new Promise((resolve) => setImmediate(() => resolve(NOT_READY)));
}
