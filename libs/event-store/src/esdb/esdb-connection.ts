import { BACKWARDS, END, EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreStartupError, EventStoreUnavailable } from '../event-store.errors.js';
import { mapEsdbError } from './esdb-errors.js';
import type { AllFilter } from '../event-store.port.js';
import { abandon, drain, readAllOf, userEvents } from './esdb-reads.js';

/** A client for the connection string; it connects on its first call. */
export function connect(connectionString: string): EventStoreDBClient {
  try {
    return EventStoreDBClient.connectionString(connectionString);
  } catch (error) {
    // The parser's message repeats the string, password included: keep only what it expected.
    const expected = (error as { expected?: unknown }).expected;
    const detail = typeof expected === 'string' ? ` (expected ${expected})` : '';
    throw new EventStoreStartupError(
      `EVENTSTORE_CONNECTION_STRING is not a valid EventStoreDB connection string${detail}`,
    );
  }
}

/**
 * Position of the last user event in `$all` matching the filter (0n when there is none), read
 * backwards; the server skips what the filter leaves out.
 */
export async function lastUserPosition(
  client: EventStoreDBClient,
  filter?: AllFilter,
): Promise<bigint> {
  const read = readAllOf(client, {
    fromPosition: END,
    direction: BACKWARDS,
    ...(filter && { filter, maxCount: 1 }),
  });
  try {
    for await (const event of userEvents(drain(read), filter)) return event.position;
    return 0n;
  } catch (error) {
    throw mapEsdbError(error);
  }
}

/** Reads the last record of `$all`: fails when the server cannot be reached within `ms`. */
export async function pingServer(client: EventStoreDBClient, ms: number): Promise<void> {
  const read = client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 });
  let timer: NodeJS.Timeout | undefined;
  // Reads have no deadline in the client, hence a timeout of our own.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void abandon(read);
      reject(
        new EventStoreUnavailable('deadline-exceeded', `EventStoreDB did not answer in ${ms} ms`),
      );
    }, ms);
  });
  try {
    await Promise.race([consume(drain(read)), timeout]);
  } catch (error) {
    throw mapEsdbError(error);
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a read to its end (give it a `maxCount`). */
export async function consume(items: AsyncIterable<unknown>): Promise<void> {
  for await (const item of items) void item;
}
