import { GDAP_WEBHOOK_EVENTS } from '@customer-workspace/gdap';
import {
  eventually as eventuallyReceived,
  startReceiver,
  type WebhookReceiver,
} from '../../fixtures/webhook-receiver.js';
import {
  activeRelationship,
  DAY_MS,
  eventuallyEvent,
  GLOBAL_READER,
  gdapWorld,
  type GdapWorld,
  SECURITY_GROUP,
} from './gdap.fixtures.js';

const LOOPBACK = {
  WEBHOOKS_ALLOW_HTTP: 'true',
  WEBHOOKS_ALLOWED_HOSTS: '127.0.0.1',
  WEBHOOKS_RETRY_SCHEDULE: '0.05,0.05,0.05',
  WEBHOOKS_TIMEOUT_MS: '400',
};

interface Entry {
  action: string;
  resourceType: string;
  customerId: string | null;
  oldValue?: Record<string, unknown>;
  newValue?: Record<string, unknown>;
  performedBy: { role: string };
}

describe('GDAP in the activity log and in webhooks', () => {
  let world: GdapWorld;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    world = await gdapWorld(LOOPBACK);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await world.api.close();
    await receiver.close();
  });

  const register = async (path: string, events: string[]) =>
    world.http
      .post('/v1/webhooks')
      .set('Authorization', world.contoso)
      .send({ url: receiver.url(path), events })
      .expect(201);
  const log = async (minPosition: string) =>
    (
      await world.http
        .get(
          `/v1/activity-logs?customerId=${world.customerId}&limit=500&minPosition=${minPosition}`,
        )
        .set('Authorization', world.contoso)
        .expect(200)
    ).body.items as Entry[];

  it('lists the granular-admin-* event names', async () => {
    const { body } = await world.http
      .get('/v1/webhooks/events')
      .set('Authorization', world.contosoHelpdesk)
      .expect(200);
    const gdapNames = [...new Set(Object.values(GDAP_WEBHOOK_EVENTS).flat())];
    expect(gdapNames).toHaveLength(6);
    expect(body.items).toEqual(expect.arrayContaining(gdapNames));
  });

  it('records every step with old and new values, and notifies the subscribed endpoints', async () => {
    await register('/gdap', [
      'granular-admin-relationship-approved',
      'granular-admin-relationship-terminated',
      'granular-admin-relationship-expired',
      'granular-admin-access-assignment-created',
      'granular-admin-access-assignment-deleted',
    ]);
    await register('/activated', ['granular-admin-relationship-activated']);
    const { http, contoso } = world;
    const active = await activeRelationship(world, { duration: 'P1D' });
    const extended = await http
      .patch(`/v1/gdap-relationships/${active.id}`)
      .set('Authorization', contoso)
      .send({ autoExtendDuration: 'P180D' })
      .expect(200);
    const assigned = await http
      .post(`/v1/gdap-relationships/${active.id}/access-assignments`)
      .set('Authorization', contoso)
      .send({ securityGroupId: SECURITY_GROUP, roles: [GLOBAL_READER] })
      .expect(201);
    await http
      .delete(`/v1/gdap-relationships/${active.id}/access-assignments/${assigned.body.id}`)
      .set('Authorization', contoso)
      .expect(204);
    world.clock.travelTo(new Date(Date.parse(active.endDateTime!) + 1000));
    await eventuallyEvent(world.api, active.id, 'GdapRelationshipAutoExtended');
    const terminated = await http
      .post(`/v1/gdap-relationships/${active.id}/requests`)
      .set('Authorization', contoso)
      .send({ action: 'terminate' })
      .expect(201);

    const ours = (await log(terminated.body.position)).filter(
      (entry) =>
        entry.newValue?.relationshipId === active.id ||
        entry.oldValue?.relationshipId === active.id,
    );
    expect(ours.map((entry) => entry.action).reverse()).toEqual([
      'granular_admin_relationship_created',
      'granular_admin_relationship_approval_requested',
      'granular_admin_relationship_approved',
      'granular_admin_relationship_updated',
      'granular_admin_access_assignment_created',
      'granular_admin_access_assignment_deleted',
      'granular_admin_relationship_auto_extended',
      'granular_admin_relationship_terminated',
    ]);
    const byAction = new Map(ours.map((entry) => [entry.action, entry]));
    expect(byAction.get('granular_admin_relationship_updated')).toMatchObject({
      resourceType: 'gdap-relationship',
      oldValue: { relationshipId: active.id, autoExtendDuration: 'PT0S' },
      newValue: { relationshipId: active.id, autoExtendDuration: 'P180D' },
      performedBy: { role: 'admin-agent' },
    });
    expect(byAction.get('granular_admin_relationship_auto_extended')).toMatchObject({
      oldValue: { endDateTime: active.endDateTime },
      newValue: {
        endDateTime: new Date(Date.parse(active.endDateTime!) + 180 * DAY_MS).toISOString(),
      },
      performedBy: { role: 'system' },
    });
    expect(byAction.get('granular_admin_relationship_approved')).toMatchObject({
      oldValue: { status: 'approvalPending' },
      newValue: { status: 'active', endDateTime: active.endDateTime },
      performedBy: { role: 'customer' },
    });
    expect(byAction.get('granular_admin_access_assignment_deleted')).toMatchObject({
      resourceType: 'gdap-access-assignment',
      oldValue: { accessAssignmentId: assigned.body.id, roles: [GLOBAL_READER] },
      newValue: null,
    });
    expect(JSON.stringify(ours)).not.toMatch(/tokenHash|[0-9a-f]{64}/);
    expect(extended.body.autoExtendDuration).toBe('P180D');

    const names = (path: string) =>
      receiver.received
        .filter((got) => got.path === path)
        .map((got) => JSON.parse(got.body) as { eventName: string; resourceUri: string });
    await eventuallyReceived(() => names('/gdap').length >= 4, 'the GDAP deliveries');
    expect(names('/gdap').map((body) => body.eventName)).toEqual([
      'granular-admin-relationship-approved',
      'granular-admin-access-assignment-created',
      'granular-admin-access-assignment-deleted',
      'granular-admin-relationship-terminated',
    ]);
    expect(names('/gdap')[1]!.resourceUri).toMatch(
      new RegExp(`/v1/gdap-relationships/${active.id}/access-assignments$`),
    );
    await eventuallyReceived(() => names('/activated').length >= 1, 'the activation delivery');
    expect(names('/activated')).toEqual([
      expect.objectContaining({
        eventName: 'granular-admin-relationship-activated',
        resourceUri: expect.stringMatching(new RegExp(`/v1/gdap-relationships/${active.id}$`)),
      }),
    ]);
  });
});
