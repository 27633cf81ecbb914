import type { ContractContext } from '../event-store.contract.js';
import { collect, testEvent, testEvents, uniqueCategory } from '../event-factory.js';

/**
 * What a shared store holds besides our events: other applications' streams, events without our
 * metadata, our event type names on streams that are not ours. A filtered reader sees none of
 * it; an event inside its filter that it cannot read still fails it.
 */
export function foreignContract(ctx: ContractContext): void {
  async function plantForeign(category: string): Promise<void> {
    // Not written by this codebase: no metadata, data of another shape, one of our type names.
    await ctx.harness.plant(`${category}-7`, { type: 'CustomerAdded', data: '{"shape":"other"}' });
    await ctx.harness.plant(`${category}-8`, { type: 'Raw', data: 'not json', metadata: '[1]' });
  }

  it('filtered reads, subscriptions and the head never see events outside the filter', async () => {
    const ours = uniqueCategory('ours');
    const foreign = uniqueCategory('envelope');
    const filter = { streamNamePrefixes: [`${ours}-`] };
    await plantForeign(foreign);
    const first = await ctx.store.append(`${ours}-1`, testEvents(2), { expectedRevision: 'any' });
    await plantForeign(foreign);
    const last = await ctx.store.append(`${ours}-2`, testEvents(1), { expectedRevision: 'any' });
    await plantForeign(foreign);

    const read = await collect(ctx.store.readAll({ filter }));
    expect(read.map((e) => e.streamId)).toEqual([`${ours}-1`, `${ours}-1`, `${ours}-2`]);
    expect(read[1]!.position).toBe(first.position);
    expect(await ctx.store.headPosition(filter)).toBe(last.position);
    const backwards = await collect(ctx.store.readAll({ filter, direction: 'backwards' }));
    expect(backwards.map((e) => e.eventId)).toEqual(read.map((e) => e.eventId).reverse());

    const subscription = ctx.store.subscribeToAll({ filter });
    const received = [];
    for await (const event of subscription) {
      received.push(event.eventId);
      if (received.length === 3) break;
    }
    await subscription.stop();
    expect(received).toEqual(read.map((e) => e.eventId));

    // The head keeps up with what is written after it was first looked for.
    const later = await ctx.store.append(`${ours}-3`, testEvents(1), { expectedRevision: 'any' });
    expect(await ctx.store.headPosition(filter)).toBe(later.position);
    await plantForeign(foreign);
    expect(await ctx.store.headPosition(filter)).toBe(later.position);
  });

  it('an event inside the filter that cannot be read fails the reader loudly', async () => {
    const ours = uniqueCategory('ours');
    const filter = { streamNamePrefixes: [`${ours}-`] };
    await ctx.store.append(`${ours}-1`, testEvents(1), { expectedRevision: 'no_stream' });
    await ctx.harness.plant(`${ours}-2`, { type: 'CustomerAdded', data: '{"shape":"other"}' });
    await expect(collect(ctx.store.readAll({ filter }))).rejects.toThrow(/metadata/i);
    const subscription = ctx.store.subscribeToAll({ filter });
    await expect(collect(subscription)).rejects.toThrow(/metadata/i);
    await subscription.stop();
  });

  it('reads all backwards from the end, up to a count', async () => {
    const category = uniqueCategory('back');
    const filter = { streamNamePrefixes: [category] };
    await ctx.store.append(`${category}-1`, testEvents(3), { expectedRevision: 'no_stream' });
    await ctx.store.append(`${category}-2`, [testEvent()], { expectedRevision: 'no_stream' });
    const all = await collect(ctx.store.readAll({ filter }));
    const lastTwo = await collect(
      ctx.store.readAll({ filter, direction: 'backwards', maxCount: 2 }),
    );
    expect(lastTwo.map((e) => e.eventId)).toEqual([all[3]!.eventId, all[2]!.eventId]);
    expect(await ctx.store.headPosition({ streamNamePrefixes: [uniqueCategory('none')] })).toBe(0n);
  });

  it('closes promptly after a read of $all is stopped early', async () => {
    const category = uniqueCategory('early');
    const filter = { streamNamePrefixes: [category] };
    // Enough behind the first event that the read is still sending when it is stopped.
    const big = { blob: 'x'.repeat(200_000) };
    for (let n = 0; n < 4; n++)
      await ctx.store.append(`${category}-${n}`, [testEvent('SomethingHappened', big)], {
        expectedRevision: 'no_stream',
      });
    await ctx.store.append(`${category}-9`, testEvents(600), { expectedRevision: 'no_stream' });
    for (const options of [{ filter }, { filter: { eventTypePrefixes: ['SomethingHappened'] } }]) {
      for await (const event of ctx.store.readAll(options)) {
        void event;
        break;
      }
    }
    // A read left open would hold the close (and the reopen) past the test's timeout.
    ctx.store = await ctx.harness.reopen(ctx.store);
    expect(await collect(ctx.store.readAll({ filter, maxCount: 2 }))).toHaveLength(2);
  });
}
