import type { DomainEvent } from '@customer-workspace/kernel';
import { assertNever } from '@customer-workspace/kernel';
import { ProjectionHarness } from '../testing/projection-harness.js';
import { readCheckpoint } from './read-model-database.js';
import { defineProjection, type HandledEvent } from './projection.js';

type TallyEvent =
  | DomainEvent<'Counted', { readonly n: number }>
  | DomainEvent<'Reset', { readonly partnerId: string }>
  | DomainEvent<'Ignored', { readonly partnerId: string }>;

const TALLY_EVENTS = ['Counted', 'Reset'] as const;
type Tallied = HandledEvent<TallyEvent, typeof TALLY_EVENTS>;

const tally = defineProjection<Tallied>({
  name: 'tally',
  version: 1,
  handles: TALLY_EVENTS,
  createSchema: (db) => db.exec('CREATE TABLE counts (n INTEGER NOT NULL)'),
  prepare: (db) => {
    const add = db.prepare('INSERT INTO counts (n) VALUES (?)');
    const reset = db.prepare('DELETE FROM counts');
    return (event) => {
      switch (event.type) {
        case 'Counted':
          add.run(event.data.n);
          return;
        case 'Reset':
          reset.run();
          return;
        default:
          assertNever(event);
      }
    };
  },
});

describe('defineProjection', () => {
  let harness: ProjectionHarness;
  beforeEach(() => (harness = new ProjectionHarness(tally)));
  afterEach(() => harness.close());

  it('applies only the types it handles, and still checkpoints past the others', () => {
    harness.given(
      { type: 'Counted', data: { n: 1, partnerId: 'p' } },
      { type: 'Ignored', data: { partnerId: 'p' } },
      { type: 'SomethingElse', data: { partnerId: 'p' } },
      { type: 'Counted', data: { n: 2, partnerId: 'p' } },
    );
    expect(harness.db.prepare('SELECT n FROM counts ORDER BY n').pluck().all()).toEqual([1, 2]);
    expect(readCheckpoint(harness.db)).toBe(4n);
  });

  it('keeps what the runner needs of the definition, not its list', () => {
    expect(tally).toEqual({
      name: 'tally',
      version: 1,
      createSchema: expect.any(Function),
      prepare: expect.any(Function),
    });
  });
});
