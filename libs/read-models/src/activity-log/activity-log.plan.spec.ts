import fc from 'fast-check';
import type { ActivityLogItem } from './activity-log.entry.js';
import type { ActivityLogFilter } from './activity-log.filter.js';
import { ActivityLogUnderTest } from './testing/activity-log.fixtures.js';
import { queryActivityLog } from './activity-log.query.js';

const START = Date.parse('2026-11-20T00:00:00.000Z');
const HOUR = 3_600_000;
const PARTNERS = ['contoso', 'fabrikam'];
const CUSTOMERS = ['c-1', 'c-2', 'c-3'];
const USERS = [
  { userId: 'u-1', upn: 'jana@contoso.example', role: 'admin-agent' },
  { userId: 'u-2', upn: 'petr@contoso.example', role: 'admin-agent' },
  // Its user id is its UPN: an entry of it matches the user filter once, not twice.
  { userId: 'eva@contoso.example', upn: 'eva@contoso.example', role: 'admin-agent' },
];

/** An event at a random hour of five days, out of time order as late consequences are. */
const eventArbitrary = fc.record({
  partnerId: fc.constantFrom(...PARTNERS),
  customerId: fc.option(fc.constantFrom(...CUSTOMERS), { nil: undefined }),
  assigned: fc.boolean(),
  actor: fc.constantFrom(...USERS),
  hour: fc.integer({ min: 0, max: 5 * 24 }),
});

const instantArbitrary = fc
  .integer({ min: -2, max: 5 * 24 + 2 })
  .map((hour) => new Date(START + hour * HOUR).toISOString());

/** Each filter present or not with even odds, so every combination (time only too) comes up. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.option(arbitrary, { nil: undefined, freq: 2 });

const filterArbitrary: fc.Arbitrary<ActivityLogFilter> = fc
  .record({
    from: sometimes(instantArbitrary),
    to: sometimes(instantArbitrary),
    customerId: sometimes(fc.constantFrom(...CUSTOMERS, 'c-none')),
    action: sometimes(
      fc.constantFrom('create_tag', 'assign_customer_tag', 'unassign_customer_tag' as const),
    ),
    user: sometimes(
      fc.constantFrom('u-1', 'petr@contoso.example', 'eva@contoso.example', 'nobody'),
    ),
  })
  .map((filter) =>
    Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)),
  );

type Given = typeof eventArbitrary extends fc.Arbitrary<infer T> ? T : never;

function eventOf({ partnerId, customerId, assigned }: Given) {
  if (customerId === undefined) {
    return { type: 'TagCreated', data: { partnerId, tagId: 't-1', name: 'VIP' } } as const;
  }
  return {
    type: assigned ? 'CustomerTagAssigned' : 'CustomerTagUnassigned',
    data: { partnerId, customerId, tagId: 't-1', tagName: 'VIP' },
  } as const;
}

/** What the filter means, applied to every entry (the planner must agree with it). */
function matches(item: ActivityLogItem, filter: ActivityLogFilter): boolean {
  const { performedBy: by } = item;
  return (
    (filter.from === undefined || item.occurredAt >= filter.from) &&
    (filter.to === undefined || item.occurredAt < filter.to) &&
    (filter.customerId === undefined || item.customerId === filter.customerId) &&
    (filter.action === undefined || item.action === filter.action) &&
    (filter.user === undefined || by.userId === filter.user || by.upn === filter.user)
  );
}

describe('activity-log query plans (against a brute-force filter)', () => {
  it('walks and counts exactly the matching entries, newest first, for any filter combination', () => {
    fc.assert(
      fc.property(
        fc.array(eventArbitrary, { minLength: 1, maxLength: 40 }),
        fc.array(filterArbitrary, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 7 }),
        (events, filters, limit) => {
          const log = new ActivityLogUnderTest();
          try {
            for (const given of events) {
              const occurredAt = new Date(START + given.hour * HOUR).toISOString();
              log.given([eventOf(given)], {
                partnerId: given.partnerId,
                actor: given.actor,
                occurredAt,
              });
            }
            for (const partnerId of PARTNERS) {
              const all = queryActivityLog(log.db, partnerId, {}, { limit: 500 }).items;
              for (const filter of filters) {
                const expected = all.filter((item) => matches(item, filter));
                const walked: ActivityLogItem[] = [];
                let before: bigint | undefined;
                let total: number | undefined;
                do {
                  const page = queryActivityLog(log.db, partnerId, filter, { limit, before });
                  walked.push(...page.items);
                  total ??= page.total;
                  before = page.nextCursor === null ? undefined : BigInt(page.nextCursor);
                } while (before !== undefined);
                expect(walked.map((item) => item.position)).toEqual(
                  expected.map((item) => item.position),
                );
                expect(total).toBe(expected.length);
              }
            }
          } finally {
            log.close();
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
