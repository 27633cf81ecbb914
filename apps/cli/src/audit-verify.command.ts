import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  AUDIT_FILE,
  AUDIT_KEY_FILE,
  noteSigner,
  openAuditLedgerForReading,
  resolveAuditSigner,
  verifierKeyOfText,
  verifyBundle,
  verifyStore,
} from '@customer-workspace/audit';
import { type AppConfig, loadConfig } from '@customer-workspace/config';
import { activityEntryCheck } from './audit-entries.js';
import { bundleSummary, CouldNotVerify, reportVerdict, storeSummary } from './audit-report.js';
import {
  type CliCommand,
  type CliContext,
  expectAtMost,
  openEventStore,
  parseCommandLine,
  UsageError,
} from './cli-command.js';
import { progressReporter } from './progress-reporter.js';

interface VerifyInputs {
  readonly publicKey?: string;
  readonly trustedCheckpoint?: string;
}

/**
 * `audit verify`: a bundle offline (`--bundle`: no store, no api, no DATA_DIR), or this
 * deployment's whole store against its audit tree and signed checkpoints. Exit 0 intact,
 * 1 tampered (the first affected position named), 2 could not verify.
 */
export const auditVerifyCommand: CliCommand = {
  name: 'audit verify',
  synopsis: '[--bundle DIR] [--trusted-checkpoint FILE] [--public-key FILE]',
  summary: 'verify a bundle offline, or the whole store against its audit tree (exit 0/1/2)',
  details: () =>
    `With --bundle: checks the bundle's signed checkpoint, every entry's leaf hash (from its\n` +
    `stored event's RFC 8785 bytes), inclusion proof and claims (derived again from the event),\n` +
    `and the consistency proofs of earlier checkpoints; it reads nothing else.\n` +
    `Without: reads every stored event, compares its leaf with audit.db, recomputes the signed\n` +
    `roots from the events and checks every kept checkpoint.\n` +
    `--public-key: the key you hold (PEM or verifier key); else the bundle's or the deployment's.\n` +
    `--trusted-checkpoint: a checkpoint you kept; the log must have only grown since.\n` +
    `Exit 0 intact; 1 tampered, naming the first affected position; 2 could not verify.`,
  async run(args, context) {
    const { positionals, values } = parseCommandLine(() =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        options: {
          bundle: { type: 'string' },
          'trusted-checkpoint': { type: 'string' },
          'public-key': { type: 'string' },
        },
      }),
    );
    expectAtMost(positionals, 0);
    try {
      const inputs: VerifyInputs = {
        ...readInput('public-key', values['public-key']),
        ...readInput('trusted-checkpoint', values['trusted-checkpoint']),
      };
      return values.bundle === undefined
        ? await verifyTheStore(inputs, context)
        : await verifyABundle(values.bundle, inputs, context);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      context.stderr.write(`audit verify: could not verify: ${(error as Error).message}\n`);
      return 2;
    }
  },
};

async function verifyABundle(dir: string, inputs: VerifyInputs, context: CliContext) {
  if (!existsSync(dir)) throw new CouldNotVerify(`${dir} does not exist`);
  const reporter = progressReporter('audit verify', context.stderr);
  const result = await verifyBundle(dir, {
    ...inputs,
    checkEntry: activityEntryCheck(),
    onProgress: (entries, total) =>
      reporter.update({ position: BigInt(entries), head: BigInt(total), events: entries }),
  }).finally(() => reporter.stop());
  return reportVerdict(result.verdict, bundleSummary(result), context);
}

async function verifyTheStore(inputs: VerifyInputs, context: CliContext) {
  const config = loadConfig(context.env);
  const file = join(config.DATA_DIR, AUDIT_FILE);
  if (!existsSync(file))
    throw new CouldNotVerify(`${file} does not exist: no audit tree to verify the store against`);
  const ledger = openLedger(file);
  const store = openEventStore(config, { as: 'stored' });
  const reporter = progressReporter('audit verify', context.stderr);
  try {
    const { tree, checkpoints } = ledger;
    const origin = checkpoints.latest()?.note.split('\n', 1)[0] ?? '';
    const head = await store.headPosition();
    const result = await verifyStore({
      events: store.readAll({ storedJson: true }),
      tree,
      checkpoints,
      verifierKey: storeVerifierKey(config, inputs.publicKey, origin),
      ...(inputs.trustedCheckpoint !== undefined && {
        trustedCheckpoint: inputs.trustedCheckpoint,
      }),
      onProgress: (events, position) => reporter.update({ position, head, events }),
    });
    reporter.stop();
    return reportVerdict(
      result.verdict,
      storeSummary(result, inputs.publicKey !== undefined),
      context,
    );
  } finally {
    reporter.stop();
    ledger.close();
    await store.close();
  }
}

/** The tree and the checkpoints of audit.db, read-only: verifying writes nothing. */
function openLedger(file: string) {
  try {
    return openAuditLedgerForReading(file);
  } catch (error) {
    throw new CouldNotVerify(`audit.db is not a complete audit tree (${(error as Error).message})`);
  }
}

/**
 * The key the store's checkpoints must verify with: the auditor's, else the deployment's own
 * (AUDIT_SIGNING_KEY, or the one in DATA_DIR, never generated here: a new key verifies nothing).
 */
function storeVerifierKey(config: AppConfig, given: string | undefined, origin: string): string {
  try {
    if (given !== undefined) return verifierKeyOfText(given, origin);
  } catch (error) {
    throw new CouldNotVerify(
      `--public-key does not parse as a public key: ${(error as Error).message}`,
    );
  }
  if (config.AUDIT_SIGNING_KEY) return noteSigner(config.AUDIT_SIGNING_KEY).verifierKey;
  if (!existsSync(join(config.DATA_DIR, AUDIT_KEY_FILE)))
    throw new CouldNotVerify(
      `no signing key in ${config.DATA_DIR} and no AUDIT_SIGNING_KEY: give --public-key`,
    );
  return resolveAuditSigner(config).verifierKey;
}

function readInput(option: string, file: string | undefined): Record<string, string> {
  if (file === undefined) return {};
  if (!existsSync(file)) throw new CouldNotVerify(`--${option} ${file} does not exist`);
  const key = option === 'public-key' ? 'publicKey' : 'trustedCheckpoint';
  return { [key]: readFileSync(file, 'utf8') };
}
