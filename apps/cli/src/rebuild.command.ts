import { parseArgs } from 'node:util';
import type { EventStore } from '@customer-workspace/event-store';
import {
  type Projection,
  ReadModelDirectory,
  rebuildReadModel,
} from '@customer-workspace/read-models';
import { loadConfig } from '@customer-workspace/config';
import { type CliCommand, expectAtMost, openEventStore, parseCommandLine } from './cli-command.js';
import { interruptOnSignals } from './interruption.js';
import { type ProgressReporter, progressReporter } from './progress-reporter.js';
import { formatSummary, type RebuildSummary } from './rebuild-progress.js';

export interface RebuildProjectionOptions {
  readonly signal?: AbortSignal;
  /** Events per transaction (the engine's default when undefined). */
  readonly batchSize?: number;
  readonly reporter?: ProgressReporter;
  readonly now?: () => number;
}

/**
 * Rebuilds one read model with `rebuildReadModel` (a new generation, then an atomic swap; the
 * serving one is untouched when it fails or is aborted) and tells how it went.
 */
export async function rebuildProjection(
  store: EventStore,
  projection: Projection,
  directory: ReadModelDirectory,
  options: RebuildProjectionOptions = {},
): Promise<RebuildSummary> {
  const now = options.now ?? Date.now;
  const started = now();
  let events = 0;
  try {
    const { file } = await rebuildReadModel(store, projection, directory, {
      signal: options.signal,
      ...(options.batchSize !== undefined && { batchSize: options.batchSize }),
      onProgress: (progress) => {
        events = progress.events;
        options.reporter?.update(progress);
      },
    });
    return { name: projection.name, events, durationMs: now() - started, file };
  } finally {
    options.reporter?.stop();
  }
}

/** The projections `name` asks for: all of them without a name. */
export function selectProjections(
  known: readonly Projection[],
  name: string | undefined,
): readonly Projection[] {
  if (name === undefined) return known;
  const found = known.find((projection) => projection.name === name);
  if (found) return [found];
  throw new Error(`Unknown projection "${name}"; known projections: ${namesOf(known)}`);
}

function namesOf(projections: readonly Projection[]): string {
  return projections.length > 0 ? projections.map((p) => p.name).join(', ') : '(none)';
}

function batchSizeOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value))
    throw new Error(`--batch-size must be a positive whole number (got "${value}")`);
  return Number(value);
}

export const rebuildCommand: CliCommand = {
  name: 'rebuild',
  synopsis: '[PROJECTION] [--batch-size N]',
  summary: 'rebuild read models (all without PROJECTION) while the old ones keep serving',
  details: (context) =>
    `Builds a new generation of each read model from the first event, then swaps it in; a\n` +
    `running api follows. Interrupted (Ctrl-C, SIGTERM), it deletes what it built and leaves\n` +
    `the serving read model untouched. Progress goes to stderr, a summary line to stdout.\n\n` +
    `Projections: ${namesOf(context.projections)}`,
  async run(args, context) {
    const { positionals, values } = parseCommandLine(() =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        options: { 'batch-size': { type: 'string' } },
      }),
    );
    expectAtMost(positionals, 1);
    const projections = selectProjections(context.projections, positionals[0]);
    const batchSize = batchSizeOf(values['batch-size']);
    if (projections.length === 0) {
      context.stderr.write('rebuild: no read models are registered; nothing to do\n');
      return 0;
    }
    const config = loadConfig(context.env);
    const store = openEventStore(config);
    const directory = new ReadModelDirectory(config.DATA_DIR);
    const interruption = interruptOnSignals();
    let current = '';
    try {
      for (const projection of projections) {
        current = projection.name;
        const reporter = progressReporter(projection.name, context.stderr);
        const summary = await rebuildProjection(store, projection, directory, {
          signal: interruption.signal,
          batchSize,
          reporter,
        });
        context.stdout.write(`${formatSummary(summary)}\n`);
      }
      return 0;
    } catch (error) {
      if (!interruption.signal.aborted) throw error;
      context.stderr.write(
        `${current}: interrupted by ${interruption.by}; the unfinished read model was deleted, ` +
          `the serving one is untouched\n`,
      );
      return interruption.exitCode;
    } finally {
      interruption.dispose();
      await store.close();
    }
  },
};
