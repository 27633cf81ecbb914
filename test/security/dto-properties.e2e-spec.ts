import fc from 'fast-check';
import { startTestApi, type TestApi } from '../fixtures/api-app.js';
import { BODY_ROUTES, type Json } from './command-routes.js';
import { call, headOf, seedWorkspace, type Workspace } from './workspace.fixtures.js';

/** Any UTF-16 code unit: lone surrogates, NUL and control characters included. */
const codeUnit = fc.nat(0xffff).map((c) => String.fromCharCode(c));
const anyJson = fc.jsonValue({ stringUnit: codeUnit, maxDepth: 4 }) as fc.Arbitrary<Json>;

type Path = (string | number)[];

function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

/** The valid body with one place changed: a value replaced, a field removed or one added. */
function mutated(body: Json, change: { at: number; op: string; value: Json; key: string }): Json {
  const copy = structuredClone(body);
  const paths = pathsOf(copy);
  const path = paths[change.at % paths.length] as Path;
  if (path.length === 0) return change.op === 'replace' ? change.value : copy;
  const parent = path
    .slice(0, -1)
    .reduce<Json>((v, k) => (v as Record<string, Json>)[k] as Json, copy);
  const last = path.at(-1) as string;
  const target = parent as Record<string, Json>;
  if (change.op === 'delete' && !Array.isArray(parent)) delete target[last];
  else if (change.op === 'add' && !Array.isArray(parent)) target[change.key] = change.value;
  else target[last] = change.value;
  return copy;
}

interface Schema {
  readonly required?: readonly string[];
  readonly properties?: Record<string, { $ref?: string; items?: { $ref?: string } }>;
}

/** Paths of every field the OpenAPI schema requires, nested objects and array items included. */
function requiredPaths(
  schemas: Record<string, Schema>,
  name: string,
  body: Json,
  prefix: Path = [],
): Path[] {
  const schema = schemas[name] ?? {};
  const record = body as Record<string, Json>;
  return (schema.required ?? []).flatMap((field) => {
    const property = schema.properties?.[field];
    const ref = (property?.$ref ?? property?.items?.$ref)?.split('/').at(-1);
    const child = property?.items ? (record[field] as Json[])[0] : record[field];
    const nested =
      ref && child !== undefined
        ? requiredPaths(schemas, ref, child as Json, [
            ...prefix,
            field,
            ...(property?.items ? [0] : []),
          ])
        : [];
    return [[...prefix, field], ...nested];
  });
}

function without(body: Json, path: Path): Json {
  const copy = structuredClone(body);
  const parent = path
    .slice(0, -1)
    .reduce<Json>((v, k) => (v as Record<string, Json>)[k] as Json, copy);
  delete (parent as Record<string, Json>)[path.at(-1) as string];
  return copy;
}

const mutation = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('replace', 'delete', 'add'),
  value: anyJson,
  key: fc.string({ unit: codeUnit, maxLength: 8 }),
});

describe.each(BODY_ROUTES.map((route) => [route.dto, route] as const))(
  '%s under arbitrary JSON (fast-check)',
  (_dto, route) => {
    let api: TestApi;
    let ws: Workspace;

    // An api per DTO: what one route lets through must not fail another's checks.
    beforeAll(async () => {
      api = await startTestApi({ RATE_LIMIT_PER_MINUTE: '0' });
      ws = await seedWorkspace(api);
    });
    afterAll(() => api.close());

    const send = (body: Json) =>
      call(api, {
        method: route.method,
        url: route.path(ws),
        headers: { ...route.auth(ws), 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });

    it('refuses any JSON value with 4xx and stores nothing', async () => {
      await fc.assert(
        fc.asyncProperty(anyJson, async (body) => {
          const head = await headOf(api);
          const { statusCode } = await send(body);
          expect({ statusCode, refused: statusCode >= 400 && statusCode < 500 }).toMatchObject({
            refused: true,
          });
          expect(await headOf(api)).toBe(head);
        }),
        { numRuns: 60 },
      );
    });

    it('refuses the valid body without any one field its OpenAPI schema requires', async () => {
      const schemas = (await call(api, { method: 'GET', url: '/docs-json' })).json().components
        .schemas as Record<string, Schema>;
      const valid = route.body(ws);
      const paths = requiredPaths(schemas, route.dto, valid);
      expect(paths.length).toBeGreaterThan(0);
      const accepted: string[] = [];
      for (const path of paths) {
        const { statusCode } = await send(without(valid, path));
        if (statusCode < 400 || statusCode >= 500)
          accepted.push(`${path.join('.')} → ${statusCode}`);
      }
      expect(accepted).toEqual([]);
    });

    it('answers a valid body changed in one place with no 5xx, storing only what it accepts', async () => {
      const valid = route.body(ws);
      await fc.assert(
        fc.asyncProperty(mutation, async (change) => {
          const head = await headOf(api);
          const response = await send(mutated(valid, change));
          expect(response.statusCode).toBeLessThan(500);
          if (response.statusCode >= 400) expect(await headOf(api)).toBe(head);
        }),
        { numRuns: 80 },
      );
      // What was accepted is fit to be stored: no event of it stops a projection.
      const health = await call(api, { method: 'GET', url: '/health' });
      expect({ status: health.statusCode, body: health.json() }).toMatchObject({ status: 200 });
    });
  },
);
