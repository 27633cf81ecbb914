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
import {
  PERSONAL_DATA_KEYS,
  PersonalDataEventStore,
  type PersonalDataKeys,
  SqlitePersonalDataKeys,
} from '@customer-workspace/personal-data';
import { type AppConfig, personalDataKeysDir } from '@customer-workspace/config';
import { MetricsService } from '../observability/metrics.service.js';
import { AppendedEvents } from './appended-events.js';
import { InstrumentedEventStore } from './instrumented-event-store.js';
import { STORED_EVENTS } from './stored-events.js';

const personalDataLogger = new Logger('PersonalData');

/** The adapter the settings ask for, scoped and upcast: what `EVENT_STORE` and `STORED_EVENTS` view. */
const SCOPED_EVENT_STORE = Symbol('SCOPED_EVENT_STORE');

/**
 * Provides the configured `EventStore` under `EVENT_STORE`, billing profiles sealed with the
 * key store's keys (`PersonalDataEventStore`, docs/product.md rule 8), and the same events as
 * stored (sealed, not upcast) under `STORED_EVENTS`, all over one adapter, closed after the
 * HTTP server.
 */
@Global()
@Module({
  providers: [
    {
      provide: PERSONAL_DATA_KEYS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>): PersonalDataKeys =>
        new SqlitePersonalDataKeys(
          personalDataKeysDir({
            DATA_DIR: config.get('DATA_DIR', { infer: true }),
            PERSONAL_DATA_KEYS_DIR: config.get('PERSONAL_DATA_KEYS_DIR', { infer: true }),
          }),
        ),
    },
    {
      provide: SCOPED_EVENT_STORE,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>): ScopedEventStore =>
        createEventStore({
          connectionString: config.get('EVENTSTORE_CONNECTION_STRING', { infer: true }),
          dataDir: config.get('DATA_DIR', { infer: true }),
          synchronous: config.get('EVENTSTORE_SQLITE_SYNCHRONOUS', { infer: true }),
          writer: config.get('EVENTSTORE_SQLITE_WRITER', { infer: true }),
          streamPrefix: config.get('EVENTSTORE_STREAM_PREFIX', { infer: true }),
          categories: WORKSPACE_STREAM_CATEGORIES,
          upcasters: WORKSPACE_UPCASTERS,
        }),
    },
    {
      provide: PersonalDataEventStore,
      inject: [SCOPED_EVENT_STORE, PERSONAL_DATA_KEYS],
      useFactory: (store: ScopedEventStore, keys: PersonalDataKeys) =>
        new PersonalDataEventStore(store, keys, {
          onError: (error, context) => personalDataLogger.error({ err: error }, context),
        }),
    },
    AppendedEvents,
    {
      provide: EVENT_STORE,
      inject: [PersonalDataEventStore, MetricsService, AppendedEvents],
      useFactory: (
        store: PersonalDataEventStore,
        metrics: MetricsService,
        appended: AppendedEvents,
      ): EventStore =>
        new InstrumentedEventStore(store, (count) => {
          metrics.eventsAppended.inc(count);
          appended.emit();
        }),
    },
    {
      // Taken from the adapter's own scoped store, not from whatever `EVENT_STORE` is wrapped in.
      provide: STORED_EVENTS,
      inject: [SCOPED_EVENT_STORE],
      useFactory: (store: ScopedEventStore): EventStore => store.asStored(),
    },
  ],
  exports: [EVENT_STORE, STORED_EVENTS, PersonalDataEventStore, PERSONAL_DATA_KEYS, AppendedEvents],
})
export class EventStoreModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('EventStore');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_KEYS) private readonly keys: PersonalDataKeys,
  ) {}

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
    await this.keys.close();
  }
}
