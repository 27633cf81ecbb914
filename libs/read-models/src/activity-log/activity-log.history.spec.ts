import { activityLogInOrder } from './activity-log.history.js';
import { ActivityLogUnderTest } from './testing/activity-log.fixtures.js';

const added = (customerId: string, partnerId: string) =>
  ({
    type: 'CustomerAdded',
    data: {
      customerId,
      companyProfile: { companyName: `Company ${customerId}`, domain: `${customerId}.example` },
      billingProfile: null,
      addedByPartnerId: partnerId,
    },
  }) as const;

describe('activityLogInOrder', () => {
  let log: ActivityLogUnderTest;
  beforeEach(() => {
    log = new ActivityLogUnderTest();
    const actor = { userId: 'u-1', upn: 'jana@contoso.example', role: 'admin-agent' };
    log.given([added('c-1', 'contoso'), added('c-2', 'fabrikam'), added('c-3', 'contoso')], {
      partnerId: 'contoso',
      actor,
    });
    log.given([added('c-4', 'contoso')], { partnerId: 'contoso', actor });
  });
  afterEach(() => log.close());

  it('reads one partner’s entries oldest first, as the api shows them, up to a position', () => {
    const all = [...activityLogInOrder(log.file, 'contoso', 100n)];
    expect(all.map((item) => [item.position, item.customerId])).toEqual([
      ['1', 'c-1'],
      ['3', 'c-3'],
      ['4', 'c-4'],
    ]);
    expect(all[0]).toMatchObject({ action: 'add_customer', customerName: 'Company c-1' });
    expect([...activityLogInOrder(log.file, 'contoso', 3n)].map((item) => item.position)).toEqual([
      '1',
      '3',
    ]);
    expect([...activityLogInOrder(log.file, 'nobody', 100n)]).toEqual([]);
  });
});
