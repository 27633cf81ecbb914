import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendBenchmark } from './append.bench.js';
import type { BenchResult } from './bench-result.js';

/** `npm run bench [-- --quick]`: runs every benchmark, writes bench/results/latest.json, prints a table. */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const results: BenchResult[] = [await appendBenchmark(quick)];
  const dir = join(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.table(results.map(({ detail: _detail, ...row }) => row));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
