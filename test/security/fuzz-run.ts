import type { TestApi } from '../fixtures/api-app.js';
import type { FuzzCase } from './fuzz-cases.js';
import { call, headOf, type InjectOptions } from './workspace.fixtures.js';

export interface FuzzReport {
  readonly requests: number;
  /** Status → how many answers had it. */
  readonly statuses: Record<number, number>;
  /** Cases answered 5xx, or that stored something (a 2xx may only be a no-op). */
  readonly failures: string[];
  readonly appended: bigint;
  readonly healthy: boolean;
  readonly prototypesIntact: boolean;
  readonly milliseconds: number;
}

/** Own keys of the prototypes a pollution would touch. */
const prototypeKeys = (): string =>
  [Object.prototype, Array.prototype, Function.prototype]
    .map((prototype) => Object.getOwnPropertyNames(prototype).sort().join())
    .join('|');

export type Send = (fuzz: FuzzCase) => Promise<{ status: number; body: string }>;

/** Through Fastify's injector (no socket). */
export const injected =
  (api: TestApi): Send =>
  async (fuzz) => {
    const response = await call(api, {
      method: fuzz.method as InjectOptions['method'],
      url: fuzz.url,
      headers: fuzz.headers,
      ...(fuzz.payload === undefined ? {} : { payload: fuzz.payload }),
    });
    return { status: response.statusCode, body: response.body };
  };

/**
 * Sends every case (stopping at `deadline`, a `Date.now()` instant) and checks the api: no
 * 5xx, no event stored (a 2xx may only be a no-op such as removing a tag that is not there),
 * `/health` still 200 and no prototype polluted.
 */
export async function runFuzz(
  api: TestApi,
  cases: readonly FuzzCase[],
  send: Send = injected(api),
  deadline = Infinity,
): Promise<FuzzReport> {
  const started = Date.now();
  const before = prototypeKeys();
  const head = await headOf(api);
  const statuses: Record<number, number> = {};
  const failures: string[] = [];
  let requests = 0;
  let last = head;
  for (const fuzz of cases) {
    if (Date.now() > deadline) break;
    const { status, body } = await send(fuzz);
    requests++;
    statuses[status] = (statuses[status] ?? 0) + 1;
    const now = await headOf(api);
    const stored = now !== last;
    last = now;
    if (status >= 500 || stored) {
      failures.push(
        `${fuzz.family} ${fuzz.method} ${fuzz.url.slice(0, 90)} → ${status} ${body.slice(0, 160)}`,
      );
    }
  }
  const health = await send({ family: 'health', method: 'GET', url: '/health', headers: {} });
  return {
    requests,
    statuses,
    failures,
    appended: (await headOf(api)) - head,
    healthy: health.status === 200,
    prototypesIntact:
      prototypeKeys() === before && ({} as Record<string, unknown>).polluted === undefined,
    milliseconds: Date.now() - started,
  };
}
