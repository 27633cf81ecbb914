import { BODY_ROUTES, COMMAND_ROUTES, type CommandRoute, type Json } from './command-routes.js';
import {
  CONTENT_TYPES,
  HOSTILE_IDEMPOTENCY_KEYS,
  HOSTILE_IDS,
  HOSTILE_IF_MATCH,
  HUGE_NUMBERS,
  INVALID_UTF8,
  MALFORMED_JSON,
  POLLUTING_OBJECTS,
  UNICODE_EDGES,
  WRONG_VALUES,
} from './hostile-values.js';
import type { Workspace } from './workspace.fixtures.js';

/** One hostile request; none of them may answer 5xx or store anything. */
export interface FuzzCase {
  readonly family: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly payload?: string | Buffer;
}

type Body = { [key: string]: Json };
type Path = readonly (string | number)[];

/** A small seeded PRNG (mulberry32): the same seed gives the same cases. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MARK = '\u0001fuzz\u0001';
/** An unknown field: the body can never pass validation, whatever else the case does. */
const POISON = 'unexpectedFuzzField';
const JSON_TYPE = { 'content-type': 'application/json' };

/** Every path into a JSON value, the root included. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

const valueAt = (value: Json, path: Path): unknown =>
  path.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)[key], value);

const isRecord = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function setAt(value: Json, path: Path, replacement: unknown): Json {
  if (path.length === 0) return replacement as Json;
  const copy = structuredClone(value) as Record<string | number, Json>;
  const [head, ...rest] = path as [string | number, ...Path];
  copy[head] = setAt(copy[head] as Json, rest, replacement);
  return copy as Json;
}

/** The body as JSON text, with the value at `path` replaced by the raw text `raw`. */
const spliced = (body: Json, path: Path, raw: string): string =>
  JSON.stringify(setAt(body, path, MARK)).replace(JSON.stringify(MARK), raw);

/** A body route's valid body, poisoned, and how to add a case for it. */
function forRoute(
  ws: Workspace,
  route: CommandRoute & { body: NonNullable<CommandRoute['body']> },
  cases: FuzzCase[],
) {
  const valid = route.body(ws);
  const headers = { ...route.auth(ws), ...JSON_TYPE };
  const add = (family: string, payload: string | Buffer, extra: Record<string, string> = {}) =>
    cases.push({
      family,
      method: route.method,
      url: route.path(ws),
      headers: { ...headers, ...extra },
      payload,
    });
  return { valid, poisoned: { ...valid, [POISON]: true } as Body, add };
}

/**
 * Random mutations of every body route's valid body, `rounds` per route and family: values of
 * the wrong type, huge numbers, unicode edges, invalid UTF-8, polluting keys at any depth and
 * truncated texts. Different seeds give different cases.
 */
export function randomCases(ws: Workspace, seed: number, rounds: number): FuzzCase[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const noise = () =>
    String.fromCharCode(
      ...Array.from({ length: Math.floor(next() * 8) }, () => Math.floor(next() * 0x10000)),
    );
  const wrongValue = (): unknown =>
    pick([
      pick(WRONG_VALUES),
      Math.floor((next() - 0.5) * 2 ** 60),
      next() * 1e6,
      noise(),
      [pick(WRONG_VALUES), noise()],
      { [noise()]: pick(WRONG_VALUES) },
    ]);
  const unicode = () => `${noise()}${pick(UNICODE_EDGES)}${noise()}${pick(UNICODE_EDGES)}`;
  const cases: FuzzCase[] = [];
  for (const route of BODY_ROUTES) {
    const { valid, poisoned, add } = forRoute(ws, route, cases);
    const paths = pathsOf(valid);
    const objects = paths.filter((p) => isRecord(valueAt(valid, p)));
    // The poison first, and never cut off: a cut text that happens to parse stays invalid.
    const text = JSON.stringify({ [POISON]: true, ...valid });
    const keep = `{"${POISON}":true`.length;
    for (let i = 0; i < rounds; i++) {
      const cut = keep + Math.floor(next() * (text.length - keep));
      add('malformed-json', text.slice(0, cut) + pick(['', noise(), ',', '}']));
      add('wrong-type', JSON.stringify(setAt(poisoned, pick(paths), wrongValue())));
      add('huge-number', spliced(poisoned, pick(paths), pick(HUGE_NUMBERS)));
      add('unicode', JSON.stringify(setAt(poisoned, pick(paths), unicode())));
      const bytes = Buffer.from(spliced(poisoned, pick(paths), `"${noise()}${MARK}"`));
      const at = bytes.indexOf(MARK);
      add(
        'invalid-utf8',
        Buffer.concat([
          bytes.subarray(0, at),
          pick(INVALID_UTF8),
          bytes.subarray(at + MARK.length),
        ]),
      );
      const key = pick(['__proto__', 'constructor', '\\u005f_proto__', 'prototype']);
      const inner =
        key === 'constructor' ? '{"prototype":{"polluted":"yes"}}' : `{"polluted":"${noise()}"}`;
      const marked = JSON.stringify(setAt(poisoned, [...pick(objects), MARK], 1));
      add('prototype-pollution', marked.replace(`${JSON.stringify(MARK)}:1`, `"${key}":${inner}`));
    }
  }
  return cases;
}

/** The fixed lists of hostile values against every command route (the same on every run). */
export function fixedCases(ws: Workspace, bodyLimit: number): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const route of BODY_ROUTES) {
    const { poisoned, add } = forRoute(ws, route, cases);
    for (const text of MALFORMED_JSON) add('malformed-json', text);
    for (const text of POLLUTING_OBJECTS) add('prototype-pollution', text);
    for (const depth of [100, 1_000, 10_000, 60_000]) {
      add('deep-nesting', '['.repeat(depth) + ']'.repeat(depth));
      add(
        'deep-nesting',
        spliced(poisoned, [POISON], '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
      );
    }
    for (const type of CONTENT_TYPES) {
      const text = JSON.stringify(poisoned);
      add('content-type', type.includes('utf-16') ? Buffer.from(text, 'utf16le') : text, {
        'content-type': type,
      });
    }
    add('oversized', JSON.stringify({ ...poisoned, padding: 'x'.repeat(bodyLimit) }));
    add(
      'oversized',
      JSON.stringify({ ...poisoned, many: Array.from({ length: 30_000 }, () => ({})) }),
    );
    for (const key of HOSTILE_IDEMPOTENCY_KEYS)
      add('headers', JSON.stringify(poisoned), { 'idempotency-key': key });
    if (route.slots.length === 0) {
      cases.push({
        family: 'query',
        method: route.method,
        url: `${route.path(ws)}?__proto__[polluted]=yes&constructor[prototype][polluted]=yes&a=%00&a=%ff`,
        headers: { ...route.auth(ws), ...JSON_TYPE },
        payload: JSON.stringify(poisoned),
      });
    }
  }
  for (const route of COMMAND_ROUTES) {
    const body = route.body
      ? { headers: { ...route.auth(ws), ...JSON_TYPE }, payload: JSON.stringify(route.body(ws)) }
      : { headers: route.auth(ws) };
    for (const slot of route.slots) {
      for (const id of HOSTILE_IDS)
        cases.push({
          family: 'path',
          method: route.method,
          url: route.path(ws, { [slot]: id }),
          ...body,
        });
    }
  }
  const billing = COMMAND_ROUTES.find((r) => r.name.endsWith('billing-profile')) as CommandRoute;
  for (const value of HOSTILE_IF_MATCH) {
    cases.push({
      family: 'headers',
      method: 'PUT',
      url: billing.path(ws),
      headers: { ...billing.auth(ws), ...JSON_TYPE, 'if-match': value },
      payload: JSON.stringify(ws.billingProfile),
    });
  }
  return cases;
}

/** `count` cases spread over every family (a seeded choice), for the quick run. */
export function sampleByFamily(
  cases: readonly FuzzCase[],
  count: number,
  seed: number,
): FuzzCase[] {
  const next = random(seed);
  const families = [...new Set(cases.map((c) => c.family))];
  const shuffled = cases
    .map((c) => [next(), c] as const)
    .sort(([a], [b]) => a - b)
    .map(([, c]) => c);
  const perFamily = Math.ceil(count / families.length);
  return families.flatMap((family) =>
    shuffled.filter((c) => c.family === family).slice(0, perFamily),
  );
}
