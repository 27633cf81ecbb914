import { Reflector } from '@nestjs/core';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { PartnerThrottlerGuard } from './partner-throttler.guard.js';
import { RATE_LIMITING_OFF, rateLimitGuard } from './rate-limit.module.js';

describe('the rate-limit guard', () => {
  const options = { throttlers: [{ ttl: 60_000, limit: 5 }] };
  const storage = new ThrottlerStorageService();
  afterAll(() => storage.onApplicationShutdown());

  it('is no throttler at all when RATE_LIMIT_PER_MINUTE is 0 (off)', () => {
    const guard = rateLimitGuard(0, options, storage, new Reflector());
    expect(guard).toBe(RATE_LIMITING_OFF);
    expect(guard.canActivate({} as never)).toBe(true);
  });

  it('is the partner throttler when a limit is set', () => {
    expect(rateLimitGuard(5, options, storage, new Reflector())).toBeInstanceOf(
      PartnerThrottlerGuard,
    );
  });
});
