import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { Clock } from '@customer-workspace/api/testing';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@customer-workspace/event-store';
import { collect } from '@customer-workspace/event-store/testing';
import { gdapRelationshipStream } from '@customer-workspace/gdap';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { newCustomerBody } from '../../fixtures/customers.js';
import { eventually as until } from '../../fixtures/webhook-receiver.js';
import { type Http, registerPartners } from '../relationships/relationships.fixtures.js';

export const DIRECTORY_READERS = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b';
export const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';
export const USER_ADMINISTRATOR = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
export const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
export const SECURITY_GROUP = '0f3a53c6-4d3b-4f6e-9c5e-4e2b1a9d8c7b';
export const DAY_MS = 24 * 60 * 60 * 1000;

/** An api with the three partners of the relationship tests and a customer of Contoso's. */
export interface GdapWorld {
  readonly api: TestApi;
  readonly http: Http;
  readonly clock: Clock;
  /** Contoso's admin-agent, its helpdesk-agent, and Wingtip's admin-agent. */
  readonly contoso: string;
  readonly contosoHelpdesk: string;
  readonly wingtip: string;
  /** A customer Contoso added. */
  readonly customerId: string;
}

export async function gdapWorld(env: Record<string, string> = {}): Promise<GdapWorld> {
  const api = await startTestApi(env);
  const http = request(api.app.getHttpServer());
  await registerPartners(http, await bearer(api, 'platform', 'operator'));
  const contoso = await bearer(api, 'contoso', 'admin-agent');
  const added = await http
    .post('/v1/customers')
    .set('Authorization', contoso)
    .send(newCustomerBody())
    .expect(201);
  return {
    api,
    http,
    clock: api.app.get(Clock),
    contoso,
    contosoHelpdesk: await bearer(api, 'contoso', 'helpdesk-agent'),
    wingtip: await bearer(api, 'wingtip', 'admin-agent'),
    customerId: added.body.id as string,
  };
}

/** A valid creation body: unique name, two roles, two years. */
export function relationshipBody(overrides: Record<string, unknown> = {}) {
  return {
    displayName: `Helpdesk ${randomUUID().slice(0, 8)}`,
    duration: 'P2Y',
    roles: [DIRECTORY_READERS, GLOBAL_READER],
    ...overrides,
  };
}

export interface Relationship {
  readonly id: string;
  readonly status: string;
  readonly position: string;
  readonly endDateTime: string | null;
}

export async function createRelationship(
  world: GdapWorld,
  overrides: Record<string, unknown> = {},
): Promise<Relationship> {
  const { body } = await world.http
    .post('/v1/gdap-relationships')
    .set('Authorization', world.contoso)
    .send(relationshipBody({ customerId: world.customerId, ...overrides }))
    .expect(201);
  return body as Relationship;
}

/** Locks for approval and answers the approval URL's token. */
export async function lock(
  world: GdapWorld,
  id: string,
): Promise<{ token: string; expiresAt: string }> {
  const { body } = await world.http
    .post(`/v1/gdap-relationships/${id}/requests`)
    .set('Authorization', world.contoso)
    .send({ action: 'lockForApproval' })
    .expect(201);
  const token = new URL(body.approvalUrl as string).searchParams.get('token');
  if (token === null) throw new Error('No token in the approval URL');
  return { token, expiresAt: body.expiresAt as string };
}

export function approve(world: GdapWorld, id: string, body: object) {
  return world.http.post(`/v1/gdap-relationships/${id}/approval`).send(body);
}

/** Created, locked and approved by the customer: an active relationship. */
export async function activeRelationship(
  world: GdapWorld,
  overrides: Record<string, unknown> = {},
): Promise<Relationship & { token: string; activatedDateTime: string }> {
  const created = await createRelationship(world, overrides);
  const { token } = await lock(world, created.id);
  const { body } = await approve(world, created.id, { token }).expect(200);
  return { ...created, ...body, token };
}

export const eventsOf = (api: TestApi, id: string): Promise<RecordedEvent[]> =>
  collect(api.app.get<EventStore>(EVENT_STORE).readStream(gdapRelationshipStream(id)));

/** Polls `probe` (at most 5 s) until it answers something; the processes run asynchronously. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  let value: T | undefined;
  await until(async () => (value = await probe()) !== undefined, what, 5000);
  return value as T;
}

/** Waits until the relationship's stream holds an event of `type` (count: how many). */
export function eventuallyEvent(api: TestApi, id: string, type: string, count = 1) {
  return eventually(async () => {
    const events = (await eventsOf(api, id)).filter((event) => event.type === type);
    return events.length >= count ? events : undefined;
  }, `${count} ${type} on ${id}`);
}
