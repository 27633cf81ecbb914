import type { ActivityLogFilter } from './activity-log.filter.js';
import { ActivityLogUnderTest } from './testing/activity-log.fixtures.js';
import { activityLogEntryAt, queryActivityLog } from './activity-log.query.js';

const jana = { userId: 'u-jana', upn: 'jana@contoso.example', role: 'admin-agent' };
const petr = { userId: 'u-petr', upn: 'petr@contoso.example', role: 'sales-agent' };
const tag = (partnerId: string, tagId: string) =>
  ({ type: 'TagCreated', data: { partnerId, tagId, name: tagId } }) as const;
const assigned = (customerId: string, tagId: string) =>
  ({
    type: 'CustomerTagAssigned',
    data: { partnerId: 'contoso', customerId, tagId, tagName: tagId },
  }) as const;

describe('activity-log query', () => {
  let log: ActivityLogUnderTest;
  // Positions 1..6 for contoso, one for fabrikam.
  beforeEach(() => {
    log = new ActivityLogUnderTest();
    const on = (day: string, actor = jana) => ({
      partnerId: 'contoso',
      actor,
      occurredAt: `2026-11-${day}T12:00:00.000Z`,
    });
    log.given([tag('contoso', 't-1')], on('20'));
    log.given([assigned('c-1', 't-1')], { ...on('21'), customerId: 'c-1' });
    log.given([assigned('c-2', 't-1')], { ...on('21', petr), customerId: 'c-2' });
    log.given([tag('contoso', 't-2')], on('22', petr));
    log.given([assigned('c-1', 't-2')], { ...on('23', petr), customerId: 'c-1' });
    log.given([tag('contoso', 't-3')], on('24'));
    log.given([tag('fabrikam', 't-9')], { ...on('21'), partnerId: 'fabrikam' });
  });
  afterEach(() => log.close());

  const positions = (filter: ActivityLogFilter, limit = 500) => {
    const page = queryActivityLog(log.db, 'contoso', filter, { limit });
    return { positions: page.items.map((item) => Number(item.position)), total: page.total };
  };

  it('lists the partner’s entries newest first with their total, and none of another partner’s', () => {
    expect(positions({})).toEqual({ positions: [6, 5, 4, 3, 2, 1], total: 6 });
    expect(queryActivityLog(log.db, 'fabrikam', {}, { limit: 50 }).items).toHaveLength(1);
    expect(queryActivityLog(log.db, 'nobody', {}, { limit: 50 })).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
    });
  });

  it('filters by time: from inclusive, to exclusive', () => {
    const from = '2026-11-21T12:00:00.000Z';
    const to = '2026-11-23T12:00:00.000Z';
    expect(positions({ from })).toEqual({ positions: [6, 5, 4, 3, 2], total: 5 });
    expect(positions({ to })).toEqual({ positions: [4, 3, 2, 1], total: 4 });
    expect(positions({ from, to })).toEqual({ positions: [4, 3, 2], total: 3 });
  });

  it('filters by customer, by action and by user (user id or UPN)', () => {
    expect(positions({ customerId: 'c-1' }).positions).toEqual([5, 2]);
    expect(positions({ action: 'create_tag' }).positions).toEqual([6, 4, 1]);
    expect(positions({ user: 'u-petr' }).positions).toEqual([5, 4, 3]);
    expect(positions({ user: 'petr@contoso.example' }).positions).toEqual([5, 4, 3]);
  });

  it('combines every filter', () => {
    expect(
      positions({
        from: '2026-11-21T00:00:00.000Z',
        to: '2026-11-24T00:00:00.000Z',
        customerId: 'c-1',
        action: 'assign_customer_tag',
        user: 'jana@contoso.example',
      }),
    ).toEqual({ positions: [2], total: 1 });
    expect(positions({ customerId: 'c-2', user: 'u-jana' })).toEqual({ positions: [], total: 0 });
    // The customer (2 entries) drives, so the user (3) is checked on the entry: id or UPN.
    expect(positions({ customerId: 'c-1', user: 'petr@contoso.example' })).toEqual({
      positions: [5],
      total: 1,
    });
    expect(positions({ upTo: 4n, user: 'u-petr' }).positions).toEqual([4, 3]);
  });

  it('walks every page by cursor, each entry exactly once, even while entries are added', () => {
    const seen: string[] = [];
    let before: bigint | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = queryActivityLog(log.db, 'contoso', {}, { limit: 4, before });
      expect(page.total).toBeGreaterThanOrEqual(6);
      seen.push(...page.items.map((item) => item.position));
      if (page.nextCursor === null) break;
      before = BigInt(page.nextCursor);
      log.given([tag('contoso', `new-${pages}`)], { partnerId: 'contoso' });
    }
    expect(seen).toEqual(['6', '5', '4', '3', '2', '1']);
  });

  it('answers no next cursor when the last page is exactly full', () => {
    expect(queryActivityLog(log.db, 'contoso', {}, { limit: 6 }).nextCursor).toBeNull();
    expect(queryActivityLog(log.db, 'contoso', {}, { limit: 5 }).nextCursor).toBe('2');
  });

  it('finds one entry of the partner by its position, as the list shows it, and none of another partner', () => {
    const listed = queryActivityLog(log.db, 'contoso', {}, { limit: 500 }).items;
    expect(activityLogEntryAt(log.db, 'contoso', 2n)).toEqual(
      listed.find((i) => i.position === '2'),
    );
    expect(activityLogEntryAt(log.db, 'contoso', 2n)).toMatchObject({
      action: 'assign_customer_tag',
    });
    expect(activityLogEntryAt(log.db, 'fabrikam', 7n)).toMatchObject({ action: 'create_tag' });
    expect(activityLogEntryAt(log.db, 'contoso', 7n)).toBeUndefined();
    expect(activityLogEntryAt(log.db, 'fabrikam', 2n)).toBeUndefined();
    expect(activityLogEntryAt(log.db, 'contoso', 99n)).toBeUndefined();
    expect(activityLogEntryAt(log.db, 'contoso', 2n ** 64n - 1n)).toBeUndefined();
  });
});
