import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { erasedProfile } from '@customer-workspace/customers';
import { collect } from '@customer-workspace/event-store/testing';
import {
  added,
  erasure,
  profile,
  SealedStoreUnderTest,
  stream,
  updated,
} from '../testing/personal-data.fixtures.js';
import { SealedValueUnreadable } from '../sealing/sealed-value.js';
import { PersonalDataStoredInClear } from './personal-data-event-store.js';

const dataOf = async (events: AsyncIterable<{ data: unknown }>) =>
  (await collect(events)).map((event) => event.data as Record<string, unknown>);

describe('PersonalDataEventStore (billing profiles sealed at rest)', () => {
  let t: SealedStoreUnderTest;
  beforeEach(() => (t = new SealedStoreUnderTest()));
  afterEach(() => t.close());

  it('stores each profile as one sealed value beside its clear business fields', async () => {
    const old = profile('zdenka.old@contoso.cz');
    const next = profile('zdenka.new@contoso.cz');
    await t.store.append(stream('c-1'), [added('c-1', old), updated('c-1', old, next)], {
      expectedRevision: 'no_stream',
    });
    const [first, second] = await dataOf(t.stored.readStream(stream('c-1')));
    expect(first!.billingProfile).toEqual({
      companyName: 'Contoso a.s.',
      culture: 'cs-CZ',
      language: 'cs',
      defaultAddress: { state: 'Olomoucký kraj', country: 'CZ' },
      personal: expect.stringMatching(/^pd1\./),
    });
    expect(second!.old).toMatchObject({ personal: expect.stringMatching(/^pd1\./) });
    const file = readFileSync(join(t.dir, 'events.db-wal'));
    for (const value of ['zdenka.old@contoso.cz', 'Zdeňka', 'Šťastná', 'Květinová 42', '779 00'])
      expect(file.includes(Buffer.from(value))).toBe(false);
    expect(file.includes(Buffer.from('Olomoucký kraj'))).toBe(true);
  });

  it('hands readers the profiles whole, in every read and subscription', async () => {
    const old = profile('zdenka.old@contoso.cz');
    await t.store.append(stream('c-1'), [added('c-1', old)], { expectedRevision: 'no_stream' });
    const [fromStream] = await dataOf(t.store.readStream(stream('c-1')));
    expect(fromStream!.billingProfile).toEqual(old);
    expect(JSON.stringify(fromStream!.billingProfile)).toBe(JSON.stringify(old));
    const [fromAll] = await dataOf(t.store.readAll());
    expect(fromAll!.billingProfile).toEqual(old);
    const subscription = t.store.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    expect(
      ((await iterator.next()).value.data as { billingProfile: unknown }).billingProfile,
    ).toEqual(old);
    await subscription.stop();
  });

  it('reads a profile stored in clear (before sealing) as it is', async () => {
    const legacy = profile('legacy@contoso.cz');
    await t.stored.append(stream('c-1'), [added('c-1', legacy)], { expectedRevision: 'no_stream' });
    const [read] = await dataOf(t.store.readStream(stream('c-1')));
    expect(read!.billingProfile).toEqual(legacy);
  });

  it('refuses to open a sealed profile moved to another event or field', async () => {
    const old = profile('zdenka.old@contoso.cz');
    await t.store.append(stream('c-1'), [added('c-1', old)], { expectedRevision: 'no_stream' });
    const [stored] = await dataOf(t.stored.readStream(stream('c-1')));
    const sealed = stored!.billingProfile;
    await t.stored.append(stream('c-2'), [added('c-2', sealed as never)], {
      expectedRevision: 'no_stream',
    });
    await expect(collect(t.store.readStream(stream('c-2')))).rejects.toBeInstanceOf(
      SealedValueUnreadable,
    );
    await t.stored.append(stream('c-1'), [updated('c-1', null, sealed)], {
      expectedRevision: 0n,
    });
    await expect(collect(t.store.readStream(stream('c-1')))).rejects.toBeInstanceOf(
      SealedValueUnreadable,
    );
  });

  it('erases: the erasure is stored, the keys destroyed, every earlier profile reads erased', async () => {
    const old = profile('zdenka.old@contoso.cz');
    const next = profile('zdenka.new@contoso.cz');
    await t.store.append(stream('c-1'), [added('c-1', old), updated('c-1', old, next)], {
      expectedRevision: 'no_stream',
    });
    await t.store.append(stream('c-2'), [added('c-2', profile('other@contoso.cz'))], {
      expectedRevision: 'no_stream',
    });
    await t.store.append(stream('c-1'), [erasure('c-1')], { expectedRevision: 1n });
    const [first, second, third] = await dataOf(t.store.readStream(stream('c-1')));
    expect(first!.billingProfile).toEqual(erasedProfile(old));
    expect(second).toMatchObject({ old: erasedProfile(old), new: erasedProfile(next) });
    expect(third).toMatchObject({ erasedFields: ['email'] });
    expect(await t.keys.hasDestroyed('c-1')).toBe(true);
    const [other] = await dataOf(t.store.readStream(stream('c-2')));
    expect(other!.billingProfile).toEqual(profile('other@contoso.cz'));
  });

  it('seals a profile set after the erasure with a new key, which stays readable', async () => {
    const old = profile('zdenka.old@contoso.cz');
    await t.store.append(stream('c-1'), [added('c-1', old)], { expectedRevision: 'no_stream' });
    await t.store.append(stream('c-1'), [erasure('c-1')], { expectedRevision: 0n });
    const fresh = profile('zdenka.fresh@contoso.cz', 'Zdena');
    await t.store.append(stream('c-1'), [updated('c-1', erasedProfile(old), fresh)], {
      expectedRevision: 1n,
    });
    const data = await dataOf(t.store.readStream(stream('c-1')));
    expect(data[2]).toMatchObject({ old: erasedProfile(old), new: fresh });
    const stored = await dataOf(t.stored.readStream(stream('c-1')));
    expect(stored[2]!.old).toEqual(erasedProfile(old));
  });

  it('refuses an erasure while a profile of the customer is stored in clear, changing nothing', async () => {
    await t.stored.append(stream('c-1'), [added('c-1', profile('legacy@contoso.cz'))], {
      expectedRevision: 'no_stream',
    });
    await expect(
      t.store.append(stream('c-1'), [erasure('c-1')], { expectedRevision: 0n }),
    ).rejects.toBeInstanceOf(PersonalDataStoredInClear);
    expect(await collect(t.stored.readStream(stream('c-1')))).toHaveLength(1);
    expect(await t.keys.hasDestroyed('c-1')).toBe(false);
  });

  it('leaves the keys to the erasure follower when destroying fails after the append', async () => {
    const old = profile('zdenka.old@contoso.cz');
    await t.store.append(stream('c-1'), [added('c-1', old)], { expectedRevision: 'no_stream' });
    const destroy = jest.spyOn(t.keys, 'destroy').mockRejectedValueOnce(new Error('disk full'));
    const result = await t.store.append(stream('c-1'), [erasure('c-1')], { expectedRevision: 0n });
    expect(result.nextRevision).toBe(1n);
    expect(t.errors).toEqual([expect.objectContaining({ message: 'disk full' })]);
    destroy.mockRestore();
    const [before] = await dataOf(t.store.readStream(stream('c-1')));
    expect(before!.billingProfile).toEqual(old);

    const follower = t.store.erasureFollower();
    follower.start();
    try {
      expect(await follower.waitFor(result.position, 5000)).toBe(true);
    } finally {
      await follower.stop();
    }
    const [after] = await dataOf(t.store.readStream(stream('c-1')));
    expect(after!.billingProfile).toEqual(erasedProfile(old));
    expect(await t.keys.erasuresHandled()).toBe(result.position);
  });
});
