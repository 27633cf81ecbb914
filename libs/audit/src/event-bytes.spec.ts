import { canonicalEventBytes } from './event-bytes.js';

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
