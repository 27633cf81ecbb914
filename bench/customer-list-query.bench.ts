import { Agent, request } from 'node:http';
import { customerListProjection, queryCustomerList } from '@customer-workspace/read-models';
import type { ApiChild } from './api-child.js';
import type { BenchResult } from './bench-result.js';
import { BIG_PARTNER } from './big-partner.steps.js';
import { asOfQueries, type ListQuery, listQueries } from './customer-list-queries.js';
import { msSince, percentiles } from './latency.js';
import { runMix, samplesOf, slowest } from './query-mix.js';
import { apiFor, datasetFor, readModel } from './read-model-data.js';

/** `GET /v1/customers` with the same requests, one at a time over a keep-alive connection. */
async function overHttp(api: ApiChild, queries: readonly ListQuery[], passes: number) {
  const token = await api.token(BIG_PARTNER);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = (query: ListQuery): Promise<void> => {
    const search = new URLSearchParams(
      Object.entries(query.request)
        .filter(([name]) => name !== 'partnerId')
        .map(([name, value]): [string, string] => [name, String(value)]),
    );
    return new Promise((resolve, reject) => {
      const call = request(
        `${api.baseUrl}/v1/customers?${search}`,
        { agent, headers: { authorization: `Bearer ${token}` } },
        (response) => {
          response.resume();
          response.on('end', () =>
            response.statusCode === 200
              ? resolve()
              : reject(new Error(`GET /v1/customers?${search}: ${response.statusCode}`)),
          );
        },
      );
      call.on('error', reject);
      call.end();
    });
  };
  const samples: number[] = [];
  try {
    for (const query of queries) await get(query);
    for (let n = 0; n < passes; n++) {
      for (const query of queries) {
        const started = process.hrtime.bigint();
        await get(query);
        samples.push(msSince(started));
      }
    }
  } finally {
    agent.destroy();
  }
  return percentiles(samples);
}

/**
 * `query.customer_list`: p99 of the search mix over the 100k-row partner through
 * `queryCustomerList` on a read connection opened as the api opens them (the file mapped into
 * memory); `detail` adds the same mix through an unmapped connection, the same requests over
 * HTTP and `asOf` (how fast it answers at 100k events).
 */
export async function customerListQueryBenchmark(quick: boolean): Promise<BenchResult> {
  const data = await datasetFor(quick);
  const db = await readModel(data, customerListProjection);
  try {
    const queries = listQueries(db);
    const run = (query: ListQuery) => queryCustomerList(db, query.request);
    // Quick: one pass (the warm-up pass aside) and every other shape over HTTP, as these
    // queries take up to half a second here and the quick run has a time budget.
    const passes = { passes: quick ? 1 : 10, budgetSeconds: 30 };
    // The same mix through a connection that does not map the file (reads through system
    // calls), first: what `READ_MODEL_MMAP_MB` is worth, in the same run.
    const unmapped = await readModel(data, customerListProjection, 0);
    const plainReads = percentiles(
      samplesOf(runMix(queries, (query) => queryCustomerList(unmapped, query.request), passes)),
    );
    unmapped.close();
    const byLabel = runMix(queries, run, passes);
    const all = percentiles(samplesOf(byLabel));
    const asOfMix = asOfQueries(db, quick ? 1 : 4);
    const asOf = runMix(asOfMix, run, { passes: quick ? 2 : 5, budgetSeconds: 15 });
    const plain = queries.filter(
      (query, n) => query.request.cursor === undefined && (!quick || n % 2 === 0),
    );
    const http = await overHttp(await apiFor(data), plain, quick ? 1 : 2);
    return {
      name: 'query.customer_list',
      value: all.p99,
      unit: 'ms (p99)',
      limit: null,
      ratio: null,
      goal: 'p99 < 15 ms',
      detail: {
        ...all,
        shapes: queries.length,
        slowest: slowest(byLabel),
        withoutMmap: plainReads,
        asOf: {
          ...percentiles(samplesOf(asOf)),
          shapes: asOfMix.length,
          slowest: slowest(asOf, 3),
        },
        http,
        events: data.events,
        setUpSeconds: data.setUp,
      },
    };
  } finally {
    db.close();
  }
}
