import { startTestApi, type TestApi } from '../fixtures/api-app.js';
import { BODY_ROUTES, type Json } from './command-routes.js';
import { type FuzzCase, fixedCases, randomCases, sampleByFamily } from './fuzz-cases.js';
import { runFuzz } from './fuzz-run.js';
import { seedWorkspace, type Workspace } from './workspace.fixtures.js';

const BODY_LIMIT = 64 * 1024;
const SEED = 20261121;

/** Every path to a string in a JSON value. */
function stringPaths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [prefix];
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  return entries.flatMap(([key, child]) => stringPaths(child, [...prefix, key]));
}

function replaced(body: Json, path: (string | number)[], by: string): Json {
  const copy = structuredClone(body);
  const parent = path
    .slice(0, -1)
    .reduce<Json>((v, k) => (v as Record<string, Json>)[k] as Json, copy);
  (parent as Record<string, Json>)[path.at(-1) as string] = by;
  return copy;
}

describe('HTTP fuzz of every command route (quick run; `npm run test:chaos` runs thousands)', () => {
  let api: TestApi;
  let ws: Workspace;

  beforeAll(async () => {
    api = await startTestApi({ RATE_LIMIT_PER_MINUTE: '0', BODY_LIMIT_BYTES: String(BODY_LIMIT) });
    ws = await seedWorkspace(api);
  });
  afterAll(() => api.close());

  it('malformed, oversized, wrong-typed, unicode-edge and polluting requests: no 5xx, nothing stored, still healthy', async () => {
    const all = [...fixedCases(ws, BODY_LIMIT), ...randomCases(ws, SEED, 20)];
    const cases = sampleByFamily(all, 400, SEED);
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const report = await runFuzz(api, cases);
    expect(report.failures).toEqual([]);
    expect(report.appended).toBe(0n);
    expect(report.healthy).toBe(true);
    expect(report.prototypesIntact).toBe(true);
  });

  it('refuses what the fuzz found getting through: null bodies, deep nesting, reserved keys, lone surrogates', async () => {
    const cases: FuzzCase[] = BODY_ROUTES.flatMap((route) => {
      const valid = route.body(ws);
      const base = {
        method: route.method,
        url: route.path(ws),
        headers: { ...route.auth(ws), 'content-type': 'application/json' },
      };
      return [
        // `null` reached the handler unvalidated: a customer without profiles stopped the projections.
        { ...base, family: 'null', payload: 'null' },
        // class-transformer recursed until the stack overflowed: 500.
        { ...base, family: 'deep', payload: '['.repeat(20_000) + ']'.repeat(20_000) },
        {
          ...base,
          family: 'deep',
          payload: JSON.stringify(replaced(valid, stringPaths(valid)[0] ?? [], 'x')).replace(
            '"x"',
            '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000),
          ),
        },
        // class-validator's whitelist took Object.prototype's member names for declared fields.
        {
          ...base,
          family: 'reserved',
          payload: JSON.stringify({ ...valid, valueOf: 1, toString: 'x' }),
        },
        // validator.js's isEmail throws a URIError on a lone surrogate: 500.
        ...stringPaths(valid).map((path) => ({
          ...base,
          family: 'surrogate',
          payload: JSON.stringify(replaced(valid, path, 'a\ud800b')),
        })),
      ];
    });
    const report = await runFuzz(api, cases);
    expect(report.failures).toEqual([]);
    expect(report.statuses).toEqual({ 400: cases.length });
    expect(report.healthy).toBe(true);
  });
});
