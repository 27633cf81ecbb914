import { isErasedProfile, type RecordedBillingProfile } from '@customer-workspace/customers';
import { keyIdOf } from '../sealing/sealed-value.js';
import type { SealedProfile } from '../sealing/profile-sealing.js';
import {
  added,
  profile,
  SealedStoreUnderTest,
  stream,
  updated,
} from '../testing/personal-data.fixtures.js';

const keyOf = (value: unknown) => keyIdOf((value as SealedProfile).personal, 'test');
const CONTEXT = ['idempotent-answer', 'contoso', 'key-1', 'billingProfile'];

describe('KeptProfiles (copies of a profile kept outside the log)', () => {
  let t: SealedStoreUnderTest;
  beforeEach(() => (t = new SealedStoreUnderTest()));
  afterEach(() => t.close());

  const storedProfileKey = async (customerId: string, at: number) => {
    const events = [];
    for await (const event of t.stored.readStream(stream(customerId))) events.push(event);
    const event = events[at]!;
    const data = event.data as Record<string, unknown>;
    return { key: keyOf(data.new ?? data.billingProfile), position: event.position };
  };

  it('seals a copy with the key of the event it copies, not with the live key', async () => {
    const kept = t.store.keptProfiles();
    const first = profile('olga@contoso.cz');
    const { position } = await t.store.append(stream('c-1'), [added('c-1', first)], {
      expectedRevision: 'no_stream',
    });
    const event = await storedProfileKey('c-1', 0);
    // An erasure starts: the customer's live key is retired, a new seal would get a new key.
    await t.keys.retire('c-1');
    expect((await t.keys.keyFor('c-1')).keyId).not.toBe(event.key);
    const copy = await kept.seal(first, 'c-1', stream('c-1'), position, CONTEXT);
    expect(keyOf(copy)).toBe(event.key);
    expect(await kept.open(copy as SealedProfile, CONTEXT, 'test')).toEqual(first);
    // The erasure destroys the key of the event: the copy goes with it.
    await t.keys.destroy('c-1', [event.key]);
    expect(isErasedProfile(await kept.open(copy as SealedProfile, CONTEXT, 'test'))).toBe(true);
  });

  it('keeps erased a copy made once the key of its event is destroyed', async () => {
    const kept = t.store.keptProfiles();
    const first = profile('olga@contoso.cz');
    const { position } = await t.store.append(stream('c-2'), [added('c-2', first)], {
      expectedRevision: 'no_stream',
    });
    const event = await storedProfileKey('c-2', 0);
    await t.keys.retire('c-2');
    await t.keys.destroy('c-2', [event.key]);
    const copy = (await kept.seal(first, 'c-2', stream('c-2'), position, CONTEXT)) as
      RecordedBillingProfile | SealedProfile;
    expect(isErasedProfile(copy as RecordedBillingProfile)).toBe(true);
    expect(JSON.stringify(copy)).not.toContain('olga@contoso.cz');
  });

  it('takes the profile the stream held at the position: an update’s new one, not later ones', async () => {
    const kept = t.store.keptProfiles();
    const first = profile('olga@contoso.cz');
    const second = profile('olga.n@contoso.cz');
    await t.store.append(stream('c-3'), [added('c-3', first)], { expectedRevision: 'no_stream' });
    const { position } = await t.store.append(stream('c-3'), [updated('c-3', first, second)], {
      expectedRevision: 0n,
    });
    const atUpdate = await storedProfileKey('c-3', 1);
    await t.keys.retire('c-3');
    await t.store.append(stream('c-3'), [updated('c-3', second, profile('later@contoso.cz'))], {
      expectedRevision: 1n,
    });
    const later = await storedProfileKey('c-3', 2);
    expect(later.key).not.toBe(atUpdate.key);
    const copy = await kept.seal(second, 'c-3', stream('c-3'), position, CONTEXT);
    expect(keyOf(copy)).toBe(atUpdate.key);
  });
});
