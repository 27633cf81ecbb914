import { Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { AppConfig } from '@customer-workspace/config';
import { KeptProfiles, PersonalDataEventStore } from '@customer-workspace/personal-data';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import { IdempotencyStore } from './idempotency.store.js';

@Global()
@Module({
  providers: [
    {
      provide: IdempotencyStore,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) =>
        new IdempotencyStore(config.get('DATA_DIR', { infer: true })),
    },
    {
      provide: KeptProfiles,
      inject: [PersonalDataEventStore],
      useFactory: (store: PersonalDataEventStore) => store.keptProfiles(),
    },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
  exports: [IdempotencyStore],
})
export class IdempotencyModule implements OnApplicationShutdown {
  constructor(private readonly store: IdempotencyStore) {}

  onApplicationShutdown(): void {
    this.store.close();
  }
}
