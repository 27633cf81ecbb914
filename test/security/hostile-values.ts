/** Raw JSON fragments and texts that a well-behaved client never sends. */

/** Bodies that are not JSON, or not quite. */
export const MALFORMED_JSON: readonly string[] = [
  '',
  ' ',
  '{',
  '}',
  '[',
  '{"a":',
  '{"a":1,}',
  '[1,2,]',
  "{'a':1}",
  '{a:1}',
  '{"a" 1}',
  '{"a":1}}',
  '{"a":1}{"b":2}',
  '{"a":01}',
  '{"a":.5}',
  '{"a":1e}',
  '{"a":+1}',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":undefined}',
  '{"a":"\\x41"}',
  '{"a":"\\u12"}',
  '{"a":"unterminated}',
  '{"a":"line\nbreak"}',
  '{"a":1}/* comment */',
  '// comment\n{}',
  '\uFEFF{"a":1}',
  'null',
  'true',
  '0',
  '"a string"',
  '[]',
  '[{}]',
  'nul',
  'tru',
  '\u0000',
  '{"\u0000":1}',
];

/** JSON number tokens past what a double holds or means. */
export const HUGE_NUMBERS: readonly string[] = [
  '1e400',
  '-1e400',
  '1e-400',
  '-0',
  '123456789012345678901234567890',
  '9007199254740993',
  '0.1e1',
  '1.0',
  '10000.000000000001',
  '1E308',
  '-9223372036854775809',
  '0x10',
];

/** Values of the wrong type, size or meaning for any field. */
export const WRONG_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  Number.MAX_SAFE_INTEGER,
  '',
  ' ',
  '0',
  'true',
  'null',
  [],
  [[]],
  [null],
  ['a', 1, {}],
  {},
  { a: { b: { c: {} } } },
  { length: 1e9 },
  { toString: 'x', valueOf: 1 },
  'x'.repeat(10_000),
  Array.from({ length: 1000 }, (_, i) => i),
];

/** Strings at the edges of Unicode and of what stores, logs and CSV cells tolerate. */
export const UNICODE_EDGES: readonly string[] = [
  '\ud800',
  '\udfff',
  'a\udc00b',
  '\udc00\ud800',
  '\u0000',
  'a\u0000b',
  '\u202eevil\u202c',
  '\u200b\u200d\ufeff',
  '\ufffe\uffff',
  'e\u0301'.repeat(2000),
  '👩‍👩‍👧‍👦'.repeat(50),
  '\u{10ffff}',
  '\r\n\t\v\f',
  '=cmd|"/c calc"!A1',
  '<script>alert(1)</script>',
  "'; DROP TABLE events; --",
  '${jndi:ldap://x}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '%00%ff',
  '客户',
  'İıſK',
];

/** Raw UTF-8 that is not valid UTF-8, wrapped as a JSON string value. */
export const INVALID_UTF8: readonly Buffer[] = [
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xf4, 0x90, 0x80, 0x80]),
  Buffer.from([0xe2, 0x82]),
  Buffer.from([0x80]),
];

/** Prototype-pollution attempts, as raw JSON (an object literal would not keep `__proto__`). */
export const POLLUTING_OBJECTS: readonly string[] = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"__proto__":{"__proto__":{"polluted":"yes"}}}',
  '{"\\u005f\\u005fproto\\u005f\\u005f":{"polluted":"yes"}}',
  '{"constructor":{"\\u0070rototype":{"polluted":"yes"}}}',
  '{"__proto__":null}',
  '{"__proto__":[]}',
  '{"prototype":{"polluted":"yes"}}',
  '{"hasOwnProperty":"x","toString":"y","valueOf":{}}',
];

/** Content types that are not JSON, or JSON named wrongly. */
export const CONTENT_TYPES: readonly string[] = [
  'text/plain',
  'text/html',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----fuzz',
  'application/octet-stream',
  'application/json; charset=utf-16le',
  'application/json; charset=iso-8859-1',
  'application/json;;',
  'application/jsonp',
  'application/vnd.api+json',
  'application/json, text/plain',
  '*/*',
  'json',
  ';',
];

/**
 * Path segments that are not ids: encodings, traversal, huge, object keys. (No bare `%2e%2e`:
 * URL parsers resolve it as `..` before sending, which merely calls another route.)
 */
export const HOSTILE_IDS: readonly string[] = [
  '%00',
  '%ff',
  '%ed%a0%80',
  '%c0%af',
  '%zz',
  '%',
  '%25',
  '%20',
  '..%2f..%2fetc%2fpasswd',
  encodeURIComponent('\u202e'),
  encodeURIComponent('客户'),
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  '0',
  '-1',
  '1e999',
  'x'.repeat(101),
  'x'.repeat(5000),
  encodeURIComponent("'; DROP TABLE events; --"),
  '00000000-0000-4000-8000-000000000000',
];

/** `If-Match` values that name no version, or name it strangely. */
export const HOSTILE_IF_MATCH: readonly string[] = [
  '*',
  'W/"0"',
  '"-1"',
  '"0"x',
  '"1e3"',
  '"99999999999999999999"',
  '"0", "1"',
  '"0',
  '0',
  'x'.repeat(8000),
  '"\u00ff"',
];

/** `Idempotency-Key` values outside the format (1 to 255 visible ASCII characters). */
export const HOSTILE_IDEMPOTENCY_KEYS: readonly string[] = [
  'x'.repeat(256),
  'x'.repeat(8000),
  'with space',
  '\u00e4\u00f6',
  '__proto__',
  'constructor',
];
