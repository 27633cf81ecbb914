import canonicalize from 'canonicalize';

/** A value the fast path does not handle: the reference implementation decides. */
const UNUSUAL = Symbol('unusual');

/**
 * The RFC 8785 (JCS) text of a JSON value, identical to the `canonicalize` package's (the RFC
 * authors' implementation), about twice as fast on events. JCS is ECMAScript's
 * `JSON.stringify` with every object's keys in UTF-16 order, so the fast path copies the value
 * with its keys sorted and lets the native `JSON.stringify` write it. Anything it cannot be
 * sure of — a key V8 would not keep in insertion order (an array index), a lone surrogate, a
 * number JSON cannot hold, a `toJSON`, a class instance — goes to `canonicalize`, which writes
 * it or throws exactly as it always did.
 */
export function canonicalJson(value: unknown): string {
  const sorted = sortedCopy(value);
  const text = sorted === UNUSUAL ? canonicalize(value) : JSON.stringify(sorted);
  if (text === undefined) throw new TypeError('The value has no JSON form');
  return text;
}

function sortedCopy(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
      return wellFormed(value) ? value : UNUSUAL;
    case 'number':
      return Number.isFinite(value) ? value : UNUSUAL;
    case 'boolean':
      return value;
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value)) return arrayCopy(value);
      return Object.getPrototypeOf(value) === Object.prototype
        ? objectCopy(value as Record<string, unknown>)
        : UNUSUAL;
    default:
      return UNUSUAL;
  }
}

function arrayCopy(array: readonly unknown[]): unknown[] | typeof UNUSUAL {
  const copy = new Array<unknown>(array.length);
  for (let i = 0; i < array.length; i++) {
    const item = sortedCopy(array[i]);
    if (item === UNUSUAL) return UNUSUAL;
    copy[i] = item;
  }
  return copy;
}

function objectCopy(object: Record<string, unknown>): Record<string, unknown> | typeof UNUSUAL {
  if (typeof object.toJSON === 'function') return UNUSUAL;
  const keys = Object.keys(object).sort();
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    if (!plainKey(key)) return UNUSUAL;
    const item = sortedCopy(object[key]);
    if (item === UNUSUAL) return UNUSUAL;
    copy[key] = item;
  }
  return copy;
}

/**
 * A key that V8 keeps where it was inserted: not an array index (those come first, in numeric
 * order), not `__proto__` (assigning it sets the prototype), well-formed UTF-16.
 */
function plainKey(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39 && /^(0|[1-9][0-9]*)$/.test(key)) return false;
  return key !== '__proto__' && wellFormed(key);
}

/** No lone surrogate (ES2024's `isWellFormed`, in Node since 20; the compiler's lib is ES2023). */
function wellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}
