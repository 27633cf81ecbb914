import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '@customer-workspace/config';
import { AuthModule } from './auth/auth.module.js';
import { IdempotencyModule } from './idempotency/idempotency.module.js';
import { CommandsModule } from './commands/commands.module.js';
import { OrdersModule } from './orders/orders.module.js';
import { RelationshipsModule } from './relationships/relationships.module.js';
import { ActivityLogsModule } from './activity-logs/activity-logs.module.js';
import { TagsModule } from './tags/tags.module.js';
import { CustomersModule } from './customers/customers.module.js';
import { PartnersModule } from './partners/partners.module.js';
import { EventStoreModule } from './event-store/event-store.module.js';
import { HealthModule } from './health/health.module.js';
import { ReadModelsModule } from './read-models/read-models.module.js';
import { correlationIdOf } from './observability/correlation-id.js';
import { ObservabilityModule } from './observability/observability.module.js';
import { RateLimitModule } from './security/rate-limit.module.js';

@Module({})
export class AppModule {
  /** The whole api with its validated configuration (see `createApp`). */
  static forRoot(config: AppConfig, extraImports: ModuleMetadata['imports'] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // The validated settings only: a setting left unset never falls back to process.env.
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          skipProcessEnv: true,
          validate: () => config,
        }),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: correlationIdOf,
            customAttributeKeys: { reqId: 'correlationId' },
            redact: {
              paths: ['req.headers.authorization', 'req.headers.cookie'],
              censor: '[redacted]',
            },
            autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
          },
        }),
        ObservabilityModule,
        EventStoreModule,
        HealthModule,
        ReadModelsModule,
        AuthModule,
        IdempotencyModule,
        CommandsModule,
        PartnersModule,
        CustomersModule,
        TagsModule,
        OrdersModule,
        RelationshipsModule,
        ActivityLogsModule,
        RateLimitModule,
        ...(extraImports ?? []),
      ],
    };
  }
}
