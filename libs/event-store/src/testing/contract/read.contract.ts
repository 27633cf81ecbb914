import type { ContractContext } from '../event-store.contract.js';
import { collect, testEvent, testEvents, testMetadata, uniqueCategory } from '../event-factory.js';

export function readContract(ctx: ContractContext): void {
  it('reads a stream forwards, backwards, from a revision and up to a count', async () => {
    const id = `${uniqueCategory('read')}-1`;
    await ctx.store.append(id, testEvents(5), { expectedRevision: 'no_stream' });
    const revisions = async (
      options: Parameters<typeof ctx.store.readStream>[1],
    ): Promise<bigint[]> =>
      (await collect(ctx.store.readStream(id, options))).map((e) => e.revision);
    expect(await revisions({})).toEqual([0n, 1n, 2n, 3n, 4n]);
    expect(await revisions({ direction: 'backwards' })).toEqual([4n, 3n, 2n, 1n, 0n]);
    expect(await revisions({ fromRevision: 2n, maxCount: 2 })).toEqual([2n, 3n]);
    expect(await revisions({ fromRevision: 2n, direction: 'backwards' })).toEqual([2n, 1n, 0n]);
  });

  it('yields nothing for a stream that does not exist', async () => {
    expect(await collect(ctx.store.readStream(`${uniqueCategory('none')}-1`))).toEqual([]);
  });

  it('returns the whole envelope as it was written', async () => {
    const id = `${uniqueCategory('envelope')}-7`;
    const metadata = testMetadata({ customerId: 'c-1', partnerId: 'p-9' });
    const event = {
      ...testEvent('CustomerAdded', { name: 'Contoso', nested: { list: [1, 'two', null] } }),
      metadata,
    };
    const { position } = await ctx.store.append(id, [event], { expectedRevision: 'no_stream' });
    const [stored] = await collect(ctx.store.readStream(id));
    expect(stored).toEqual({ ...event, streamId: id, revision: 0n, position });
  });

  it('reads all streams in global order, filtered by stream prefix or event-type prefix', async () => {
    const category = uniqueCategory('all');
    const typePrefix = uniqueCategory('Type');
    await ctx.store.append(`${category}-a`, [testEvent(`${typePrefix}A`)], {
      expectedRevision: 'no_stream',
    });
    await ctx.store.append(`${category}-b`, [testEvent('Other')], {
      expectedRevision: 'no_stream',
    });
    await ctx.store.append(`${category}-a`, [testEvent(`${typePrefix}B`)], {
      expectedRevision: 0n,
    });
    const byStream = await collect(
      ctx.store.readAll({ filter: { streamNamePrefixes: [category] } }),
    );
    expect(byStream.map((e) => [e.streamId, e.revision])).toEqual([
      [`${category}-a`, 0n],
      [`${category}-b`, 0n],
      [`${category}-a`, 1n],
    ]);
    const byType = await collect(
      ctx.store.readAll({ filter: { eventTypePrefixes: [typePrefix] } }),
    );
    expect(byType.map((e) => e.type)).toEqual([`${typePrefix}A`, `${typePrefix}B`]);
  });

  it('reads all from a position (inclusive) and up to a count', async () => {
    const category = uniqueCategory('from');
    const filter = { streamNamePrefixes: [category] };
    for (let n = 0; n < 4; n++)
      await ctx.store.append(`${category}-${n}`, [testEvent()], { expectedRevision: 'no_stream' });
    const all = await collect(ctx.store.readAll({ filter }));
    const third = all[2]!;
    const fromThird = await collect(ctx.store.readAll({ filter, fromPosition: third.position }));
    expect(fromThird.map((e) => e.eventId)).toEqual([all[2]!.eventId, all[3]!.eventId]);
    expect(await collect(ctx.store.readAll({ filter, maxCount: 3 }))).toHaveLength(3);
  });

  it('keeps events across a restart (reopened on the same data)', async () => {
    const id = `${uniqueCategory('restart')}-1`;
    const events = testEvents(3);
    await ctx.store.append(id, events, { expectedRevision: 'no_stream' });
    ctx.store = await ctx.harness.reopen(ctx.store);
    const stored = await collect(ctx.store.readStream(id));
    expect(stored.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
    const next = await ctx.store.append(id, testEvents(1), { expectedRevision: 2n });
    expect(next.nextRevision).toBe(3n);
  });

  it('round-trips a 1 MB payload', async () => {
    const id = `${uniqueCategory('big')}-1`;
    // 1 MB (10^6 bytes): EventStoreDB's default append limit is 1 MiB including metadata.
    const blob = 'x'.repeat(1_000_000);
    await ctx.store.append(id, [testEvent('Big', { blob })], { expectedRevision: 'no_stream' });
    const [stored] = await collect(ctx.store.readStream(id));
    expect((stored!.data as { blob: string }).blob).toBe(blob);
  });

  it('round-trips unicode in data, metadata and stream names', async () => {
    const id = `${uniqueCategory('unicode')}-Žluťoučký_kůň-árvíztűrő`;
    const data = {
      name: 'Příliš žluťoučký kůň úpěl ďábelské ódy',
      hu: 'Árvíztűrő tükörfúrógép',
      emoji: '👩‍💻🚀',
      rtl: 'שלום',
      zero: 'a\u0000b',
      surrogate: '\u{1F600}',
    };
    const event = {
      ...testEvent('Unicode', data),
      metadata: testMetadata({
        actor: { userId: 'ü', upn: 'jiří@příklad.cz', role: 'admin-agent' },
      }),
    };
    await ctx.store.append(id, [event], { expectedRevision: 'no_stream' });
    const [stored] = await collect(ctx.store.readStream(id));
    expect(stored!.data).toEqual(data);
    expect(stored!.metadata.actor.upn).toBe('jiří@příklad.cz');
    expect(stored!.streamId).toBe(id);
  });
}
