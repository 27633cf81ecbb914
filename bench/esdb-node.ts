import { randomUUID } from 'node:crypto';
import { WORKSPACE_STREAM_CATEGORIES, WORKSPACE_UPCASTERS } from '@customer-workspace/read-models';
import { createEventStore, type ScopedEventStore } from '@customer-workspace/event-store';

/** The node the EventStoreDB benchmarks run against (`EVENTSTORE_CONNECTION_STRING`). */
export function nodeConnectionString(): string {
  const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
  if (!connectionString)
    throw new Error('The EventStoreDB benchmarks need EVENTSTORE_CONNECTION_STRING (a node)');
  return connectionString;
}

/** A stream prefix of this run's own: a benchmark shares the node with whatever it holds. */
export const runPrefix = (label: string): string =>
  `bench_${label}_${randomUUID().replaceAll('-', '').slice(0, 10)}_`;

/** Our store on the node, under `prefix`, as the api and the CLI open it. */
export function nodeStore(prefix: string, dataDir: string): ScopedEventStore {
  return createEventStore({
    connectionString: nodeConnectionString(),
    dataDir,
    categories: WORKSPACE_STREAM_CATEGORIES,
    upcasters: WORKSPACE_UPCASTERS,
    streamPrefix: prefix,
  });
}
