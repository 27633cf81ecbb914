import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../embedded/sqlite-event-store.js';
import { AppError } from '@customer-workspace/kernel';
import { WrongExpectedVersion } from '../event-store.errors.js';
import type { EventStore } from '../event-store.port.js';
import { collect } from '../testing/event-factory.js';
import { deciderSpecification } from '@customer-workspace/kernel/testing';
import {
  type CommandContext,
  type CommandOutcome,
  type CommandRequest,
  CommandRunner,
} from './command-runner.js';
import type { Decider } from '@customer-workspace/kernel';

// A tiny sample domain: a tally that can be incremented until it is closed.
type TallyCommand = { type: 'Increment'; by: number } | { type: 'Close' };
type TallyEvent =
  { type: 'Incremented'; data: { by: number } } | { type: 'Closed'; data: Record<string, never> };
type TallyState = { status: 'open'; total: number } | { status: 'closed'; total: number };

class TallyClosed extends AppError {
  readonly kind = 'rule';
  constructor() {
    super('tally-closed', 'The tally is closed');
  }
}

const tally: Decider<TallyCommand, TallyEvent, TallyState> = {
  initialState: () => ({ status: 'open', total: 0 }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'Incremented':
        return { ...state, total: state.total + event.data.by };
      case 'Closed':
        return { status: 'closed', total: state.total };
    }
  },
  decide: (command, state) => {
    if (state.status === 'closed') throw new TallyClosed();
    switch (command.type) {
      case 'Increment':
        return [{ type: 'Incremented', data: { by: command.by } }];
      case 'Close':
        return [{ type: 'Closed', data: {} }];
    }
  },
};

const context: CommandContext = {
  correlationId: 'corr-1',
  causationId: 'cause-1',
  actor: { userId: 'u-1', upn: 'agent@contoso.example', role: 'admin-agent' },
  partnerId: 'p-1',
  customerId: 'c-1',
  occurredAt: '2026-11-21T10:00:00.000Z',
};

/** `runner.run` with the request spelled out positionally, as most cases here read best. */
function handle(
  runner: CommandRunner,
  decider: typeof tally,
  streamId: string,
  command: TallyCommand,
  commandContext: CommandContext,
  options: Partial<CommandRequest<TallyCommand, TallyEvent, TallyState>> = {},
) {
  return runner.run({ decider, streamId, command, context: commandContext, ...options });
}

describe('the sample decider (given/when/then)', () => {
  const spec = deciderSpecification(tally);
  it('increments an open tally', () => {
    spec
      .given([])
      .when({ type: 'Increment', by: 2 })
      .then([{ type: 'Incremented', data: { by: 2 } }]);
  });
  it('refuses to increment a closed tally', () => {
    spec
      .given([{ type: 'Closed', data: {} }])
      .when({ type: 'Increment', by: 1 })
      .thenThrows(TallyClosed);
  });
});

describe('CommandRunner', () => {
  let dir: string;
  let store: EventStore;
  let outcomes: [string, CommandOutcome][];
  let handler: CommandRunner;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-handler-'));
    store = new SqliteEventStore({ dataDir: dir });
    outcomes = [];
    handler = new CommandRunner(store, (type, outcome) => outcomes.push([type, outcome]));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends the decided events with the full metadata and returns their position', async () => {
    const result = await handle(handler, tally, 'tally-1', { type: 'Increment', by: 3 }, context);
    const [stored] = await collect(store.readStream('tally-1'));
    expect(stored).toMatchObject({ type: 'Incremented', data: { by: 3 }, revision: 0n });
    expect(stored!.metadata).toEqual({ ...context, schemaVersion: 1 });
    expect(result).toMatchObject({ revision: 0n, position: stored!.position, state: { total: 3 } });
    expect(outcomes).toEqual([['Increment', 'accepted']]);
  });

  it('folds the stored events into the state the decider sees', async () => {
    await handle(handler, tally, 'tally-1', { type: 'Increment', by: 1 }, context);
    await handle(handler, tally, 'tally-1', { type: 'Close' }, context);
    await expect(
      handle(handler, tally, 'tally-1', { type: 'Increment', by: 1 }, context),
    ).rejects.toBeInstanceOf(TallyClosed);
    expect(await collect(store.readStream('tally-1'))).toHaveLength(2);
    expect(outcomes.at(-1)).toEqual(['Increment', 'rejected']);
  });

  it('retries a conflicting command declared safe, losing no update', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        handle(handler, tally, 'tally-1', { type: 'Increment', by: 1 }, context, {
          retriesOnConflict: 50,
        }),
      ),
    );
    const final = await handle(handler, tally, 'tally-1', { type: 'Increment', by: 0 }, context);
    expect(final.state.total).toBe(20);
    expect(outcomes.filter(([, o]) => o === 'accepted')).toHaveLength(21);
  });

  it('runs concurrent commands on one stream one after the other: each decides on the last', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => handle(handler, tally, 'tally-1', { type: 'Increment', by: 1 }, context)),
    );
    expect(results.map((result) => result.revision)).toEqual([0n, 1n, 2n]);
    expect(results.map((result) => result.state.total)).toEqual([1, 2, 3]);
    expect(outcomes.map(([, o]) => o)).toEqual(['accepted', 'accepted', 'accepted']);
  });

  it('does not retry a command declared unsafe to retry: losing to another writer is WrongExpectedVersion', async () => {
    // Another process (here: a second handler on the same store) races for the same stream.
    const elsewhere = new CommandRunner(store);
    const results = await Promise.allSettled(
      [handler, elsewhere].map((h) =>
        handle(h, tally, 'tally-1', { type: 'Increment', by: 1 }, context, {
          retriesOnConflict: 0,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: expect.any(WrongExpectedVersion),
    });
  });

  it('gives up after the declared number of retries', async () => {
    let appends = 0;
    const alwaysConflicting: EventStore = {
      ...store,
      readStream: (id) => store.readStream(id),
      append: async (id) => {
        appends++;
        throw new WrongExpectedVersion(id, 'no_stream', 5n);
      },
    };
    const conflicted = new CommandRunner(alwaysConflicting);
    await expect(
      handle(conflicted, tally, 'tally-1', { type: 'Increment', by: 1 }, context, {
        retriesOnConflict: 3,
      }),
    ).rejects.toBeInstanceOf(WrongExpectedVersion);
    expect(appends).toBe(4);
  });

  it('answers a retried command whose events are already stored (same ids) without deciding again', async () => {
    const options = { eventId: (i: number) => `00000000-0000-4000-8000-00000000001${i}` };
    const first = await handle(handler, tally, 'tally-2', { type: 'Close' }, context, options);
    // Deciding again would throw TallyClosed; the stored events show the command already happened.
    const retry = await handle(handler, tally, 'tally-2', { type: 'Close' }, context, options);
    expect(retry.position).toBe(first.position);
    expect(retry.state).toEqual({ status: 'closed', total: 0 });
    expect(await collect(store.readStream('tally-2'))).toHaveLength(1);
  });

  it('stores nothing twice when a command is handled again with the same event ids', async () => {
    const options = { eventId: (i: number) => `00000000-0000-4000-8000-00000000000${i}` };
    const first = await handle(
      handler,
      tally,
      'tally-1',
      { type: 'Increment', by: 1 },
      context,
      options,
    );
    const again = await handle(
      handler,
      tally,
      'tally-1',
      { type: 'Increment', by: 1 },
      context,
      options,
    );
    expect(again.position).toBe(first.position);
    expect(await collect(store.readStream('tally-1'))).toHaveLength(1);
  });
});

/**
 * The store, recording where each stream read starts (`undefined`: the stream's first event);
 * without its `revisionOf` unless `withIndex` (as EventStoreDB, which has no index by event id).
 */
function readsRecorded(
  store: EventStore,
  reads: (bigint | undefined)[],
  withIndex = false,
): EventStore {
  return {
    ...(withIndex && { revisionOf: store.revisionOf }),
    append: (id, events, options) => store.append(id, events, options),
    readStream: (id, options) => {
      reads.push(options?.fromRevision);
      return store.readStream(id, options);
    },
    readAll: (options) => store.readAll(options),
    checkAccess: (streams) => store.checkAccess(streams),
    subscribeToAll: (options) => store.subscribeToAll(options),
    headPosition: () => store.headPosition(),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}

describe('CommandHandler: the cached fold of each stream', () => {
  let dir: string;
  let store: EventStore;
  let reads: (bigint | undefined)[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-handler-cache-'));
    store = new SqliteEventStore({ dataDir: dir });
    reads = [];
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const increment = (by: number): TallyCommand => ({ type: 'Increment', by });

  it('reads only the events after the cached revision, including another process’s append', async () => {
    const handler = new CommandRunner(readsRecorded(store, reads));
    await handle(handler, tally, 'tally-1', increment(1), context);
    await handle(handler, tally, 'tally-1', increment(2), context);
    // Another writer (the CLI) appends to the same stream behind this handler's back.
    await handle(new CommandRunner(store), tally, 'tally-1', increment(10), context);
    const result = await handle(handler, tally, 'tally-1', increment(100), context);
    expect(result).toMatchObject({ state: { total: 113 }, revision: 3n });
    expect(reads).toEqual([undefined, 1n, 2n]);
  });

  it('answers a load from the cache with the last event’s position when nothing was appended', async () => {
    const handler = new CommandRunner(readsRecorded(store, reads));
    const first = await handle(handler, tally, 'tally-1', increment(1), context);
    const loaded = await handler.load(tally, 'tally-1');
    expect(loaded).toEqual({ state: first.state, revision: 0n, position: first.position });
    expect(reads).toEqual([undefined, 1n]);
  });

  it('keeps the fold after losing a race: the retry reads only the winner’s events', async () => {
    const handler = new CommandRunner(readsRecorded(store, reads));
    await handle(handler, tally, 'tally-1', increment(1), context);
    await Promise.all(
      [1, 2].map(() =>
        handle(handler, tally, 'tally-1', increment(1), context, { retriesOnConflict: 1 }),
      ),
    );
    const final = await handler.load(tally, 'tally-1');
    expect(final).toMatchObject({ state: { total: 3 }, revision: 2n });
    expect(reads.slice(1).every((from) => from !== undefined)).toBe(true);
  });

  it('forgets a stream whose conflict shows it ending before the cached fold', async () => {
    let conflictAt: bigint | 'no_stream' | undefined;
    const recorded = readsRecorded(store, reads);
    const handler = new CommandRunner({
      ...recorded,
      append: (id, events, options) =>
        conflictAt === undefined
          ? store.append(id, events, options)
          : Promise.reject(new WrongExpectedVersion(id, options.expectedRevision, conflictAt)),
    });
    await handle(handler, tally, 'tally-1', increment(1), context);
    await handle(handler, tally, 'tally-1', increment(1), context);
    // Each conflict is answered as it comes (no retry), so the reads show what it kept.
    const once = { retriesOnConflict: 0 };
    conflictAt = 5n;
    await expect(handle(handler, tally, 'tally-1', increment(1), context, once)).rejects.toThrow(
      WrongExpectedVersion,
    );
    conflictAt = 0n;
    await expect(handle(handler, tally, 'tally-1', increment(1), context, once)).rejects.toThrow(
      WrongExpectedVersion,
    );
    await handler.load(tally, 'tally-1');
    // A conflict at or after the cached revision keeps it; one before it drops it.
    expect(reads).toEqual([undefined, 1n, 2n, 2n, undefined]);
  });

  it('keeps at most `cachedStreams` streams, dropping the least recently used', async () => {
    const handler = new CommandRunner(readsRecorded(store, reads), undefined, {
      cachedStreams: 2,
    });
    for (const id of ['tally-1', 'tally-2', 'tally-1', 'tally-3'])
      await handle(handler, tally, id, increment(1), context);
    reads.length = 0;
    await handler.load(tally, 'tally-1');
    await handler.load(tally, 'tally-3');
    await handler.load(tally, 'tally-2');
    expect(reads).toEqual([2n, 1n, undefined]);
  });

  it('keeps no fold when the store answers with an append elsewhere in the stream', async () => {
    let misplaced = false;
    const handler = new CommandRunner({
      ...readsRecorded(store, reads),
      append: async (id, events, options) => {
        const appended = await store.append(id, events, options);
        return misplaced ? { ...appended, nextRevision: appended.nextRevision + 1n } : appended;
      },
    });
    await handle(handler, tally, 'tally-1', increment(1), context);
    misplaced = true;
    await handle(handler, tally, 'tally-1', increment(2), context);
    await handle(new CommandRunner(store), tally, 'tally-1', increment(10), context);
    expect((await handler.load(tally, 'tally-1')).state.total).toBe(13);
  });

  it('still recognises a retried command’s stored events (same ids) when its stream is cached', async () => {
    const handler = new CommandRunner(store);
    const options = { eventId: (i: number) => `00000000-0000-4000-8000-00000000002${i}` };
    const first = await handle(handler, tally, 'tally-1', { type: 'Close' }, context, options);
    await handler.load(tally, 'tally-1');
    const retry = await handle(handler, tally, 'tally-1', { type: 'Close' }, context, options);
    expect(retry).toMatchObject({ events: [], position: first.position });
  });

  it('reads only the tail for a keyed command when the store looks event ids up: its cost does not grow with the stream', async () => {
    const handler = new CommandRunner(readsRecorded(store, reads, true));
    const key = (n: number) => ({
      eventId: (i: number) => `00000000-0000-4000-8000-0000000003${n}${i}`,
    });
    for (let n = 0; n < 5; n++)
      await handle(handler, tally, 'tally-1', increment(1), context, key(n));
    // The first read folds the new stream; each later one starts after the cached revision.
    expect(reads).toEqual([undefined, 1n, 2n, 3n, 4n]);
  });

  it('recognises a keyed retry through the index, answering the first attempt from its stored event', async () => {
    const handler = new CommandRunner(readsRecorded(store, reads, true));
    const key = { eventId: (i: number) => `00000000-0000-4000-8000-00000000004${i}` };
    const first = await handle(handler, tally, 'tally-1', increment(5), context, key);
    await handle(handler, tally, 'tally-1', increment(1), context);
    const retry = await handle(handler, tally, 'tally-1', increment(5), context, key);
    expect(retry).toMatchObject({ events: [], position: first.position, state: { total: 6 } });
    expect(retry.replayed?.events).toEqual([{ type: 'Incremented', data: { by: 5 } }]);
    // The retry read the (empty) tail, then the stream from its first event's revision.
    expect(reads.slice(-2)).toEqual([2n, 0n]);
  });

  it('reads the whole stream for a keyed command where the store has no index by event id', async () => {
    const handler = new CommandRunner(readsRecorded(store, reads));
    const key = { eventId: (i: number) => `00000000-0000-4000-8000-00000000005${i}` };
    const first = await handle(handler, tally, 'tally-1', increment(5), context, key);
    await handle(handler, tally, 'tally-1', increment(1), context);
    const retry = await handle(handler, tally, 'tally-1', increment(5), context, key);
    expect(retry).toMatchObject({ events: [], position: first.position, state: { total: 6 } });
    expect(reads).toEqual([undefined, 1n, undefined]);
  });

  it('leaves the cache true after a decide or an evolve that throws', async () => {
    let failEvolve = false;
    const fragile: typeof tally = {
      ...tally,
      evolve: (state, event) => {
        if (failEvolve) throw new Error('evolve failed');
        return tally.evolve(state, event);
      },
      decide: (command, state) => {
        if (command.type === 'Increment' && command.by < 0) throw new Error('decide failed');
        return tally.decide(command, state);
      },
    };
    const handler = new CommandRunner(readsRecorded(store, reads));
    await handle(handler, fragile, 'tally-1', increment(1), context);
    await expect(handle(handler, fragile, 'tally-1', increment(-1), context)).rejects.toThrow(
      'decide failed',
    );
    await handle(new CommandRunner(store), tally, 'tally-1', increment(2), context);
    failEvolve = true;
    await expect(handler.load(fragile, 'tally-1')).rejects.toThrow('evolve failed');
    failEvolve = false;
    const result = await handle(handler, fragile, 'tally-1', increment(4), context);
    expect(result).toMatchObject({ state: { total: 7 }, revision: 2n });
    expect(reads).toEqual([undefined, 1n, 1n, 1n]);
  });
});

describe('CommandRunner: what every use case shares', () => {
  let dir: string;
  let store: SqliteEventStore;
  let runner: CommandRunner;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-runner-'));
    store = new SqliteEventStore({ dataDir: dir });
    runner = new CommandRunner(store);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('decides again after losing a race by default: both racing writers are stored', async () => {
    const elsewhere = new CommandRunner(store);
    const results = await Promise.allSettled(
      [runner, elsewhere].map((r) =>
        handle(r, tally, 'tally-9', { type: 'Increment', by: 1 }, context),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect((await runner.load(tally, 'tally-9')).state.total).toBe(2);
  });

  it('answers a retried command with the events and the metadata its first attempt stored', async () => {
    const eventId = (i: number) => `00000000-0000-4000-8000-00000000009${i}`;
    const first = await handle(runner, tally, 'tally-9', { type: 'Increment', by: 4 }, context, {
      eventId,
    });
    const later = { ...context, correlationId: 'corr-2', occurredAt: '2026-11-22T08:00:00.000Z' };
    const retry = await handle(runner, tally, 'tally-9', { type: 'Increment', by: 4 }, later, {
      eventId,
    });
    expect(first.replayed).toBeUndefined();
    expect(retry).toMatchObject({ events: [], position: first.position });
    expect(retry.replayed).toEqual({
      events: [{ type: 'Incremented', data: { by: 4 } }],
      metadata: { ...context, schemaVersion: 1 },
    });
  });

  it('writes each event at the schema version declared for its type', async () => {
    const versions: Record<string, number> = { Incremented: 3, Closed: 1 };
    const versioned = new CommandRunner(store, undefined, {
      schemaVersionOf: (type) => versions[type] ?? 0,
    });
    await handle(versioned, tally, 'tally-8', { type: 'Increment', by: 1 }, context);
    await handle(versioned, tally, 'tally-8', { type: 'Close' }, context);
    const stored = await collect(store.readStream('tally-8'));
    expect(stored.map((event) => [event.type, event.metadata.schemaVersion])).toEqual([
      ['Incremented', 3],
      ['Closed', 1],
    ]);
  });

  it('puts the global position into the view it answers, as a decimal string', async () => {
    const answer = await runner.answer(
      { decider: tally, streamId: 'tally-9', command: { type: 'Increment', by: 2 }, context },
      ({ state }) => ({ total: state.total }),
    );
    const [stored] = await collect(store.readStream('tally-9'));
    expect(answer).toEqual({ total: 2, position: stored!.position.toString() });
  });
});
