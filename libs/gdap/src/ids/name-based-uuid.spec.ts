import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { uuidV5 } from './name-based-uuid.js';
import { sha1 } from './sha1.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('SHA-1', () => {
  it('gives the digests FIPS 180 publishes for its examples', () => {
    expect(hex(sha1(ascii('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(sha1(ascii('')))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(hex(sha1(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    );
    expect(hex(sha1(ascii('a'.repeat(1_000_000))))).toBe(
      '34aa973cd4c4daa4f61eeb2bdbad27316534016f',
    );
  });

  it('agrees with an independent implementation on every padding length and random input', () => {
    for (let length = 0; length <= 130; length++) {
      const bytes = randomBytes(length);
      expect(hex(sha1(bytes))).toBe(createHash('sha1').update(bytes).digest('hex'));
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(hex(sha1(bytes))).toBe(createHash('sha1').update(bytes).digest('hex'));
      }),
    );
  });
});

describe('name-based UUIDs (version 5)', () => {
  const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

  it('gives the id RFC 9562 publishes for www.example.com in the DNS namespace', () => {
    expect(uuidV5('www.example.com', DNS)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('is the same for the same name and differs for another name or namespace', () => {
    const id = uuidV5('gdapRelationship-r-1/expired/2027-01-01T00:00:00.000Z', DNS);
    expect(uuidV5('gdapRelationship-r-1/expired/2027-01-01T00:00:00.000Z', DNS)).toBe(id);
    expect(uuidV5('gdapRelationship-r-1/expired/2027-01-01T00:00:00.001Z', DNS)).not.toBe(id);
    expect(
      uuidV5(
        'gdapRelationship-r-1/expired/2027-01-01T00:00:00.000Z',
        '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
      ),
    ).not.toBe(id);
  });

  it('hashes the name as UTF-8 and marks version 5 and the RFC variant', () => {
    const name = 'Žluťoučký kůň';
    const digest = createHash('sha1')
      .update(Buffer.concat([Buffer.from(DNS.replaceAll('-', ''), 'hex'), Buffer.from(name)]))
      .digest()
      .subarray(0, 16);
    digest[6] = (digest[6]! & 0x0f) | 0x50;
    digest[8] = (digest[8]! & 0x3f) | 0x80;
    const id = uuidV5(name, DNS);
    expect(id.replaceAll('-', '')).toBe(digest.toString('hex'));
    expect(id[14]).toBe('5');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('refuses a namespace that is no UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(TypeError);
  });
});
