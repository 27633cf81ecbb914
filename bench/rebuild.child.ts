import { timeRebuild } from './rebuild.bench.js';

/**
 * `node bench/dist/rebuild.child.js <dataDir>`: one customer-list rebuild in a process of its
 * own, so its peak memory is the rebuild's alone (not the data generator's of the bench
 * process), and every size starts equally cold. Prints one JSON line: wall and CPU seconds,
 * RSS before and peak (`getrusage` ru_maxrss: every thread of the process).
 */
async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: rebuild.child.js <dataDir>');
  const rssBeforeBytes = process.memoryUsage.rss();
  const cpuBefore = process.cpuUsage();
  const seconds = await timeRebuild(dataDir);
  const cpu = process.cpuUsage(cpuBefore);
  const report = {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    rssBeforeBytes,
    // resourceUsage().maxRSS is in kilobytes.
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
