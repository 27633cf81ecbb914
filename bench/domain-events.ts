import type { CustomersDomainEvent } from '@customer-workspace/customers';
import type { Actor, NewEvent } from '@customer-workspace/event-store';
import type { SeededRandom } from './seeded-random.js';

/** One append, as one command of the api makes it: events of one stream, stored together. */
export interface Command {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
}

/** A user of a partner: who performs its commands (the actor of the metadata). */
export interface PartnerUser extends Actor {
  readonly partnerId: string;
}

/** The users of a partner: agents of each role, with ids and UPNs as tokens carry them. */
export function usersOf(random: SeededRandom, partnerId: string, count: number): PartnerUser[] {
  const roles = ['admin-agent', 'sales-agent', 'billing-admin'];
  return Array.from({ length: count }, (_, n) => ({
    partnerId,
    userId: random.uuid(),
    upn: `agent${n}@${partnerId}.example`,
    role: roles[n % roles.length] as string,
  }));
}

/**
 * Domain events with the metadata the api writes (docs/product.md rule 4): one correlation id per
 * command (the request's, also its causation), the caller, its partner, the customer of a
 * customer stream, and a command time that only moves forward (`stepMs` on average).
 */
export class Timeline {
  private at: number;

  constructor(
    private readonly random: SeededRandom,
    start: string,
    private readonly stepMs: number,
  ) {
    this.at = Date.parse(start);
  }

  /** The time of the next command. */
  get now(): string {
    return new Date(this.at).toISOString();
  }

  /** The events of one command by `user`; the clock then moves on. */
  command(
    streamId: string,
    user: PartnerUser,
    events: readonly CustomersDomainEvent[],
    customerId?: string,
  ): Command {
    const correlationId = this.random.uuid();
    const metadata = {
      correlationId,
      causationId: correlationId,
      actor: { userId: user.userId, upn: user.upn, role: user.role },
      partnerId: user.partnerId,
      ...(customerId === undefined ? {} : { customerId }),
      occurredAt: this.now,
      schemaVersion: 1,
    };
    this.at += Math.max(1, Math.round(this.stepMs * 2 * this.random.next()));
    return {
      streamId,
      events: events.map((event) => ({
        eventId: this.random.uuid(),
        type: event.type,
        data: event.data,
        metadata,
      })),
    };
  }
}
