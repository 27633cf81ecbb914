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
  type ScopedEventStore,
} from '@customer-workspace/event-store';
import { WORKSPACE_STREAM_CATEGORIES, WORKSPACE_UPCASTERS } from '@customer-workspace/read-models';
import type { AppConfig } from '@customer-workspace/config';
import { MetricsService } from '../observability/metrics.service.js';
import { InstrumentedEventStore } from './instrumented-event-store.js';
import { STORED_EVENTS } from './stored-events.js';

/** The adapter the settings ask for, scoped and upcast: what `EVENT_STORE` and `STORED_EVENTS` view. */
const SCOPED_EVENT_STORE = Symbol('SCOPED_EVENT_STORE');

/**
 * Provides the configured `EventStore` under `EVENT_STORE` (closed after the HTTP server) and
 * the same events as stored under `STORED_EVENTS`, both over one adapter.
 */
@Global()
@Module({
  providers: [
    {
      provide: SCOPED_EVENT_STORE,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>): ScopedEventStore =>
        createEventStore({
          connectionString: config.get('EVENTSTORE_CONNECTION_STRING', { infer: true }),
          dataDir: config.get('DATA_DIR', { infer: true }),
          synchronous: config.get('EVENTSTORE_SQLITE_SYNCHRONOUS', { infer: true }),
          streamPrefix: config.get('EVENTSTORE_STREAM_PREFIX', { infer: true }),
          categories: WORKSPACE_STREAM_CATEGORIES,
          upcasters: WORKSPACE_UPCASTERS,
        }),
    },
    {
      provide: EVENT_STORE,
      inject: [SCOPED_EVENT_STORE, MetricsService],
      useFactory: (store: ScopedEventStore, metrics: MetricsService): EventStore =>
        new InstrumentedEventStore(store, (count) => metrics.eventsAppended.inc(count)),
    },
    {
      // Taken from the adapter's own scoped store, not from whatever `EVENT_STORE` is wrapped in.
      provide: STORED_EVENTS,
      inject: [SCOPED_EVENT_STORE],
      useFactory: (store: ScopedEventStore): EventStore => store.asStored(),
    },
  ],
  exports: [EVENT_STORE, STORED_EVENTS],
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
