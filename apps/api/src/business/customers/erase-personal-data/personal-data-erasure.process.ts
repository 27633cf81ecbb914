import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type ErasureFollower, PersonalDataEventStore } from '@customer-workspace/personal-data';
import { HealthService } from '../../../platform/health/health.service.js';
import { IdempotencyStore } from '../../../platform/idempotency/idempotency.store.js';

export const PERSONAL_DATA_ERASURE_PROCESS = 'personal-data-erasure';

/**
 * The erasure follower of this api process: destroys the keys of every stored erasure from its
 * checkpoint in the key store, so an erasure stored by a process that stopped before its keys
 * were destroyed ends with them gone at the next start; then it forgets the answers kept for
 * retries about that customer (their fingerprints hash its personal data). `/health`:
 * `process:personal-data-erasure`, failed while a destroy keeps failing (retried, never skipped).
 */
@Injectable()
export class PersonalDataErasureProcess implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PersonalDataErasureProcess.name);
  private readonly follower: ErasureFollower;

  constructor(
    store: PersonalDataEventStore,
    private readonly health: HealthService,
    idempotency: IdempotencyStore,
  ) {
    this.follower = store.erasureFollower({
      onError: (error, context) => this.logger.error({ err: error }, `${context} failed`),
      onErased: (customerId) => void idempotency.forget(customerId),
    });
  }

  onApplicationBootstrap(): void {
    this.health.register(`process:${PERSONAL_DATA_ERASURE_PROCESS}`, async () => ({
      name: `process:${PERSONAL_DATA_ERASURE_PROCESS}`,
      ...this.follower.status(),
    }));
    this.follower.start();
  }

  /** Runs before the event store closes (global modules shut down last). */
  async onApplicationShutdown(): Promise<void> {
    await this.follower.stop();
  }

  /** Resolves true once the keys of every erasure up to `position` are destroyed. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    return this.follower.waitFor(position, timeoutMs);
  }
}
