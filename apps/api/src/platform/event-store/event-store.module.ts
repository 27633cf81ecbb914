import {
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  createEventStore,
  EVENT_STORE,
  type EventStore,
  EventStoreUnavailable,
} from '@customer-workspace/event-store';
import { WORKSPACE_STREAM_CATEGORIES, WORKSPACE_UPCASTERS } from '@customer-workspace/read-models';
import type { AppConfig } from '@customer-workspace/config';
import { MetricsService } from '../observability/metrics.service.js';
import { InstrumentedEventStore } from './instrumented-event-store.js';

/** Provides the configured `EventStore` under `EVENT_STORE` and closes it after the HTTP server. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [ConfigService, MetricsService],
      useFactory: (config: ConfigService<AppConfig, true>, metrics: MetricsService): EventStore =>
        new InstrumentedEventStore(
          createEventStore({
            connectionString: config.get('EVENTSTORE_CONNECTION_STRING', { infer: true }),
            dataDir: config.get('DATA_DIR', { infer: true }),
            synchronous: config.get('EVENTSTORE_SQLITE_SYNCHRONOUS', { infer: true }),
            streamPrefix: config.get('EVENTSTORE_STREAM_PREFIX', { infer: true }),
            categories: WORKSPACE_STREAM_CATEGORIES,
            upcasters: WORKSPACE_UPCASTERS,
          }),
          (count) => metrics.eventsAppended.inc(count),
        ),
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('EventStore');

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * Start-up stops when the store refuses a right this deployment needs (the message names the
   * user and the grant); a store that cannot be reached yet is ridden out like any outage.
   */
  async onModuleInit(): Promise<void> {
    try {
      await this.store.checkAccess([]);
    } catch (error) {
      if (!(error instanceof EventStoreUnavailable)) throw error;
      this.logger.warn(
        { err: error },
        'Event store unreachable at start-up; its rights are unchecked',
      );
    }
  }

  /** Runs after the HTTP server has stopped and finished its in-flight requests. */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
