import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@customer-workspace/config';
import { AuthGuard, JWT_KEY } from './auth.guard.js';
import { resolveJwtSecret } from '@customer-workspace/auth';

@Global()
@Module({
  providers: [
    {
      provide: JWT_KEY,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>): Uint8Array =>
        resolveJwtSecret({
          AUTH_JWT_SECRET: config.get('AUTH_JWT_SECRET', { infer: true }),
          EVENTSTORE_CONNECTION_STRING: config.get('EVENTSTORE_CONNECTION_STRING', { infer: true }),
          DATA_DIR: config.get('DATA_DIR', { infer: true }),
        }),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [JWT_KEY],
})
export class AuthModule {}
