import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../embedded/sqlite-event-store.js';
import { AppError, WrongExpectedVersion } from '../event-store.errors.js';
import type { EventStore } from '../event-store.port.js';
import { collect } from '../testing/event-factory.js';
import { deciderSpecification } from '../testing/decider-specification.js';
import { CommandHandler, type CommandContext, type CommandOutcome } from './command-handler.js';
import type { Decider } from './decider.js';

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

describe('CommandHandler', () => {
  let dir: string;
  let store: EventStore;
  let outcomes: [string, CommandOutcome][];
  let handler: CommandHandler;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-handler-'));
    store = new SqliteEventStore({ dataDir: dir });
    outcomes = [];
    handler = new CommandHandler(store, (type, outcome) => outcomes.push([type, outcome]));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends the decided events with the full metadata and returns their position', async () => {
    const result = await handler.handle(tally, 'tally-1', { type: 'Increment', by: 3 }, context);
    const [stored] = await collect(store.readStream('tally-1'));
    expect(stored).toMatchObject({ type: 'Incremented', data: { by: 3 }, revision: 0n });
    expect(stored!.metadata).toEqual({ ...context, schemaVersion: 1 });
    expect(result).toMatchObject({ revision: 0n, position: stored!.position, state: { total: 3 } });
    expect(outcomes).toEqual([['Increment', 'accepted']]);
  });

  it('folds the stored events into the state the decider sees', async () => {
    await handler.handle(tally, 'tally-1', { type: 'Increment', by: 1 }, context);
    await handler.handle(tally, 'tally-1', { type: 'Close' }, context);
    await expect(
      handler.handle(tally, 'tally-1', { type: 'Increment', by: 1 }, context),
    ).rejects.toBeInstanceOf(TallyClosed);
    expect(await collect(store.readStream('tally-1'))).toHaveLength(2);
    expect(outcomes.at(-1)).toEqual(['Increment', 'rejected']);
  });

  it('retries a conflicting command declared safe, losing no update', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        handler.handle(tally, 'tally-1', { type: 'Increment', by: 1 }, context, {
          retriesOnConflict: 50,
        }),
      ),
    );
    const final = await handler.handle(tally, 'tally-1', { type: 'Increment', by: 0 }, context);
    expect(final.state.total).toBe(20);
    expect(outcomes.filter(([, o]) => o === 'accepted')).toHaveLength(21);
  });

  it('does not retry a command that is not declared safe: the loser gets WrongExpectedVersion', async () => {
    const results = await Promise.allSettled(
      [1, 2].map(() => handler.handle(tally, 'tally-1', { type: 'Increment', by: 1 }, context)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: expect.any(WrongExpectedVersion),
    });
    expect(outcomes.map(([, o]) => o).sort()).toEqual(['accepted', 'conflict']);
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
    const conflicted = new CommandHandler(alwaysConflicting);
    await expect(
      conflicted.handle(tally, 'tally-1', { type: 'Increment', by: 1 }, context, {
        retriesOnConflict: 3,
      }),
    ).rejects.toBeInstanceOf(WrongExpectedVersion);
    expect(appends).toBe(4);
  });

  it('answers a retried command whose events are already stored (same ids) without deciding again', async () => {
    const options = { eventId: (i: number) => `00000000-0000-4000-8000-00000000001${i}` };
    const first = await handler.handle(tally, 'tally-2', { type: 'Close' }, context, options);
    // Deciding again would throw TallyClosed; the stored events show the command already happened.
    const retry = await handler.handle(tally, 'tally-2', { type: 'Close' }, context, options);
    expect(retry.position).toBe(first.position);
    expect(retry.state).toEqual({ status: 'closed', total: 0 });
    expect(await collect(store.readStream('tally-2'))).toHaveLength(1);
  });

  it('stores nothing twice when a command is handled again with the same event ids', async () => {
    const options = { eventId: (i: number) => `00000000-0000-4000-8000-00000000000${i}` };
    const first = await handler.handle(
      tally,
      'tally-1',
      { type: 'Increment', by: 1 },
      context,
      options,
    );
    const again = await handler.handle(
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
