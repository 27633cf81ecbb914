import request from 'supertest';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { newCustomerBody } from '../../fixtures/customers.js';
import {
  createTag,
  customerTag,
  headPosition,
  registerPartner,
  shareCustomerWith,
} from './tags.fixtures.js';

describe('customer tags: assign, unassign (HTTP)', () => {
  let api: TestApi;
  let http: ReturnType<typeof request>;
  let admin: string;
  let fabrikam: string;
  beforeAll(async () => {
    api = await startTestApi();
    http = request(api.app.getHttpServer());
    const operator = await bearer(api, 'platform', 'operator');
    admin = await bearer(api, 'contoso', 'admin-agent');
    fabrikam = await bearer(api, 'fabrikam', 'admin-agent');
    await registerPartner(http, operator, 'contoso').expect(201);
    await registerPartner(http, operator, 'fabrikam').expect(201);
  });
  afterAll(() => api.close());

  const addCustomer = async (auth = admin): Promise<string> =>
    (
      await http
        .post('/v1/customers')
        .set('Authorization', auth)
        .send(newCustomerBody())
        .expect(201)
    ).body.id;
  const newTag = async (name: string, auth = admin): Promise<string> =>
    (await createTag(http, auth, name).expect(201)).body.id;
  const assign = (customerId: string, tagId: string, auth = admin) =>
    customerTag(http, 'put', auth, customerId, tagId);
  const unassign = (customerId: string, tagId: string, auth = admin) =>
    customerTag(http, 'delete', auth, customerId, tagId);
  const tagsOnCustomer = async (customerId: string, auth = admin): Promise<unknown> =>
    (await http.get(`/v1/customers/${customerId}`).set('Authorization', auth).expect(200)).body
      .tags;

  it('assigns a catalog tag: 200 with the caller’s tags and the position; the customer shows it', async () => {
    const customerId = await addCustomer();
    const tagId = await newTag('Gold');
    const assigned = await assign(customerId, tagId).expect(200);
    expect(assigned.body).toEqual({
      customerId,
      tags: [{ id: tagId, name: 'Gold' }],
      position: expect.stringMatching(/^\d+$/),
    });
    expect(await tagsOnCustomer(customerId)).toEqual([{ id: tagId, name: 'Gold' }]);
  });

  it('assigning a tag twice changes nothing and answers 200 with the stream’s current position', async () => {
    const customerId = await addCustomer();
    const tagId = await newTag('Twice');
    const first = await assign(customerId, tagId).expect(200);
    const before = await headPosition(http);
    const second = await assign(customerId, tagId).expect(200);
    expect(second.body).toEqual(first.body);
    expect(await headPosition(http)).toBe(before);
  });

  it('unassigns a tag (200, the tag is gone); unassigning again changes nothing', async () => {
    const customerId = await addCustomer();
    const tagId = await newTag('Short-lived');
    const assigned = await assign(customerId, tagId).expect(200);
    const removed = await unassign(customerId, tagId).expect(200);
    expect(removed.body).toEqual({ customerId, tags: [], position: expect.any(String) });
    expect(BigInt(removed.body.position)).toBeGreaterThan(BigInt(assigned.body.position));
    expect(await tagsOnCustomer(customerId)).toEqual([]);
    const before = await headPosition(http);
    const again = await unassign(customerId, tagId).expect(200);
    expect(again.body).toEqual(removed.body);
    expect(await headPosition(http)).toBe(before);
  });

  it("answers 404 for another partner's customer and an unknown customer, leaking nothing", async () => {
    const customerId = await addCustomer();
    const theirTag = await newTag('Fabrikam VIP', fabrikam);
    const before = await headPosition(http);
    const foreign = await assign(customerId, theirTag, fabrikam).expect(404);
    expect(foreign.body).toMatchObject({ code: 'customer-not-found' });
    expect(JSON.stringify(foreign.body)).not.toContain('Contoso');
    await unassign(customerId, theirTag, fabrikam).expect(404);
    await assign('00000000-0000-4000-8000-000000000000', theirTag, fabrikam).expect(404);
    expect(await headPosition(http)).toBe(before);
  });

  it("answers 404 for an unknown tag, a deleted tag and another partner's tag", async () => {
    const customerId = await addCustomer();
    const unknown = await assign(customerId, '00000000-0000-4000-8000-000000000000').expect(404);
    expect(unknown.body).toMatchObject({ code: 'tag-not-found' });
    const deleted = await newTag('Deleted');
    await http.delete(`/v1/tags/${deleted}`).set('Authorization', admin).expect(200);
    await assign(customerId, deleted).expect(404);
    const theirs = await newTag('Theirs', fabrikam);
    await assign(customerId, theirs).expect(404);
    expect(await tagsOnCustomer(customerId)).toEqual([]);
  });

  it('refuses the 151st tag on one customer with 422 tag-limit-reached', async () => {
    const customerId = await addCustomer();
    const tagIds: string[] = [];
    for (let i = 0; i < 151; i++) tagIds.push(await newTag(`Limit ${i}`));
    for (const tagId of tagIds.slice(0, 150)) await assign(customerId, tagId).expect(200);
    const over = await assign(customerId, tagIds[150] as string).expect(422);
    expect(over.body).toMatchObject({ status: 422, code: 'tag-limit-reached' });
    await assign(customerId, tagIds[0] as string).expect(200);
    expect(await tagsOnCustomer(customerId)).toHaveLength(150);
  });

  it('shows each partner only its own tags on a customer they share', async () => {
    const customerId = await addCustomer();
    await shareCustomerWith(api, customerId, 'fabrikam');
    const ours = await newTag('Ours');
    const theirs = await newTag('Fabrikam key account', fabrikam);
    await assign(customerId, ours).expect(200);
    const theirAnswer = await assign(customerId, theirs, fabrikam).expect(200);
    expect(theirAnswer.body.tags).toEqual([{ id: theirs, name: 'Fabrikam key account' }]);
    expect(await tagsOnCustomer(customerId)).toEqual([{ id: ours, name: 'Ours' }]);
    expect(await tagsOnCustomer(customerId, fabrikam)).toEqual([
      { id: theirs, name: 'Fabrikam key account' },
    ]);
    await unassign(customerId, ours, fabrikam).expect(200);
    expect(await tagsOnCustomer(customerId)).toEqual([{ id: ours, name: 'Ours' }]);
  });

  it.each(['sales-agent', 'billing-admin', 'helpdesk-agent'] as const)(
    'lets only admin agents assign tags: %s gets 403 and changes nothing',
    async (role) => {
      const customerId = await addCustomer();
      const tagId = await newTag(`Assign by ${role}`);
      const auth = await bearer(api, 'contoso', role);
      await assign(customerId, tagId, auth).expect(403);
      await assign(customerId, tagId).expect(200);
      await unassign(customerId, tagId, auth).expect(403);
      expect(await tagsOnCustomer(customerId)).toEqual([{ id: tagId, name: `Assign by ${role}` }]);
    },
  );

  it('needs a token (401)', async () => {
    await http.put('/v1/customers/c/tags/t').expect(401);
    await http.delete('/v1/customers/c/tags/t').expect(401);
  });
});
