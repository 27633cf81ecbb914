import Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import {
  CUSTOMER_EXPORT_HEADERS,
  CUSTOMER_EXPORT_SQL,
  customerListProjection,
  RELATIONSHIP_LABELS,
} from '@customer-workspace/read-models';
import { type ApiChild } from './api-child.js';
import type { BenchResult } from './bench-result.js';
import { BIG_PARTNER } from './big-partner.steps.js';
import { download } from './http-download.js';
import { median, round } from './latency.js';
import { apiFor, datasetFor, servingFile } from './read-model-data.js';

const MB = 1024 * 1024;

interface Run {
  readonly rows: number;
  readonly bytes: number;
  readonly rowsPerSecond: number;
}

interface HttpRun extends Run {
  /** Peak RSS of the api during the download over its RSS just before, in MB. */
  readonly rssGrowthMb: number;
}

/** The limit: the same SQL, rows turned into CSV by csv-stringify (sync, 1,000 at a time). */
function stringifyLimit(file: string): Run {
  const db = new Database(file, { readonly: true });
  try {
    const labels = RELATIONSHIP_LABELS.cs;
    const started = process.hrtime.bigint();
    let rows = 0;
    let bytes = 0;
    let chunk: string[][] = [];
    const flush = (): void => {
      const header = rows === chunk.length;
      const csv = stringify(chunk, {
        bom: header,
        header,
        columns: [...CUSTOMER_EXPORT_HEADERS.cs],
      });
      bytes += Buffer.byteLength(csv);
      chunk = [];
    };
    const statement = db.prepare<[string], unknown[]>(CUSTOMER_EXPORT_SQL).raw(true);
    for (const [id, name, domain, relationship, tags] of statement.iterate(BIG_PARTNER)) {
      chunk.push([
        id as string,
        name as string,
        domain as string,
        labels[relationship as string] ?? (relationship as string),
        (tags as string | null) ?? '',
      ]);
      rows++;
      if (chunk.length === 1000) flush();
    }
    if (chunk.length > 0) flush();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { rows, bytes, rowsPerSecond: rows / seconds };
  } finally {
    db.close();
  }
}

/**
 * `GET /v1/customers/export?lang=cs` downloaded whole; the api's RSS is sampled every 10 ms
 * from /proc and its kernel-kept peak (`VmHWM`, reset before) read after: the growth is
 * the larger of the two over the RSS just before the request.
 */
async function httpExport(api: ApiChild, token: string): Promise<HttpRun> {
  const baseline = api.rss();
  api.resetPeak();
  let sampled = baseline;
  const sampler = setInterval(() => (sampled = Math.max(sampled, api.rss())), 10);
  const started = process.hrtime.bigint();
  try {
    const { bytes, lines } = await download(`${api.baseUrl}/v1/customers/export?lang=cs`, token);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const peak = Math.max(sampled, api.rss(), api.peakRss());
    const rows = lines - 1;
    return {
      rows,
      bytes,
      rowsPerSecond: rows / seconds,
      rssGrowthMb: round((peak - baseline) / MB, 1),
    };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * `export`: `Customers.csv` of the 100k-row partner over HTTP from the api in its own
 * process (rows/s and its RSS growth), against csv-stringify of the same rows in-process.
 * A first download and stringify warm up (JIT, page cache); then rounds alternate.
 */
export async function exportBenchmark(quick: boolean): Promise<BenchResult> {
  const data = await datasetFor(quick);
  const file = await servingFile(data, customerListProjection);
  const api = await apiFor(data);
  const token = await api.token(BIG_PARTNER);
  const rounds = quick ? 3 : 5;
  stringifyLimit(file);
  const warmUp = await httpExport(api, token);
  const ours: HttpRun[] = [];
  const limit: Run[] = [];
  for (let n = 0; n < rounds; n++) {
    limit.push(stringifyLimit(file));
    ours.push(await httpExport(api, token));
  }
  const wrong = ours.find((run) => run.rows !== limit[0]?.rows);
  if (wrong)
    throw new Error(`The export sent ${wrong.rows} rows, the read model holds ${limit[0]?.rows}`);
  const value = median(ours.map((run) => run.rowsPerSecond));
  const baseline = median(limit.map((run) => run.rowsPerSecond));
  const rssGrowthMb = Math.max(...ours.map((run) => run.rssGrowthMb));
  return {
    name: 'export',
    value: Math.round(value),
    unit: 'rows/s',
    limit: Math.round(baseline),
    ratio: round(value / baseline, 2),
    goal: 'ratio >= 0.7, RSS growth < 64 MB',
    detail: {
      rows: ours[0]?.rows,
      bytes: ours[0]?.bytes,
      rssGrowthMb,
      rssGrowthMbByRound: ours.map((run) => run.rssGrowthMb),
      warmUp: { rowsPerSecond: Math.round(warmUp.rowsPerSecond), rssGrowthMb: warmUp.rssGrowthMb },
      rssMethod:
        'api in its own process; /proc/<pid>/status VmRSS sampled every 10 ms and VmHWM (reset via clear_refs) over VmRSS before the request',
      ours: ours.map((run) => Math.round(run.rowsPerSecond)),
      csvStringify: limit.map((run) => Math.round(run.rowsPerSecond)),
      setUpSeconds: data.setUp,
    },
  };
}
