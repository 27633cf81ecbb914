import type request from 'supertest';
import { JWT_KEY } from '@customer-workspace/api/testing';
import type { Role } from '@customer-workspace/auth';
import { issueToken } from '@customer-workspace/auth';
import type { TestApi } from '../../fixtures/api-app.js';
import { newCustomerBody } from '../../fixtures/customers.js';

export type Http = ReturnType<typeof request>;

/** `Authorization` for a named user of `partnerId` (its UPN is `<userId>@<partnerId>.example`). */
export async function bearerAs(
  api: TestApi,
  partnerId: string,
  userId: string,
  role: Role = 'admin-agent',
): Promise<string> {
  const token = await issueToken(
    { partnerId, roles: [role], userId },
    api.app.get<Uint8Array>(JWT_KEY),
  );
  return `Bearer ${token}`;
}

/** Registers direct-bill partners `ids` as the platform operator. */
export async function registerPartners(http: Http, operator: string, ...ids: string[]) {
  for (const id of ids) {
    await http
      .post('/v1/partners')
      .set('Authorization', operator)
      .send({ id, name: `${id} s.r.o.`, programs: ['direct-bill'] })
      .expect(201);
  }
}

/** `POST /v1/customers` as `auth`: the new customer's id and the command's position. */
export async function addCustomer(
  http: Http,
  auth: string,
  companyName = 'Contoso a.s.',
): Promise<{ id: string; position: string }> {
  const response = await http
    .post('/v1/customers')
    .set('Authorization', auth)
    .send(newCustomerBody({ companyName }))
    .expect(201);
  return { id: response.body.id, position: response.body.position };
}

/** `GET /v1/activity-logs` as `auth` with `query` (200 expected): the page. */
export async function activityLog(
  http: Http,
  auth: string,
  query: Record<string, string | number> = {},
): Promise<{ items: Record<string, unknown>[]; nextCursor: string | null; total: number }> {
  const response = await http
    .get('/v1/activity-logs')
    .query(query)
    .set('Authorization', auth)
    .expect(200);
  return response.body;
}
