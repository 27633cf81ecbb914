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
} from '@customer-workspace/read-models';
import type { AppConfig } from '@customer-workspace/config';
import { type ComponentHealth, HealthService } from '../health/health.service.js';
import { MetricsService } from '../observability/metrics.service.js';

/**
 * Runs every projection of `PROJECTIONS` in this process (files in `DATA_DIR/read-models`),
 * reports each in `/health` and `/metrics`, and gives queries their read connection and the
 * read-your-writes wait.
 */
@Injectable()
export class ReadModelsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private readonly runners = new Map<string, ProjectionRunner>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly health: HealthService,
    private readonly metrics: MetricsService,
  ) {}

  onApplicationBootstrap(): void {
    const directory = new ReadModelDirectory(this.config.get('DATA_DIR', { infer: true }));
    for (const projection of PROJECTIONS) {
      const runner = new ProjectionRunner(this.store, projection, directory, {
        logger: this.logger,
        onCheckpoint: (position) =>
          this.metrics.projectionPosition.set({ projection: projection.name }, Number(position)),
      });
      this.runners.set(projection.name, runner);
      this.health.register(`projection:${projection.name}`, () => this.check(runner));
      runner.start();
    }
  }

  /** Runs before the event store closes (global modules shut down last). */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
  }

  /** The running projection `name` (a programming error when there is none). */
  runner(name: string): ProjectionRunner {
    const runner = this.runners.get(name);
    if (!runner) throw new Error(`No projection named ${name} runs in this process`);
    return runner;
  }

  /**
   * Read-your-writes: waits (at most `READ_MODEL_WAIT_MS`) until projection `name` has applied
   * `minPosition`, then returns its runner; throws `ReadModelBehind` (503) when it has not.
   */
  caughtUp(name: string, minPosition: bigint | undefined): Promise<ProjectionRunner> {
    const wait = this.config.get('READ_MODEL_WAIT_MS', { infer: true });
    return caughtUp(this.runner(name), minPosition, wait);
  }

  private async check(runner: ProjectionRunner): Promise<ComponentHealth> {
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
