import type request from 'supertest';
import { newCustomerBody } from '../../fixtures/customers.js';

export type Http = ReturnType<typeof request>;

/** A partner in both direct-bill and indirect-reseller (a dual partner) and its provider. */
export const DUAL = {
  id: 'dual',
  name: 'Dual s.r.o.',
  programs: ['direct-bill', 'indirect-reseller'],
  indirectProviderId: 'fabrikam',
};
export const PROVIDER = { id: 'fabrikam', name: 'Fabrikam', programs: ['indirect-provider'] };

/** Adds a customer as `auth`; returns its id and the command's position. */
export async function addCustomer(
  http: Http,
  auth: string,
  companyName: string,
  domain: string,
): Promise<{ id: string; position: string }> {
  const { body } = await http
    .post('/v1/customers')
    .set('Authorization', auth)
    .send(newCustomerBody({ companyName, domain }))
    .expect(201);
  return body as { id: string; position: string };
}

/** `GET /v1/customers` with `query`, as `auth`. */
export const listCustomers = (http: Http, auth: string, query: Record<string, string> = {}) =>
  http.get('/v1/customers').query(query).set('Authorization', auth);
