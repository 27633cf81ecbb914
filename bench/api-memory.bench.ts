import type { BenchResult } from './bench-result.js';
import { httpCommandBenchmark } from './http-command.bench.js';

/**
 * `http.command`, and from the same run `memory.api`: the api's peak RSS (VmHWM, read just
 * before it stops) under that load: start-up, seeding, warm-up and every round.
 */
export async function httpCommandAndMemoryBenchmark(quick: boolean): Promise<BenchResult[]> {
  const http = await httpCommandBenchmark(quick);
  const peakRssMb = http.detail?.peakRssMb as number | null;
  const memory: BenchResult = {
    name: 'memory.api',
    value: peakRssMb ?? NaN,
    unit: 'MB (peak RSS)',
    limit: null,
    ratio: null,
    goal: '< 512 MB',
    detail: {
      load: 'the http.command run: 50 connections of POST /v1/customers/{id}/orders',
      verdict: peakRssMb === null ? 'unmeasured (no /proc)' : peakRssMb < 512 ? 'met' : 'missed',
    },
  };
  return [http, memory];
}
