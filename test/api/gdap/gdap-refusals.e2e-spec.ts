import {
  activeRelationship,
  approve,
  createRelationship,
  DIRECTORY_READERS,
  GLOBAL_ADMINISTRATOR,
  gdapWorld,
  type GdapWorld,
  lock,
  relationshipBody,
  SECURITY_GROUP,
} from './gdap.fixtures.js';

describe('GDAP relationships over HTTP: every refusal', () => {
  let world: GdapWorld;
  beforeAll(async () => (world = await gdapWorld()));
  afterAll(() => world.api.close());

  const create = (body: object, auth = world.contoso) =>
    world.http.post('/v1/gdap-relationships').set('Authorization', auth).send(body);
  const patch = (id: string, body: object, auth = world.contoso) =>
    world.http.patch(`/v1/gdap-relationships/${id}`).set('Authorization', auth).send(body);
  const requestAction = (id: string, action: string, auth = world.contoso) =>
    world.http
      .post(`/v1/gdap-relationships/${id}/requests`)
      .set('Authorization', auth)
      .send({ action });
  const fieldsOf = (body: { errors?: { field: string }[] }) => body.errors?.map((e) => e.field);

  it.each(['PT23H59M59S', 'P731D', 'P2YT1S', 'P0D', '-P1D', 'two years', 'p1d'])(
    'refuses the duration %p, outside P1D..P2Y, naming duration',
    async (duration) => {
      const { body } = await create(relationshipBody({ duration })).expect(400);
      expect(fieldsOf(body)).toEqual(['duration']);
    },
  );

  it('accepts P1D and P2Y, the bounds', async () => {
    await create(relationshipBody({ duration: 'P1D' })).expect(201);
    await create(relationshipBody({ duration: 'P2Y' })).expect(201);
  });

  it('refuses unknown role ids, naming each of them (400)', async () => {
    const unknown = ['00000000-0000-0000-0000-000000000001', 'not-a-role'];
    const { body } = await create(
      relationshipBody({ roles: [DIRECTORY_READERS, ...unknown] }),
    ).expect(400);
    expect(body).toMatchObject({ code: 'unknown-gdap-roles', errors: [{ field: 'roles' }] });
    for (const id of unknown) expect(body.errors[0].message).toContain(id);
    expect(fieldsOf((await create(relationshipBody({ roles: [] })).expect(400)).body)).toEqual([
      'roles',
    ]);
  });

  it('refuses Global Administrator with auto-extension, on creation and on an update (422)', async () => {
    const refused = await create(
      relationshipBody({ roles: [GLOBAL_ADMINISTRATOR], autoExtendDuration: 'P180D' }),
    ).expect(422);
    expect(refused.body.code).toBe('global-administrator-cannot-auto-extend');
    const created = await createRelationship(world, { roles: [GLOBAL_ADMINISTRATOR] });
    await patch(created.id, { autoExtendDuration: 'P180D' }).expect(422);
    const extending = await createRelationship(world, { autoExtendDuration: 'P180D' });
    await patch(extending.id, { roles: [DIRECTORY_READERS, GLOBAL_ADMINISTRATOR] }).expect(422);
    const { body } = await create(relationshipBody({ autoExtendDuration: 'P90D' })).expect(400);
    expect(fieldsOf(body)).toEqual(['autoExtendDuration']);
  });

  it('refuses a display name another relationship of the partner holds, ignoring case (409)', async () => {
    const first = await createRelationship(world);
    const name = (
      await world.http
        .get(`/v1/gdap-relationships/${first.id}?minPosition=${first.position}`)
        .set('Authorization', world.contoso)
        .expect(200)
    ).body.displayName as string;
    const taken = await create(relationshipBody({ displayName: name.toUpperCase() })).expect(409);
    expect(taken.body.code).toBe('gdap-display-name-taken');
    const second = await createRelationship(world);
    await patch(second.id, { displayName: name }).expect(409);
    // Another partner may use it; a refused creation left the name to its holder only.
    await create(relationshipBody({ displayName: name }), world.wingtip).expect(201);
    // A renamed relationship gives its old name back.
    await patch(first.id, { displayName: `${name} (old)` }).expect(200);
    await create(relationshipBody({ displayName: name })).expect(201);
    expect(
      fieldsOf((await create(relationshipBody({ displayName: ' ' })).expect(400)).body),
    ).toEqual(['displayName']);
  });

  it('refuses edits after the lock (409 naming the fields), but auto-extension while active', async () => {
    const created = await createRelationship(world);
    await lock(world, created.id);
    const refused = await patch(created.id, {
      duration: 'P30D',
      roles: [DIRECTORY_READERS],
    }).expect(409);
    expect(refused.body).toMatchObject({ code: 'gdap-relationship-not-editable' });
    expect(refused.body.detail).toContain('duration, roles');
    await patch(created.id, { autoExtendDuration: 'P180D' }).expect(409);
    await requestAction(created.id, 'lockForApproval').expect(409);
    const active = await activeRelationship(world);
    await patch(active.id, { displayName: 'Renamed while active' }).expect(409);
    const extended = await patch(active.id, { autoExtendDuration: 'P180D' }).expect(200);
    expect(extended.body.autoExtendDuration).toBe('P180D');
  });

  it('answers 410 to the token that approved, 404 to a wrong one, and 410 after a withdrawal', async () => {
    const created = await createRelationship(world);
    const { token } = await lock(world, created.id);
    await approve(world, created.id, { token: `${token}x` })
      .expect(404)
      .expect(({ body }) => expect(body.code).toBe('gdap-approval-token-invalid'));
    await approve(world, created.id, { token }).expect(200);
    const used = await approve(world, created.id, { token }).expect(410);
    expect(used.body.code).toBe('gdap-approval-token-used');
    await approve(world, '5b0f8e0e-4c1d-4a53-9a4b-2f1c0d7e8a61', { token }).expect(404);

    const withdrawn = await createRelationship(world);
    const second = await lock(world, withdrawn.id);
    await requestAction(withdrawn.id, 'terminate').expect(201);
    const gone = await approve(world, withdrawn.id, { token: second.token }).expect(410);
    expect(gone.body.code).toBe('gdap-relationship-ended');
  });

  it('refuses an approval by another customer than the one named (422)', async () => {
    const created = await createRelationship(world);
    const { token } = await lock(world, created.id);
    const { body } = await approve(world, created.id, {
      token,
      customerId: '7e1c4b2a-9d3f-4a6b-8c5d-1e2f3a4b5c6d',
    }).expect(422);
    expect(body.code).toBe('gdap-customer-mismatch');
  });

  it('refuses assignments while not active and a second one for a security group (409)', async () => {
    const created = await createRelationship(world);
    const assign = (id: string) =>
      world.http
        .post(`/v1/gdap-relationships/${id}/access-assignments`)
        .set('Authorization', world.contoso)
        .send({ securityGroupId: SECURITY_GROUP, roles: [DIRECTORY_READERS] });
    await assign(created.id)
      .expect(409)
      .expect(({ body }) => expect(body.code).toBe('gdap-relationship-not-active'));
    const active = await activeRelationship(world);
    await assign(active.id).expect(201);
    await assign(active.id)
      .expect(409)
      .expect(({ body }) => expect(body.code).toBe('security-group-already-assigned'));
    await world.http
      .delete(`/v1/gdap-relationships/${active.id}/access-assignments/nope`)
      .set('Authorization', world.contoso)
      .expect(404);
    await requestAction(active.id, 'terminate').expect(201);
    await requestAction(active.id, 'terminate')
      .expect(409)
      .expect(({ body }) => expect(body.code).toBe('gdap-relationship-already-ended'));
  });

  it('refuses a bad filter naming the parameter, unknown fields, and a customer the partner does not see', async () => {
    for (const query of [
      'expiringWithin=30',
      'expiringWithin=PT0S',
      'status=pending',
      'customerId=x',
    ]) {
      const { body } = await world.http
        .get(`/v1/gdap-relationships?${query}`)
        .set('Authorization', world.contoso)
        .expect(400);
      expect(fieldsOf(body)).toEqual([query.split('=')[0]]);
    }
    await create({ ...relationshipBody(), extra: true }).expect(400);
    await create(relationshipBody({ customerId: world.customerId }), world.wingtip)
      .expect(404)
      .expect(({ body }) => expect(body.code).toBe('customer-not-found'));
  });

  it('lets only admin-agents manage, every partner role read', async () => {
    await create(relationshipBody(), world.contosoHelpdesk).expect(403);
    const created = await createRelationship(world);
    await patch(created.id, { duration: 'P30D' }, world.contosoHelpdesk).expect(403);
    await requestAction(created.id, 'terminate', world.contosoHelpdesk).expect(403);
    await world.http
      .get('/v1/gdap-relationships')
      .set('Authorization', world.contosoHelpdesk)
      .expect(200);
    await world.http.get('/v1/gdap-relationships').expect(401);
  });

  it('shows a partner nothing of another partner’s relationship: 404 everywhere', async () => {
    const active = await activeRelationship(world);
    const { http, wingtip } = world;
    const wait = `minPosition=${active.position}`;
    await http
      .get(`/v1/gdap-relationships/${active.id}?${wait}`)
      .set('Authorization', wingtip)
      .expect(404);
    await patch(active.id, { autoExtendDuration: 'P180D' }, wingtip).expect(404);
    await requestAction(active.id, 'terminate', wingtip).expect(404);
    await http
      .get(`/v1/gdap-relationships/${active.id}/access-assignments?${wait}`)
      .set('Authorization', wingtip)
      .expect(404);
    await http
      .post(`/v1/gdap-relationships/${active.id}/access-assignments`)
      .set('Authorization', wingtip)
      .send({ securityGroupId: SECURITY_GROUP, roles: [DIRECTORY_READERS] })
      .expect(404);
    const list = await http
      .get(`/v1/gdap-relationships?${wait}`)
      .set('Authorization', wingtip)
      .expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(active.id);
  });
});
