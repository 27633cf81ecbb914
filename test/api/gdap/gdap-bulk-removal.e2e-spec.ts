import { EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import { collect } from '@customer-workspace/event-store/testing';
import { gdapDisplayNamesStream } from '@customer-workspace/gdap';
import {
  activeRelationship,
  createRelationship,
  eventsOf,
  GLOBAL_ADMINISTRATOR,
  GLOBAL_READER,
  gdapWorld,
  type GdapWorld,
  lock,
  SECURITY_GROUP,
} from './gdap.fixtures.js';

describe('GDAP bulk actions', () => {
  let world: GdapWorld;
  beforeAll(async () => (world = await gdapWorld()));
  afterAll(() => world.api.close());

  const bulk = (body: object, auth = world.contoso) =>
    world.http.post('/v1/gdap-relationships/bulk').set('Authorization', auth).send(body);

  it('terminates each relationship it can, with a result per item', async () => {
    const active = await activeRelationship(world);
    const pending = await createRelationship(world);
    await lock(world, pending.id);
    const ended = await createRelationship(world);
    await bulk({ action: 'terminate', relationshipIds: [ended.id] }).expect(200);
    const foreign = await world.http
      .post('/v1/gdap-relationships')
      .set('Authorization', world.wingtip)
      .send({ displayName: 'Wingtip’s own', duration: 'P30D', roles: [GLOBAL_READER] })
      .expect(201);
    const ids = [active.id, pending.id, ended.id, foreign.body.id, 'no-such-relationship'];
    const { body } = await bulk({ action: 'terminate', relationshipIds: ids }).expect(200);
    expect(body).toMatchObject({
      succeeded: 2,
      failed: 3,
      position: expect.stringMatching(/^\d+$/),
    });
    expect(
      body.items.map((item: { id: string; status: number }) => [item.id, item.status]),
    ).toEqual([
      [active.id, 200],
      [pending.id, 200],
      [ended.id, 409],
      [foreign.body.id, 404],
      ['no-such-relationship', 404],
    ]);
    expect(body.items[0]).toMatchObject({ relationship: { status: 'terminated' } });
    expect(body.items[2].problem).toMatchObject({
      status: 409,
      code: 'gdap-relationship-already-ended',
    });
    expect(body.items[3].problem.code).toBe('gdap-relationship-not-found');
    // Another partner's relationship was not touched.
    expect((await eventsOf(world.api, foreign.body.id)).map((event) => event.type)).toEqual([
      'GdapRelationshipCreated',
    ]);
  });

  it('extends (turns auto-extension on) where allowed, refusing Global Administrator per item', async () => {
    const plain = await activeRelationship(world);
    const admin = await activeRelationship(world, { roles: [GLOBAL_ADMINISTRATOR] });
    const { body } = await bulk({ action: 'extend', relationshipIds: [plain.id, admin.id] }).expect(
      200,
    );
    expect(body.items.map((item: { status: number }) => item.status)).toEqual([200, 422]);
    expect(body.items[0].relationship.autoExtendDuration).toBe('P180D');
    expect(body.items[1].problem.code).toBe('global-administrator-cannot-auto-extend');
  });

  it('refuses a bad shape: unknown action, no ids, duplicates, more than 100 (400)', async () => {
    const field = async (payload: object) =>
      (await bulk(payload).expect(400)).body.errors.map((error: { field: string }) => error.field);
    expect(await field({ action: 'delete', relationshipIds: ['a'] })).toEqual(['action']);
    expect(await field({ action: 'terminate', relationshipIds: [] })).toEqual(['relationshipIds']);
    expect(await field({ action: 'terminate', relationshipIds: ['a', 'a'] })).toEqual([
      'relationshipIds',
    ]);
    const many = Array.from({ length: 101 }, (_, i) => `r-${i}`);
    expect(await field({ action: 'terminate', relationshipIds: many })).toEqual([
      'relationshipIds',
    ]);
    await bulk({ action: 'terminate', relationshipIds: ['a'] }, world.contosoHelpdesk).expect(403);
  });
});

describe('removing a reseller relationship leaves every GDAP relationship exactly as it was (rule 3)', () => {
  let world: GdapWorld;
  beforeAll(async () => (world = await gdapWorld()));
  afterAll(() => world.api.close());

  const streamOf = async (streamId: string) =>
    JSON.stringify(
      (await collect(world.api.app.get<EventStore>(EVENT_STORE).readStream(streamId))).map(
        ({ eventId, revision, position, type, data, metadata }) => ({
          eventId,
          revision: revision.toString(),
          position: position.toString(),
          type,
          data,
          metadata,
        }),
      ),
    );
  const snapshot = async (ids: string[], minPosition: string) => {
    const views = [];
    for (const id of ids) {
      views.push(
        (
          await world.http
            .get(`/v1/gdap-relationships/${id}?minPosition=${minPosition}`)
            .set('Authorization', world.contoso)
            .expect(200)
        ).text,
        (
          await world.http
            .get(`/v1/gdap-relationships/${id}/access-assignments?minPosition=${minPosition}`)
            .set('Authorization', world.contoso)
            .expect(200)
        ).text,
        await streamOf(`gdapRelationship-${id}`),
      );
    }
    const list = await world.http
      .get(`/v1/gdap-relationships?customerId=${world.customerId}&minPosition=${minPosition}`)
      .set('Authorization', world.contoso)
      .expect(200);
    return [...views, list.text, await streamOf(gdapDisplayNamesStream('contoso'))];
  };

  it('changes no GDAP event, row or answer', async () => {
    const active = await activeRelationship(world);
    const assigned = await world.http
      .post(`/v1/gdap-relationships/${active.id}/access-assignments`)
      .set('Authorization', world.contoso)
      .send({ securityGroupId: SECURITY_GROUP, roles: [GLOBAL_READER] })
      .expect(201);
    const pending = await createRelationship(world);
    await lock(world, pending.id);
    const draft = await createRelationship(world);
    const ids = [active.id, pending.id, draft.id];
    const before = await snapshot(ids, assigned.body.position);

    const removal = await world.http
      .post(`/v1/customers/${world.customerId}/relationships/direct-reseller/removal`)
      .set('Authorization', world.contoso)
      .send({ attestation: { accepted: true, reason: 'The customer ended the contract' } })
      .expect(200);
    await world.http
      .get(`/v1/customers/${world.customerId}`)
      .set('Authorization', world.contoso)
      .expect(404);

    expect(await snapshot(ids, removal.body.position)).toEqual(before);
  });
});
