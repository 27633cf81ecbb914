import { createWriteStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createEventStore, type ScopedEventStore } from '@customer-workspace/event-store';
import type { Projection } from '@customer-workspace/read-models';
import { WORKSPACE_STREAM_CATEGORIES, WORKSPACE_UPCASTERS } from '@customer-workspace/read-models';
import type { AppConfig } from '@customer-workspace/config';

/** An output stream; `isTTY` decides between a progress bar and plain lines. */
export type CliOutput = Writable & { readonly isTTY?: boolean };

/** What a command may use besides its arguments; tests substitute their own. */
export interface CliContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  /** The read models this build knows (`PROJECTIONS`). */
  readonly projections: readonly Projection[];
}

/** One command of the CLI: adding a command is one entry in `COMMANDS`. */
export interface CliCommand {
  /** One or more words: `replay`, `export customers`. */
  readonly name: string;
  /** Its arguments and options, as shown in the usage text. */
  readonly synopsis: string;
  /** One line for the command list. */
  readonly summary: string;
  /** More help for `cli <command> --help` (may depend on the context, e.g. projection names). */
  readonly details?: (context: CliContext) => string;
  /** Runs with the arguments after the command's name; resolves to the exit code. */
  run(args: readonly string[], context: CliContext): Promise<number>;
}

/** The command line cannot be understood (unknown option, extra argument): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Runs a `parseArgs` call, turning its errors (unknown option, missing value) into `UsageError`. */
export function parseCommandLine<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
      throw new UsageError((error as Error).message);
    }
    throw error;
  }
}

/** Refuses positional arguments beyond the `max` a command takes. */
export function expectAtMost(positionals: readonly string[], max: number): void {
  const extra = positionals.slice(max);
  if (extra.length > 0) throw new UsageError(`Unexpected argument(s): ${extra.join(' ')}`);
}

/**
 * The event store the api uses: EventStoreDB when configured, else the embedded one. It hands
 * out every event in its current shape (the domain's upcasters), as the api reads them; `as:
 * 'stored'` leaves them exactly as stored, for auditors (`replay`).
 */
export function openEventStore(
  config: AppConfig,
  { as = 'current' }: { as?: 'current' | 'stored' } = {},
): ScopedEventStore {
  return createEventStore({
    connectionString: config.EVENTSTORE_CONNECTION_STRING,
    dataDir: config.DATA_DIR,
    synchronous: config.EVENTSTORE_SQLITE_SYNCHRONOUS,
    streamPrefix: config.EVENTSTORE_STREAM_PREFIX,
    categories: WORKSPACE_STREAM_CATEGORIES,
    ...(as === 'current' && { upcasters: WORKSPACE_UPCASTERS }),
  });
}

/** Streams an export to `out` (a file), or to stdout, which stays open. */
export async function writeExport(
  source: Readable,
  out: string | undefined,
  stdout: CliOutput,
): Promise<void> {
  const target = out === undefined ? stdout : createWriteStream(out);
  await pipeline(source, target, { end: target !== stdout });
}
