import type { GdapRelationshipEvent } from '@customer-workspace/gdap';
import {
  deliveredEventName,
  gdapWebhookNoticeOf,
  subscribedNoticeNames,
} from './gdap-webhook-events.js';

const ids = { relationshipId: 'r-1', partnerId: 'p-1', customerId: 'c-1' };

describe('the webhook notices of GDAP events', () => {
  it('points an approval, a termination and an expiry at the relationship', () => {
    const approved: GdapRelationshipEvent = {
      type: 'GdapRelationshipApproved',
      data: {
        ...ids,
        customerBoundAtApproval: false,
        activatedDateTime: '2026-01-01T00:00:00.000Z',
        endDateTime: '2026-03-02T00:00:00.000Z',
      },
    };
    expect(gdapWebhookNoticeOf(approved)).toEqual({
      eventName: 'granular-admin-relationship-approved',
      resourceName: 'gdap-relationship',
      resourceUri: '/v1/gdap-relationships/r-1',
    });
  });

  it('points an assignment at the relationship’s assignments', () => {
    const created: GdapRelationshipEvent = {
      type: 'GdapAccessAssignmentCreated',
      data: {
        ...ids,
        accessAssignmentId: 'a-1',
        securityGroupId: '00000000-0000-0000-0000-000000000001',
        roles: ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b'],
        createdDateTime: '2026-01-01T00:00:00.000Z',
      },
    };
    expect(gdapWebhookNoticeOf(created)).toMatchObject({
      eventName: 'granular-admin-access-assignment-created',
      resourceUri: '/v1/gdap-relationships/r-1/access-assignments',
    });
  });

  it('notifies nothing of a creation, an edit, a lock or an auto-extension', () => {
    const extended: GdapRelationshipEvent = {
      type: 'GdapRelationshipAutoExtended',
      data: {
        ...ids,
        previousEndDateTime: '2026-01-01T00:00:00.000Z',
        endDateTime: '2026-06-30T00:00:00.000Z',
      },
    };
    expect(gdapWebhookNoticeOf(extended)).toBeUndefined();
  });

  it('delivers the approval to an endpoint subscribed to activated, under that name', () => {
    expect(subscribedNoticeNames(['granular-admin-relationship-activated'])).toEqual([
      'granular-admin-relationship-activated',
      'granular-admin-relationship-approved',
    ]);
    expect(subscribedNoticeNames(['customer-created'])).toEqual(['customer-created']);
    const approved = 'granular-admin-relationship-approved';
    expect(deliveredEventName(approved, ['granular-admin-relationship-activated'])).toBe(
      'granular-admin-relationship-activated',
    );
    expect(
      deliveredEventName(approved, [
        'granular-admin-relationship-activated',
        'granular-admin-relationship-approved',
      ]),
    ).toBe(approved);
  });
});
