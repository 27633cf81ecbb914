import type { LookupAddress } from 'node:dns';
import { PinnedHttpAgent, PinnedHttpsAgent, pinnedLookup } from './pinned-agents.js';

function lookUp(addresses: string[], options: { all?: boolean; family?: number }) {
  return new Promise<{ error: unknown; address: string | LookupAddress[]; family?: number }>(
    (resolve) =>
      pinnedLookup(addresses)('hooks.example', options, (error, address, family) =>
        resolve({ error, address, family }),
      ),
  );
}

describe('pinnedLookup', () => {
  it('answers with every checked address when asked for all of them', async () => {
    expect(await lookUp(['203.0.113.7', '2001:db8::1'], { all: true })).toMatchObject({
      error: null,
      address: [
        { address: '203.0.113.7', family: 4 },
        { address: '2001:db8::1', family: 6 },
      ],
    });
  });

  it('answers with the first checked address of the family asked for', async () => {
    expect(await lookUp(['203.0.113.7', '2001:db8::1'], { family: 6 })).toEqual({
      error: null,
      address: '2001:db8::1',
      family: 6,
    });
  });

  it('fails rather than resolve when no checked address has that family', async () => {
    const { error } = await lookUp(['203.0.113.7'], { family: 6 });
    expect(error).toMatchObject({ code: 'ENOTFOUND' });
  });
});

describe('the pinned agents', () => {
  const request = { host: 'hooks.example', port: 443 };
  it.each([
    ['http', new PinnedHttpAgent()],
    ['https', new PinnedHttpsAgent()],
  ])('pool %s sockets by host, port and the set of checked addresses', (_kind, agent) => {
    const name = (pinnedAddresses: string[]) =>
      agent.getName({ ...request, pinnedAddresses } as never);
    expect(name(['203.0.113.7', '203.0.113.8'])).toBe(name(['203.0.113.8', '203.0.113.7']));
    expect(name(['203.0.113.7'])).not.toBe(name(['203.0.113.8']));
    expect(name(['203.0.113.7'])).toContain('hooks.example:443');
    agent.destroy();
  });
});
