import { WrongExpectedVersion } from '../../event-store.errors.js';
import type { ContractContext } from '../event-store.contract.js';
import { collect, testEvent, testEvents, uniqueCategory } from '../event-factory.js';

export function appendContract(ctx: ContractContext): void {
  const stream = (): string => `${uniqueCategory('append')}-1`;

  it('appends to a new stream and returns its revision and global position', async () => {
    const id = stream();
    const first = await ctx.store.append(id, testEvents(2), { expectedRevision: 'no_stream' });
    expect(first.nextRevision).toBe(1n);
    expect(first.position).toBeGreaterThan(0n);
    const second = await ctx.store.append(id, testEvents(1), { expectedRevision: 1n });
    expect(second.nextRevision).toBe(2n);
    expect(second.position).toBeGreaterThan(first.position);
  });

  it('refuses no_stream on an existing stream with the actual revision', async () => {
    const id = stream();
    await ctx.store.append(id, testEvents(3), { expectedRevision: 'no_stream' });
    const error = await ctx.store
      .append(id, testEvents(1), { expectedRevision: 'no_stream' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedVersion);
    expect(error).toMatchObject({ streamId: id, expected: 'no_stream', actual: 2n });
  });

  it('refuses a stale revision and stream_exists on a missing stream', async () => {
    const id = stream();
    await ctx.store.append(id, testEvents(2), { expectedRevision: 'no_stream' });
    await expect(
      ctx.store.append(id, testEvents(1), { expectedRevision: 0n }),
    ).rejects.toMatchObject({
      expected: 0n,
      actual: 1n,
    });
    await expect(
      ctx.store.append(stream(), testEvents(1), { expectedRevision: 'stream_exists' }),
    ).rejects.toMatchObject({
      code: 'wrong-expected-version',
      actual: 'no_stream',
    });
    expect(await collect(ctx.store.readStream(id))).toHaveLength(2);
  });

  it('appends with any and stream_exists without a revision check', async () => {
    const id = stream();
    await ctx.store.append(id, testEvents(1), { expectedRevision: 'any' });
    await ctx.store.append(id, testEvents(1), { expectedRevision: 'stream_exists' });
    const result = await ctx.store.append(id, testEvents(1), { expectedRevision: 'any' });
    expect(result.nextRevision).toBe(2n);
  });

  it('lets exactly one of many concurrent appends at one expected revision win', async () => {
    const id = stream();
    await ctx.store.append(id, testEvents(1), { expectedRevision: 'no_stream' });
    const attempts = Array.from({ length: 20 }, () =>
      ctx.store.append(id, [testEvent()], { expectedRevision: 0n }).then(
        () => 'won',
        (error: unknown) => (error instanceof WrongExpectedVersion ? 'lost' : error),
      ),
    );
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'lost')).toHaveLength(19);
    expect(await collect(ctx.store.readStream(id))).toHaveLength(2);
  });

  it('stores nothing twice when the same events are appended again (a retried request)', async () => {
    const id = stream();
    const events = testEvents(3);
    const first = await ctx.store.append(id, events, { expectedRevision: 'no_stream' });
    const retry = await ctx.store.append(id, events, { expectedRevision: 'no_stream' });
    expect(retry).toEqual(first);
    const stored = await collect(ctx.store.readStream(id));
    expect(stored.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
  });

  it('answers both of two identical appends made at once (a retry racing its first attempt)', async () => {
    const id = stream();
    await ctx.store.append(id, testEvents(1), { expectedRevision: 'no_stream' });
    const events = testEvents(2);
    const [first, second] = await Promise.all([
      ctx.store.append(id, events, { expectedRevision: 0n }),
      ctx.store.append(id, events, { expectedRevision: 0n }),
    ]);
    expect(second).toEqual(first);
    expect(first.nextRevision).toBe(2n);
    const stored = await collect(ctx.store.readStream(id));
    expect(stored.map((e) => e.eventId).slice(1)).toEqual(events.map((e) => e.eventId));
  });

  it('keeps events of concurrent appends to different streams in one global order', async () => {
    const category = uniqueCategory('order');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        ctx.store.append(`${category}-${n}`, testEvents(2), { expectedRevision: 'no_stream' }),
      ),
    );
    const positions = results.map((r) => r.position);
    expect(new Set(positions).size).toBe(10);
    const all = await collect(ctx.store.readAll({ filter: { streamNamePrefixes: [category] } }));
    expect(all).toHaveLength(20);
    const ordered = [...all].sort((a, b) => (a.position < b.position ? -1 : 1));
    expect(all.map((e) => e.eventId)).toEqual(ordered.map((e) => e.eventId));
  });
}
