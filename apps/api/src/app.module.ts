import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '@customer-workspace/config';
import { AuthModule } from './platform/auth/auth.module.js';
import { IdempotencyModule } from './platform/idempotency/idempotency.module.js';
import { CommandsModule } from './platform/commands/commands.module.js';
import { OrdersModule } from './business/orders/orders.module.js';
import { RelationshipsModule } from './business/relationships/relationships.module.js';
import { ActivityLogsModule } from './business/activity-logs/activity-logs.module.js';
import { TagsModule } from './business/tags/tags.module.js';
import { CustomersModule } from './business/customers/customers.module.js';
import { PartnersModule } from './business/partners/partners.module.js';
import { WebhooksModule } from './business/webhooks/webhooks.module.js';
import { AuditModule } from './business/audit/audit.module.js';
import { GdapModule } from './business/gdap/gdap.module.js';
import { ClockModule } from './platform/clock/clock.module.js';
import { EventStoreModule } from './platform/event-store/event-store.module.js';
import { HealthModule } from './platform/health/health.module.js';
import { ReadModelsModule } from './platform/read-models/read-models.module.js';
import { correlationIdOf } from './platform/observability/correlation-id.js';
import { ObservabilityModule } from './platform/observability/observability.module.js';
import { RateLimitModule } from './platform/security/rate-limit.module.js';

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
        ClockModule,
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
        WebhooksModule,
        AuditModule,
        GdapModule,
        RateLimitModule,
        ...(extraImports ?? []),
      ],
    };
  }
}
