import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  AuditLedger,
  type BundledEntry,
  openCheckpoint,
  resolveAuditSigner,
  writeBundle,
} from '@customer-workspace/audit';
import { type AppConfig, loadConfig } from '@customer-workspace/config';
import type { EventStore } from '@customer-workspace/event-store';
import {
  activityLogInOrder,
  activityLogProjection,
  catchUpServingReadModel,
  ReadModelDirectory,
} from '@customer-workspace/read-models';
import { ForwardEventReader } from './audit-event-reader.js';
import { updateAuditTree } from './audit-tree-update.js';
import {
  type CliCommand,
  type CliContext,
  expectAtMost,
  openEventStore,
  parseCommandLine,
} from './cli-command.js';
import { progressReporter } from './progress-reporter.js';

/** Exit code when the partner has no entry to bundle (unknown partner): nothing is written. */
const NOTHING_TO_BUNDLE = 2;

/**
 * `audit bundle`: brings the audit tree up to date from the store and signs a checkpoint of it,
 * then writes the partner's activity-log entries with their stored events and the proofs an
 * auditor checks offline (`audit verify --bundle`).
 */
export const auditBundleCommand: CliCommand = {
  name: 'audit bundle',
  synopsis: '--partner P --out DIR [--trusted-checkpoint FILE ...]',
  summary: 'the partner’s activity log with its stored events and proofs, for an auditor',
  details: () =>
    `Brings the audit tree up to date (safe while the api runs), signs a checkpoint of it, and\n` +
    `writes DIR (new or empty): every entry of the partner's log up to that checkpoint, oldest\n` +
    `first, with its stored event, leaf index and hash and inclusion proof; the signed checkpoint;\n` +
    `the public key; consistency proofs from every earlier signed checkpoint; a manifest and a\n` +
    `README. --trusted-checkpoint adds a proof from an auditor's checkpoint of a size the tree\n` +
    `no longer keeps (after audit.db was rebuilt). Exit 0 written; 1 failed, or written but the\n` +
    `store no longer matches its tree; 2 the partner has no entries (nothing written).`,
  async run(args, context) {
    const { positionals, values } = parseCommandLine(() =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        options: {
          partner: { type: 'string' },
          out: { type: 'string' },
          'trusted-checkpoint': { type: 'string', multiple: true },
        },
      }),
    );
    expectAtMost(positionals, 0);
    const { partner: partnerId, out } = values;
    if (!partnerId) throw new Error('--partner is required');
    if (!out) throw new Error('--out is required');
    const config = loadConfig(context.env);
    const signer = resolveAuditSigner(config);
    const store = openEventStore(config);
    const stored = openEventStore(config, { as: 'stored' });
    const ledger = AuditLedger.inDataDir(config.DATA_DIR, signer);
    try {
      const trusted = values['trusted-checkpoint'] ?? [];
      return await bundle({ store, stored, ledger, config, context }, partnerId, out, trusted);
    } finally {
      ledger.close();
      await stored.close();
      await store.close();
    }
  },
};

interface Deployment {
  /** The events as the read models see them (current shape, profiles opened). */
  readonly store: EventStore;
  /** The same events exactly as stored: what the tree hashes and the bundle carries. */
  readonly stored: EventStore;
  readonly ledger: AuditLedger;
  readonly config: AppConfig;
  readonly context: CliContext;
}

async function bundle(
  { store, stored, ledger, config, context }: Deployment,
  partnerId: string,
  out: string,
  trustedFiles: readonly string[],
): Promise<number> {
  await updateAuditTree(stored, ledger, progressReporter('audit tree', context.stderr));
  const checkpoint = ledger.signCheckpoint();
  const extraSizes = trustedFiles.map((file) =>
    trustedSize(file, ledger, checkpoint.treeSize, context.stderr),
  );
  const directory = new ReadModelDirectory(config.DATA_DIR);
  const file = await catchUpServingReadModel(store, activityLogProjection, directory);
  // The entries the checkpoint covers: up to the position of its last leaf.
  const upTo =
    checkpoint.treeSize === 0 ? -1n : ledger.tree.leaf(checkpoint.treeSize - 1)!.position;
  const items = activityLogInOrder(file, partnerId, upTo);
  const first = items.next();
  if (first.done) {
    context.stderr.write(
      `audit bundle: ${partnerId} has no activity-log entries in the log of size ` +
        `${checkpoint.treeSize} (unknown partner?); nothing written\n`,
    );
    return NOTHING_TO_BUNDLE;
  }
  const reporter = progressReporter('audit bundle', context.stderr);
  const written = await writeBundle(out, {
    partnerId,
    tree: ledger.tree,
    checkpoints: ledger.checkpoints,
    checkpoint,
    origin: ledger.origin,
    verifierKey: ledger.signer.verifierKey,
    publicKeyPem: ledger.signer.publicKeyPem,
    entries: withEvents(stored, first.value, items, (position, events) =>
      reporter.update({ position, head: upTo, events }),
    ),
    extraSizes,
  }).finally(() => {
    reporter.stop();
    items.return(undefined);
  });
  context.stdout.write(
    `audit bundle of ${partnerId} written to ${out}: ${written.entries} entries proved against ` +
      `the checkpoint of size ${checkpoint.treeSize}, ${written.consistencyProofs} ` +
      `consistency proof(s)\n`,
  );
  if (written.mismatched === 0) return 0;
  context.stderr.write(
    `audit bundle: ${written.mismatched} stored event(s) no longer hash to their leaf (the ` +
      `first at position ${written.firstMismatch}): the store was changed after the tree ` +
      `covered them, and the bundle shows it; run "audit verify"\n`,
  );
  return 1;
}

type Item = BundledEntry['item'];

/** Each entry (`first`, then the rest) with its event exactly as stored, read by its position. */
async function* withEvents(
  stored: EventStore,
  first: Item,
  rest: Iterator<Item>,
  progress: (position: bigint, entries: number) => void,
): AsyncGenerator<BundledEntry> {
  const reader = new ForwardEventReader(stored);
  let entries = 0;
  try {
    for (let item: Item | undefined = first; item !== undefined; item = nextOf(rest)) {
      const position = BigInt(item.position);
      const event = await reader.at(position);
      if (!event)
        throw new Error(`The store holds no event at position ${position}, which the log shows`);
      yield { item, event };
      progress(position, ++entries);
    }
  } finally {
    await reader.close();
  }
}

function nextOf<T>(iterator: Iterator<T>): T | undefined {
  const next = iterator.next();
  return next.done ? undefined : next.value;
}

/** The size of an auditor's checkpoint, signed by this deployment's key, to prove growth from. */
function trustedSize(
  file: string,
  ledger: AuditLedger,
  bundleSize: number,
  stderr: NodeJS.WritableStream,
): number {
  const { treeSize, root } = openCheckpoint(readFileSync(file, 'utf8'), ledger.signer.verifierKey);
  if (treeSize > bundleSize)
    throw new Error(`${file} is of size ${treeSize}, beyond the tree's ${bundleSize}`);
  if (!Buffer.from(ledger.tree.root(treeSize)).equals(Buffer.from(root)))
    stderr.write(
      `audit bundle: this log's root at size ${treeSize} is not the one ${file} states; the ` +
        `bundle's consistency proof from it will fail\n`,
    );
  return treeSize;
}
