import { createHash } from 'node:crypto';
import { uuidV5 } from './name-based-uuid.js';

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
