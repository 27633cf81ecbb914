import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandRunner, EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import type { AppConfig } from '@customer-workspace/config';
import { Clock } from '../../../platform/clock/clock.js';
import { HealthService } from '../../../platform/health/health.service.js';
import { GDAP_TRANSITIONS_PROCESS, GdapTransitions } from './gdap-transitions.js';

/**
 * The GDAP transition process of this api instance (`GDAP_TRANSITIONS=on`, the default).
 * `/health`: `process:gdap-transitions`, failed while what is due cannot be recorded or its
 * events cannot be followed (retried, never skipped).
 */
@Injectable()
export class GdapTransitionsProcess implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(GdapTransitionsProcess.name);
  private transitions?: GdapTransitions;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: CommandRunner,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly health: HealthService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.get('GDAP_TRANSITIONS', { infer: true }) === 'off') return;
    const transitions = new GdapTransitions(this.store, this.runner, this.clock, {
      dataDir: this.config.get('DATA_DIR', { infer: true }),
      maxSleepMs: this.config.get('GDAP_TRANSITIONS_MAX_SLEEP_MS', { infer: true }),
      onError: (error, context) => this.logger.error({ err: error }, `${context} failed`),
    });
    this.transitions = transitions;
    const name = `process:${GDAP_TRANSITIONS_PROCESS}`;
    this.health.register(name, async () => ({ name, ...transitions.status() }));
    transitions.start();
  }

  /** Runs before the event store closes (global modules shut down last). */
  async onApplicationShutdown(): Promise<void> {
    await this.transitions?.stop();
  }
}
