import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '../event-envelope.js';

/** Test helpers that build well-formed events; shared by the contract suite and other specs. */
export function testMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { userId: 'user-1', upn: 'agent@contoso.example', role: 'admin-agent' },
    partnerId: 'partner-1',
    occurredAt: new Date('2026-01-01T00:00:00.000Z').toISOString(),
    schemaVersion: 1,
    ...overrides,
  };
}

export function testEvent(type = 'SomethingHappened', data: unknown = { n: 1 }): NewEvent {
  return { eventId: randomUUID(), type, data, metadata: testMetadata() };
}

export function testEvents(count: number, type = 'SomethingHappened'): NewEvent[] {
  return Array.from({ length: count }, (_, n) => testEvent(type, { n }));
}

/** A category unique to this run, so tests never see each other's streams. */
export function uniqueCategory(label = 't'): string {
  return `${label}${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
