import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json.js';

/** The reference: the RFC authors' implementation, or the error it throws. */
const reference = (value: unknown): string | Error => {
  try {
    return canonicalize(value) ?? new Error('no JSON form');
  } catch (error) {
    return error as Error;
  }
};
const ours = (value: unknown): string | Error => {
  try {
    return canonicalJson(value);
  } catch (error) {
    return error as Error;
  }
};

describe('canonicalJson (RFC 8785)', () => {
  it('writes exactly what the reference implementation writes, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(ours(value)).toEqual(reference(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('orders keys by UTF-16 code units, array indexes and odd keys included', () => {
    const keys = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.nat().map(String),
      fc.constantFrom('__proto__', '', '-1', '01', '9', '10', '\u{1F600}', 'é', 'E', '\ud800'),
    );
    const tree = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: 'binary' }),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(keys, tie('value'), { maxKeys: 6 }),
      ),
    }));
    fc.assert(
      fc.property(tree.value, (value) => {
        expect(ours(value)).toEqual(reference(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts the keys at every depth and writes numbers as ECMAScript does', () => {
    const parsed = JSON.parse('{"b":[{"z":1,"a":2}],"10":true,"9":1e21,"a":"\\u00e9\\n"}');
    expect(canonicalJson(parsed)).toBe('{"10":true,"9":1e+21,"a":"é\\n","b":[{"a":2,"z":1}]}');
  });

  it('refuses what JSON cannot hold, as the reference does', () => {
    for (const value of [{ a: Number.NaN }, ['\ud800'], { n: Infinity }])
      expect(() => canonicalJson(value)).toThrow();
  });
});
