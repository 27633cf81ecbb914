import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchResult } from './bench-result.js';
import { linearGrowth } from './growth-verdict.js';
import { median, round } from './latency.js';
import { benchDataset, type Dataset } from './read-model-data.js';
import { distRoot } from './server-process.js';

/** One rebuild as the child reports it. */
interface ChildRebuild {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly rssBeforeBytes: number;
  readonly peakRssBytes: number;
}

/** Per-event cost may rise this much from one size to the next before it counts as worse. */
const LINEAR_TOLERANCE = 1.2;
const ROUNDS = 3;
const MB = 2 ** 20;

/**
 * The `rebuild` data set scaled: its event mix, the big partner one tenth of the events (as
 * 100k of 1M). Quick: 10k, 30k, 100k; full: the 100k, 300k and 1M (the 1M set is the
 * `rebuild` benchmark's own, made once per run).
 */
const sizesOf = (quick: boolean): number[] =>
  quick ? [10_000, 30_000, 100_000] : [100_000, 300_000, 1_000_000];

async function rebuildInChild(data: Dataset): Promise<ChildRebuild> {
  const script = join(distRoot, 'bench/dist/rebuild.child.js');
  const { stdout } = await promisify(execFile)(process.execPath, [script, data.dataDir], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as ChildRebuild;
}

/** The medians of one size's rounds, as `detail` shows them. */
function figuresOf(data: Dataset, runs: readonly ChildRebuild[]) {
  const seconds = median(runs.map((run) => run.seconds));
  return {
    events: data.events,
    seconds: round(seconds),
    eventsPerSecond: Math.round(data.events / seconds),
    cpuSeconds: round(median(runs.map((run) => run.cpuSeconds))),
    peakRssMb: Math.round(Math.max(...runs.map((run) => run.peakRssBytes)) / MB),
    rssBeforeMb: Math.round(median(runs.map((run) => run.rssBeforeBytes)) / MB),
    rounds: runs.map((run) => round(run.seconds)),
  };
}

type SizeFigures = ReturnType<typeof figuresOf>;

function scalingResult(sizes: readonly SizeFigures[], setUp: Record<string, unknown>) {
  const [first, last] = [sizes[0]!, sizes.at(-1)!];
  const growthOf = (figure: (s: SizeFigures) => number) =>
    linearGrowth(
      sizes.map((s) => ({ size: s.events, value: figure(s) })),
      LINEAR_TOLERANCE,
    );
  const wall = growthOf((s) => s.seconds);
  const cpu = growthOf((s) => s.cpuSeconds);
  return {
    name: 'scaling.rebuild',
    value: round(last.seconds / first.seconds),
    unit: `× time (${last.events} vs ${first.events} events)`,
    limit: round(last.events / first.events),
    ratio: round(last.seconds / first.seconds / (last.events / first.events)),
    goal: `ratio <= ${LINEAR_TOLERANCE} (no worse than linear)`,
    detail: {
      verdict: wall.verdict,
      worse: wall.worse,
      timeRatios: wall.ratios,
      cpu: { verdict: cpu.verdict, worse: cpu.worse, ratios: cpu.ratios },
      sizes,
      rounds: ROUNDS,
      setUpSeconds: setUp,
    },
  } satisfies BenchResult;
}

function memoryResult(sizes: readonly SizeFigures[]): BenchResult {
  const last = sizes.at(-1)!;
  return {
    name: 'memory.rebuild',
    value: last.peakRssMb,
    unit: 'MB (peak RSS)',
    limit: null,
    ratio: null,
    goal: '< 512 MB',
    detail: {
      events: last.events,
      verdict: last.peakRssMb < 512 ? 'met' : 'missed',
      peakRssMbBySize: Object.fromEntries(sizes.map((s) => [s.events, s.peakRssMb])),
      rssBeforeMb: last.rssBeforeMb,
    },
  };
}

/**
 * `scaling.rebuild`: the customer-list rebuild at three sizes, each in a child process (the
 * rebuild of `rebuild`), rounds alternating the sizes, medians; and from the same children
 * `memory.rebuild`, the peak RSS at the largest size.
 */
export async function rebuildScalingBenchmark(quick: boolean): Promise<BenchResult[]> {
  const sets: Dataset[] = [];
  for (const size of sizesOf(quick)) sets.push(await benchDataset(size, size / 10));
  const runs = sets.map((): ChildRebuild[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [n, data] of sets.entries()) runs[n]!.push(await rebuildInChild(data));
  }
  const sizes = sets.map((data, n) => figuresOf(data, runs[n]!));
  const setUp = Object.fromEntries(sets.map((data) => [data.events, data.setUp]));
  return [scalingResult(sizes, setUp), memoryResult(sizes)];
}
