import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { READ_MODEL_BENCHMARKS, readModelBenchmarks } from './read-models.bench.js';

/**
 * The read-model benchmarks alone: `node bench/dist/read-models.run.js [--quick]
 * [--only=rebuild,export,...]`; writes bench/results/read-models.json and prints a table.
 */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const started = Date.now();
  const results = await readModelBenchmarks(
    quick,
    only ? only.split(',') : Object.keys(READ_MODEL_BENCHMARKS),
  );
  const dir = join(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'read-models.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.table(results.map(({ detail: _detail, ...row }) => row));
  for (const { name, detail } of results) console.log(name, JSON.stringify(detail));
  console.log(`read-model benchmarks: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
