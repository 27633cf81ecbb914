import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type { EventStore, RecordedEvent } from '@customer-workspace/event-store';
import { loadConfig } from '@customer-workspace/config';
import { type CliCommand, expectAtMost, openEventStore, parseCommandLine } from './cli-command.js';

export interface ReplayOptions {
  /** First global position to print (inclusive). */
  readonly from?: bigint;
  /** Last global position to print (inclusive). */
  readonly to?: bigint;
}

/** One event as an NDJSON line; positions and revisions are decimal strings (they are 64-bit). */
export function toNdjsonLine(event: RecordedEvent): string {
  const { position, revision, ...rest } = event;
  return `${JSON.stringify({ position: position.toString(), streamId: rest.streamId, revision: revision.toString(), eventId: rest.eventId, type: rest.type, data: rest.data, metadata: rest.metadata })}\n`;
}

/**
 * `replay`: the raw event stream in global order as NDJSON, for auditors. Honours the output's
 * backpressure, so replaying millions of events to a slow pipe does not fill memory.
 */
export async function replay(
  store: EventStore,
  out: Writable,
  options: ReplayOptions,
): Promise<number> {
  let count = 0;
  for await (const event of store.readAll({ fromPosition: options.from ?? 'start' })) {
    if (options.to !== undefined && event.position > options.to) break;
    if (!out.write(toNdjsonLine(event))) await once(out, 'drain');
    count++;
  }
  return count;
}

function position(name: string, value: string | undefined): bigint | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw new Error(`--${name} must be a non-negative whole number (got "${value}")`);
  return BigInt(value);
}

export const replayCommand: CliCommand = {
  name: 'replay',
  synopsis: '[--from POSITION] [--to POSITION]',
  summary: 'print the raw event stream as NDJSON (global order)',
  async run(args, context) {
    const { positionals, values } = parseCommandLine(() =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        options: { from: { type: 'string' }, to: { type: 'string' } },
      }),
    );
    expectAtMost(positionals, 0);
    const options = { from: position('from', values.from), to: position('to', values.to) };
    // Auditors see what is stored, not the shape this build would upcast it to.
    const store = openEventStore(loadConfig(context.env), { as: 'stored' });
    try {
      const count = await replay(store, context.stdout, options);
      context.stderr.write(`replayed ${count} event(s)\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
