import { parseArgs } from 'node:util';
import { createEventStore } from '../../../libs/event-store/src/index.js';
import { loadConfig } from '../../api/src/config/app-config.js';
import { replay } from './replay.command.js';
import { mintToken } from './token.command.js';

const USAGE = `Usage: cli <command> [options]

Commands:
  replay [--from POSITION] [--to POSITION]   print the raw event stream as NDJSON (global order)
  token --partner P --role R [--role R2] [--user U] [--upn X] [--ttl 8h]
                                             mint a development bearer token

The event store is chosen as the api chooses it: EVENTSTORE_CONNECTION_STRING, else DATA_DIR.`;

function position(name: string, value: string | undefined): bigint | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw new Error(`--${name} must be a non-negative whole number (got "${value}")`);
  return BigInt(value);
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      partner: { type: 'string' },
      role: { type: 'string', multiple: true },
      user: { type: 'string' },
      upn: { type: 'string' },
      ttl: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  const config = loadConfig(process.env);
  if (command === 'token') {
    process.stdout.write(`${await mintToken(config, values)}\n`);
    return 0;
  }
  if (command !== 'replay') throw new Error(`Unknown command "${command}"\n\n${USAGE}`);
  const options = { from: position('from', values.from), to: position('to', values.to) };
  const store = createEventStore({
    connectionString: config.EVENTSTORE_CONNECTION_STRING,
    dataDir: config.DATA_DIR,
    synchronous: config.EVENTSTORE_SQLITE_SYNCHRONOUS,
  });
  try {
    const count = await replay(store, process.stdout, options);
    process.stderr.write(`replayed ${count} event(s)\n`);
    return 0;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`cli: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
