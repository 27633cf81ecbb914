import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { canonicalJson } from '@customer-workspace/event-store';
import { canonicalEventBytes, eventLeafHash, storedEventLeafHex } from './event-bytes.js';

const storedEventLeafHash = (event: Parameters<typeof storedEventLeafHex>[0]) => {
  const leaf = storedEventLeafHex(event);
  return leaf === undefined ? undefined : Buffer.from(leaf, 'hex');
};

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

describe('canonicalEventBytes (RFC 8785)', () => {
  const event = {
    type: 'CustomerAdded',
    streamId: 'customer-1',
    metadata: { partnerId: 'p-1', actor: { upn: 'a@b.example', role: 'admin-agent' } },
    revision: 0n,
    eventId: 'e-1',
    data: { companyName: 'Ómega', n: 1.0, big: 1e21 },
  };

  it('sorts the keys at every depth and writes numbers as ECMAScript does', () => {
    expect(text(canonicalEventBytes(event))).toBe(
      '{"data":{"big":1e+21,"companyName":"Ómega","n":1},"eventId":"e-1",' +
        '"metadata":{"actor":{"role":"admin-agent","upn":"a@b.example"},"partnerId":"p-1"},' +
        '"revision":0,"streamId":"customer-1","type":"CustomerAdded"}',
    );
  });

  it('is the same for the same event, whatever order its keys came in', () => {
    const reordered = {
      data: { n: 1, big: 1e21, companyName: 'Ómega' },
      eventId: 'e-1',
      metadata: { actor: { role: 'admin-agent', upn: 'a@b.example' }, partnerId: 'p-1' },
      revision: 0,
      streamId: 'customer-1',
      type: 'CustomerAdded',
    };
    expect(text(canonicalEventBytes(reordered))).toBe(text(canonicalEventBytes(event)));
  });

  it('hashes only the stored fields, and refuses a revision no JSON number holds exactly', () => {
    const withPosition = { ...event, position: 42n };
    expect(text(canonicalEventBytes(withPosition))).not.toContain('position');
    expect(() => canonicalEventBytes({ ...event, revision: 2n ** 60n })).toThrow(RangeError);
  });
});

describe('storedEventLeafHex (the stored text, hashed as it is)', () => {
  const json = fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 });
  const events = fc.record({
    streamId: fc.string({ minLength: 1 }),
    revision: fc.nat(),
    eventId: fc.uuid(),
    type: fc.string({ minLength: 1 }),
    data: fc.jsonValue(),
    metadata: json,
  });

  it('is the event’s leaf when the stored text is canonical, as the embedded store writes it', () => {
    fc.assert(
      fc.property(events, (event) => {
        const stored = {
          ...event,
          storedJson: { data: canonicalJson(event.data), metadata: canonicalJson(event.metadata) },
        };
        // The independent check: SHA-256 of 0x00 and the reference canonicalize's bytes.
        const reference = createHash('sha256')
          .update(Buffer.from([0]))
          .update(canonicalize({ ...event })!, 'utf8')
          .digest();
        expect(storedEventLeafHash(stored)).toEqual(reference);
        expect(eventLeafHash(event)).toEqual(reference);
      }),
    );
  });

  it('differs from it for text that is not canonical, and is undefined without the text', () => {
    const event = {
      streamId: 'customer-1',
      revision: 2n,
      eventId: 'e-1',
      type: 'TagCreated',
      data: { name: 'VIP', color: 'red' },
      metadata: { partnerId: 'p-1' },
    };
    const written = { data: JSON.stringify(event.data), metadata: JSON.stringify(event.metadata) };
    expect(storedEventLeafHash({ ...event, storedJson: written })).not.toEqual(
      eventLeafHash(event),
    );
    expect(storedEventLeafHash(event)).toBeUndefined();
  });
});
