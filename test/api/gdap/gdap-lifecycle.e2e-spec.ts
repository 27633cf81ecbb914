import { createHash } from 'node:crypto';
import {
  activeRelationship,
  approve,
  createRelationship,
  DIRECTORY_READERS,
  eventsOf,
  GLOBAL_READER,
  gdapWorld,
  type GdapWorld,
  lock,
  relationshipBody,
  SECURITY_GROUP,
  USER_ADMINISTRATOR,
} from './gdap.fixtures.js';

describe('GDAP relationships over HTTP: the whole lifecycle (docs/product.md rule 9)', () => {
  let world: GdapWorld;
  beforeAll(async () => (world = await gdapWorld()));
  afterAll(() => world.api.close());

  const get = (id: string, minPosition: string, auth = world.contoso) =>
    world.http
      .get(`/v1/gdap-relationships/${id}?minPosition=${minPosition}`)
      .set('Authorization', auth);

  it('goes created → approvalPending → active → terminated, with assignments while active', async () => {
    const { http, contoso, customerId } = world;
    const created = await http
      .post('/v1/gdap-relationships')
      .set('Authorization', contoso)
      .send({
        customerId,
        displayName: '  Contoso helpdesk  ',
        duration: 'P2Y',
        roles: [DIRECTORY_READERS.toUpperCase(), GLOBAL_READER],
      })
      .expect(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: 'created',
      displayName: 'Contoso helpdesk',
      duration: 'P730D',
      autoExtendDuration: 'PT0S',
      roles: [DIRECTORY_READERS, GLOBAL_READER],
      customerId,
      position: expect.stringMatching(/^\d+$/),
    });
    const { id } = created.body as { id: string };

    const renamed = await http
      .patch(`/v1/gdap-relationships/${id}`)
      .set('Authorization', contoso)
      .send({ displayName: 'Contoso tier 1', duration: 'P90D' })
      .expect(200);
    expect(renamed.body).toMatchObject({ displayName: 'Contoso tier 1', duration: 'P90D' });
    // Any partner role reads it, from the read model once it has the rename.
    const read = await get(id, renamed.body.position, world.contosoHelpdesk).expect(200);
    expect(read.body).toMatchObject({ id, status: 'created', displayName: 'Contoso tier 1' });

    const locked = await http
      .post(`/v1/gdap-relationships/${id}/requests`)
      .set('Authorization', contoso)
      .send({ action: 'lockForApproval' })
      .expect(201);
    expect(locked.body).toMatchObject({
      status: 'approvalPending',
      approvalUrl: expect.stringContaining(`/gdap-relationships/${id}/approval?token=`),
      expiresAt: expect.any(String),
    });
    const days =
      (Date.parse(locked.body.expiresAt) - Date.parse(locked.body.lastModifiedDateTime)) /
      86_400_000;
    expect(days).toBe(90);
    const token = new URL(locked.body.approvalUrl).searchParams.get('token')!;

    // Only the token's hash is stored, never the token.
    const stored = JSON.stringify(
      (await eventsOf(world.api, id)).map(({ data, metadata }) => ({ data, metadata })),
    );
    expect(stored).not.toContain(token);
    expect(stored).toContain(createHash('sha256').update(token).digest('hex'));

    const approved = await approve(world, id, { token }).expect(200);
    expect(approved.body).toEqual({
      id,
      status: 'active',
      activatedDateTime: expect.any(String),
      endDateTime: expect.any(String),
      position: expect.stringMatching(/^\d+$/),
    });
    expect(
      Date.parse(approved.body.endDateTime) - Date.parse(approved.body.activatedDateTime),
    ).toBe(90 * 86_400_000);

    const assigned = await http
      .post(`/v1/gdap-relationships/${id}/access-assignments`)
      .set('Authorization', contoso)
      .send({ securityGroupId: SECURITY_GROUP.toUpperCase(), roles: [GLOBAL_READER] })
      .expect(201);
    expect(assigned.body).toMatchObject({
      status: 'active',
      securityGroupId: SECURITY_GROUP,
      roles: [GLOBAL_READER],
    });
    const listed = await http
      .get(`/v1/gdap-relationships/${id}/access-assignments?minPosition=${assigned.body.position}`)
      .set('Authorization', contoso)
      .expect(200);
    expect(listed.body).toEqual({
      items: [expect.objectContaining({ id: assigned.body.id, status: 'active' })],
      total: 1,
    });
    await http
      .delete(`/v1/gdap-relationships/${id}/access-assignments/${assigned.body.id}`)
      .set('Authorization', contoso)
      .expect(204);

    const terminated = await http
      .post(`/v1/gdap-relationships/${id}/requests`)
      .set('Authorization', contoso)
      .send({ action: 'terminate' })
      .expect(201);
    expect(terminated.body).toMatchObject({
      status: 'terminated',
      endedDateTime: expect.any(String),
    });
    expect(terminated.body).not.toHaveProperty('approvalUrl');
    await get(id, terminated.body.position)
      .expect(200)
      .expect(({ body }) => {
        expect(body.status).toBe('terminated');
      });
    expect((await eventsOf(world.api, id)).map((event) => event.type)).toEqual([
      'GdapRelationshipCreated',
      'GdapRelationshipUpdated',
      'GdapRelationshipApprovalRequested',
      'GdapRelationshipApproved',
      'GdapAccessAssignmentCreated',
      'GdapAccessAssignmentDeleted',
      'GdapRelationshipTerminated',
    ]);
  });

  it('lists and filters by status and customer, and shows the customer’s relationships on its detail', async () => {
    const { http, contoso, customerId } = world;
    const pending = await createRelationship(world);
    await lock(world, pending.id);
    const draft = await createRelationship(world, { customerId: undefined });
    const list = async (query: string) =>
      (
        await http
          .get(`/v1/gdap-relationships?minPosition=${draft.position}&${query}`)
          .set('Authorization', world.contosoHelpdesk)
          .expect(200)
      ).body as { items: { id: string }[]; total: number };
    const pendingIds = (await list('status=approvalPending')).items.map((item) => item.id);
    expect(pendingIds).toContain(pending.id);
    expect(pendingIds).not.toContain(draft.id);
    const ofCustomer = (await list(`customerId=${customerId}`)).items.map((item) => item.id);
    expect(ofCustomer).toContain(pending.id);
    expect(ofCustomer).not.toContain(draft.id);
    const detail = await http
      .get(`/v1/customers/${customerId}?minPosition=${draft.position}`)
      .set('Authorization', contoso)
      .expect(200);
    expect(detail.body.gdapRelationships).toContainEqual({
      id: pending.id,
      displayName: expect.any(String),
      status: 'approvalPending',
      endDateTime: null,
    });
  });

  it('approves a relationship created for nobody for the customer that names itself', async () => {
    const created = await createRelationship(world, { customerId: undefined });
    const { token } = await lock(world, created.id);
    await approve(world, created.id, { token })
      .expect(400)
      .expect(({ body }) =>
        expect(body.errors).toEqual([expect.objectContaining({ field: 'customerId' })]),
      );
    await approve(world, created.id, { token, customerId: world.customerId }).expect(200);
    const events = await eventsOf(world.api, created.id);
    expect(events.at(-1)).toMatchObject({
      type: 'GdapRelationshipApproved',
      data: { customerId: world.customerId, customerBoundAtApproval: true },
      metadata: { actor: { role: 'customer', userId: world.customerId } },
    });
  });

  it('answers a retried creation with the same Idempotency-Key as the first, storing nothing twice', async () => {
    const body = relationshipBody({ customerId: world.customerId });
    const send = () =>
      world.http
        .post('/v1/gdap-relationships')
        .set('Authorization', world.contoso)
        .set('Idempotency-Key', `create-${body.displayName.replace(' ', '-')}`)
        .send(body)
        .expect(201);
    const first = await send();
    const second = await send();
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await eventsOf(world.api, first.body.id)).toHaveLength(1);
  });

  it('keeps a retried lock’s URL out of the idempotency store (409 on retry, like invitations)', async () => {
    const created = await createRelationship(world);
    const send = () =>
      world.http
        .post(`/v1/gdap-relationships/${created.id}/requests`)
        .set('Authorization', world.contoso)
        .set('Idempotency-Key', `lock-${created.id}`)
        .send({ action: 'lockForApproval' });
    await send().expect(201);
    await send().expect(409);
    expect((await eventsOf(world.api, created.id)).map((event) => event.type)).toEqual([
      'GdapRelationshipCreated',
      'GdapRelationshipApprovalRequested',
    ]);
  });

  it('grants an assignment only roles of the relationship, naming the others', async () => {
    const active = await activeRelationship(world);
    const refused = await world.http
      .post(`/v1/gdap-relationships/${active.id}/access-assignments`)
      .set('Authorization', world.contoso)
      .send({ securityGroupId: SECURITY_GROUP, roles: [DIRECTORY_READERS, USER_ADMINISTRATOR] })
      .expect(400);
    expect(refused.body).toMatchObject({
      code: 'access-roles-not-in-relationship',
      errors: [{ field: 'roles', message: expect.stringContaining(USER_ADMINISTRATOR) }],
    });
    expect(refused.body.detail).not.toContain(DIRECTORY_READERS);
  });
});
