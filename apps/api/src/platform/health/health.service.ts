import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@customer-workspace/event-store';

export interface ComponentHealth {
  readonly name: string;
  readonly status: 'up' | 'down' | 'failed';
  readonly [detail: string]: unknown;
}

/** Something that reports its health (projections register themselves here). */
export type HealthCheck = () => Promise<ComponentHealth>;

interface NamedCheck {
  /** The component's name, also when its check fails or times out. */
  readonly name: string;
  readonly check: HealthCheck;
}

export interface HealthReport {
  readonly status: 'ok' | 'unavailable';
  readonly checks: readonly ComponentHealth[];
}

const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  private readonly checks: NamedCheck[] = [{ name: 'event-store', check: () => this.eventStore() }];

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  register(name: string, check: HealthCheck): void {
    this.checks.push({ name, check });
  }

  async report(): Promise<HealthReport> {
    const checks = await Promise.all(this.checks.map((check) => withTimeout(check)));
    const ok = checks.every((check) => check.status === 'up');
    return { status: ok ? 'ok' : 'unavailable', checks };
  }

  private async eventStore(): Promise<ComponentHealth> {
    try {
      await this.store.ping();
      return {
        name: 'event-store',
        status: 'up',
        headPosition: (await this.store.headPosition()).toString(),
      };
    } catch (error) {
      return { name: 'event-store', status: 'down', error: (error as Error).message };
    }
  }
}

async function withTimeout({ name, check }: NamedCheck): Promise<ComponentHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ComponentHealth>((resolve) => {
    timer = setTimeout(
      () => resolve({ name, status: 'down', error: 'timed out' }),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      check().catch((e: unknown) => ({
        name,
        status: 'down' as const,
        error: (e as Error)?.message ?? String(e),
      })),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
