import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { httpCommandAndMemoryBenchmark } from './api-memory.bench.js';
import { appendBenchmark } from './append.bench.js';
import { commandScalingBenchmark } from './command-scaling.bench.js';
import { auditAppendBenchmark } from './audit-append.bench.js';
import { auditVerifyBenchmark } from './audit-verify.bench.js';
import { personalDataBenchmark } from './personal-data.bench.js';
import type { BenchResult, MeasuredRun, RecordedResult } from './bench-result.js';
import { esdbCommandBenchmark } from './esdb-command.bench.js';
import { esdbRebuildBenchmark } from './esdb-rebuild.bench.js';
import { listScalingBenchmark } from './list-scaling.bench.js';
import { removeDatasets } from './read-model-data.js';
import { READ_MODEL_BENCHMARKS } from './read-models.bench.js';
import { rebuildScalingBenchmark } from './rebuild-scaling.bench.js';
import { webhooksDeliveryBenchmark } from './webhooks-delivery.bench.js';

/** A benchmark may answer several figures measured in one run (`webhooks.delivery`). */
const benchmarks: Record<string, (quick: boolean) => Promise<BenchResult | BenchResult[]>> = {
  append: appendBenchmark,
  'http.command': httpCommandAndMemoryBenchmark, // and memory.api, from the same run
  ...READ_MODEL_BENCHMARKS,
  // After the read-model benchmarks: the full run's 1M-event data set is theirs.
  'scaling.rebuild': rebuildScalingBenchmark, // and memory.rebuild
  'scaling.list': listScalingBenchmark,
  'scaling.command': commandScalingBenchmark,
  'webhooks.delivery': webhooksDeliveryBenchmark,
  'audit.append': auditAppendBenchmark,
  'audit.verify': auditVerifyBenchmark,
  'personal-data.read': personalDataBenchmark,
  // Against a node, when one is given: its limits are measured on the same node.
  ...(process.env.EVENTSTORE_CONNECTION_STRING && {
    'http.command.esdb': esdbCommandBenchmark,
    'rebuild.esdb': esdbRebuildBenchmark,
  }),
};

/**
 * `npm run bench [-- --quick] [-- --only=<name>,...]`: runs the benchmarks (all by default),
 * records them in bench/results/latest.json (see `record`), prints a table.
 */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const names = only ? only.split(',') : Object.keys(benchmarks);
  const results: BenchResult[] = [];
  try {
    for (const name of names) {
      const run = benchmarks[name];
      if (!run)
        throw new Error(`No benchmark "${name}" (known: ${Object.keys(benchmarks).join(', ')})`);
      results.push(...[await run(quick)].flat());
    }
  } finally {
    await removeDatasets(); // the read-model benchmarks' data set, shared by the four
  }
  record(results, { at: new Date().toISOString(), quick, ...commit() });
  console.table(results.map(({ detail: _detail, ...row }) => row));
}

/**
 * Writes this run's results into bench/results/latest.json over the same benchmarks' earlier
 * ones; the others stay, each with its own run, so `--only` runs add up to a full table.
 */
function record(results: readonly BenchResult[], run: MeasuredRun): void {
  const dir = join(__dirname, '..', 'results');
  const file = join(dir, 'latest.json');
  mkdirSync(dir, { recursive: true });
  const kept = new Map<string, RecordedResult>();
  if (existsSync(file)) {
    const earlier = JSON.parse(readFileSync(file, 'utf8')) as RecordedResult[];
    for (const result of earlier) kept.set(result.name, result);
  }
  // A benchmark measured before keeps its place in the file; a new one goes last.
  for (const result of results) kept.set(result.name, { ...result, run });
  writeFileSync(file, `${JSON.stringify([...kept.values()], null, 2)}\n`);
}

/** The commit measured, when this is a git checkout. */
function commit(): { commit?: string } {
  try {
    const described = execFileSync('git', ['describe', '--always', '--dirty'], {
      cwd: __dirname,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return { commit: described.trim() };
  } catch {
    return {};
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
