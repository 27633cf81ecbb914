import { type CanActivate, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD, Reflector } from '@nestjs/core';
import {
  getOptionsToken,
  getStorageToken,
  type ThrottlerLimitDetail,
  ThrottlerModule,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { AppConfig } from '@customer-workspace/config';
import { PartnerThrottlerGuard } from './partner-throttler.guard.js';

const WINDOW_MS = 60_000;

const describeLimit = (detail: ThrottlerLimitDetail): string => {
  const who = detail.tracker.startsWith('partner:') ? 'this partner' : 'this client address';
  return (
    `Rate limit exceeded: at most ${detail.limit} requests per minute for ${who}; ` +
    `retry after ${detail.timeToBlockExpire} s`
  );
};

/** What runs in the guard's place when limiting is off: nothing to count, nothing to add. */
export const RATE_LIMITING_OFF: CanActivate = { canActivate: () => true };

/**
 * The global guard for a limit: the partner throttler, or with 0 (off) a guard that lets every
 * request through at once, so a disabled limit costs no per-request throttler bookkeeping.
 */
export function rateLimitGuard(
  limit: number,
  options: ThrottlerModuleOptions,
  storage: ThrottlerStorage,
  reflector: Reflector,
): CanActivate {
  return limit === 0 ? RATE_LIMITING_OFF : new PartnerThrottlerGuard(options, storage, reflector);
}

/**
 * `RATE_LIMIT_PER_MINUTE` requests per partner per sliding minute (0 turns limiting off).
 * Over the limit: 429 problem+json with `Retry-After` (seconds until the oldest counted
 * request leaves the window) and `X-RateLimit-*` headers on every limited route.
 *
 * Import it after `AuthModule`: global guards run in registration order, and this one needs
 * the principal that `AuthGuard` puts on the request.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const limit = config.get('RATE_LIMIT_PER_MINUTE', { infer: true });
        return {
          // Unnamed, so the headers are plain `Retry-After` and `X-RateLimit-*`; blockDuration 0
          // makes a sliding window in which refused requests do not extend the wait.
          throttlers: [{ ttl: WINDOW_MS, limit, blockDuration: 0 }],
          errorMessage: (_context, detail) => describeLimit(detail),
        };
      },
    }),
  ],
  providers: [
    {
      provide: APP_GUARD,
      inject: [ConfigService, getOptionsToken(), getStorageToken(), Reflector],
      useFactory: (
        config: ConfigService<AppConfig, true>,
        options: ThrottlerModuleOptions,
        storage: ThrottlerStorage,
        reflector: Reflector,
      ) =>
        rateLimitGuard(
          config.get('RATE_LIMIT_PER_MINUTE', { infer: true }),
          options,
          storage,
          reflector,
        ),
    },
  ],
})
export class RateLimitModule {}
