import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, personalDataKeysDir } from '@customer-workspace/config';
import { StoredEventRewriter } from '@customer-workspace/event-store';
import {
  type ClearProfilesReport,
  findClearProfiles,
  sealStoredProfiles,
  SqlitePersonalDataKeys,
} from '@customer-workspace/personal-data';
import { type CliCommand, expectAtMost, openEventStore, parseCommandLine } from './cli-command.js';
import { interruptOnSignals } from './interruption.js';
import { progressReporter } from './progress-reporter.js';

/** The audit tree's ledger in `DATA_DIR` (one leaf per event, with the event's position). */
export const AUDIT_FILE = 'audit.db';
/** Files in `DATA_DIR` that hold copies of clear profiles once they are sealed in the events. */
const IDEMPOTENCY_FILES = ['idempotency.db', 'idempotency.db-wal', 'idempotency.db-shm'];

const ESDB_REFUSAL =
  'personal-data encrypt: EventStoreDB events are immutable, so they cannot be sealed in place; ' +
  'nothing was changed. Copy the streams through the sealing layer under a new ' +
  'EVENTSTORE_STREAM_PREFIX instead (docs/operations.md#sealing-profiles-stored-in-clear).\n';

/** How many audit leaves `DATA_DIR/audit.db` holds at or after `position` (0 without a tree). */
export function auditLeavesFrom(dataDir: string, position: bigint): number {
  const file = join(dataDir, AUDIT_FILE);
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db
      .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_leaves'")
      .get();
    if (table === undefined) return 0;
    const count = db
      .prepare<[bigint], number>('SELECT count(*) FROM audit_leaves WHERE position >= ?')
      .pluck()
      .get(position);
    return Number(count ?? 0);
  } finally {
    db.close();
  }
}

function describe(report: ClearProfilesReport): string {
  return report.events === 0
    ? 'no event holds a billing profile in clear'
    : `${report.events} event(s) hold(s) a billing profile in clear (positions ${report.first}–${report.last})`;
}

export const personalDataEncryptCommand: CliCommand = {
  name: 'personal-data encrypt',
  synopsis: '[--dry-run]',
  summary: 'seal, in place, the billing profiles the embedded store holds in clear (api stopped)',
  details: () =>
    'For a store written before billing profiles were sealed: rewrites the data of those events\n' +
    'in DATA_DIR/events.db (same ids, positions and revisions), each customer’s profiles sealed\n' +
    'with its key in DATA_DIR/personal-data-keys.db, and leaves no clear copy in the file or its\n' +
    'WAL. Then deletes the read models (rebuilt from the events at the api’s next start) and the\n' +
    'answers kept for retries (DATA_DIR/idempotency.db), which held the same values in clear.\n' +
    'Stop the api (and any other command on DATA_DIR) first. Refused, with nothing changed,\n' +
    'when DATA_DIR/audit.db already covers the first such event, and on EventStoreDB.\n' +
    '--dry-run only counts them.',
  async run(args, context) {
    const { positionals, values } = parseCommandLine(() =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        options: { 'dry-run': { type: 'boolean' } },
      }),
    );
    expectAtMost(positionals, 0);
    const config = loadConfig(context.env);
    if (config.EVENTSTORE_CONNECTION_STRING) {
      context.stderr.write(ESDB_REFUSAL);
      return 1;
    }
    const stored = openEventStore(config, { as: 'stored' });
    const keys = new SqlitePersonalDataKeys(personalDataKeysDir(config));
    try {
      if (values['dry-run']) {
        const found = await findClearProfiles(stored, keys);
        context.stdout.write(`personal-data encrypt (dry run): ${describe(found)}\n`);
        return 0;
      }
      return await encrypt(config.DATA_DIR, stored, keys, context);
    } finally {
      await stored.close();
      await keys.close();
    }
  },
};

async function encrypt(
  dataDir: string,
  stored: ReturnType<typeof openEventStore>,
  keys: SqlitePersonalDataKeys,
  context: Parameters<CliCommand['run']>[1],
): Promise<number> {
  const rewriter = new StoredEventRewriter(dataDir);
  const interruption = interruptOnSignals();
  const reporter = progressReporter('personal-data encrypt', context.stderr);
  try {
    const sealed = await sealStoredProfiles({
      stored,
      keys,
      rewrite: (changes) => rewriter.rewrite(changes),
      auditLeavesFrom: (position) => auditLeavesFrom(dataDir, position),
      signal: interruption.signal,
      onProgress: (progress) => reporter.update(progress),
    });
    reporter.stop();
    if (!rewriter.finish()) {
      context.stderr.write(
        'personal-data encrypt: another process holds DATA_DIR/events.db open, so the file may ' +
          'still hold the clear values: stop it and run the command again (it seals nothing twice)\n',
      );
      return 1;
    }
    if (sealed.events === 0) {
      context.stdout.write(`personal-data encrypt: ${describe(sealed)}; nothing to do\n`);
      return 0;
    }
    rmSync(join(dataDir, 'read-models'), { recursive: true, force: true });
    for (const file of IDEMPOTENCY_FILES) rmSync(join(dataDir, file), { force: true });
    context.stdout.write(
      `personal-data encrypt: sealed ${sealed.events} event(s) (positions ${sealed.first}–` +
        `${sealed.last}); deleted the read models (the api rebuilds them from the events at its ` +
        'next start, or run `cli rebuild`) and the answers kept for retries (idempotency.db), ' +
        'which held the same values in clear\n',
    );
    return 0;
  } catch (error) {
    reporter.stop();
    if (!interruption.signal.aborted) throw error;
    context.stderr.write(
      `personal-data encrypt: interrupted by ${interruption.by}; the batches written are sealed, ` +
        'run the command again to seal the rest\n',
    );
    return interruption.exitCode;
  } finally {
    interruption.dispose();
    rewriter.close();
  }
}
