import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type Database from 'better-sqlite3';
import { EVENT_STORE, type EventStore, SqliteEventStore } from '@customer-workspace/event-store';
import { bearer, type TestApi } from '../fixtures/api-app.js';
import { newCustomerBody } from '../fixtures/customers.js';

/** A partner with one of everything a command can name, and the callers to use. */
export interface Workspace {
  readonly admin: string;
  readonly operator: string;
  readonly customerId: string;
  readonly billingProfile: Record<string, unknown>;
  readonly tagId: string;
  readonly subscriptionId: string;
  readonly invitationId: string;
}

export type InjectOptions = Exclude<Parameters<NestFastifyApplication['inject']>[0], string>;
export type InjectResponse = Awaited<ReturnType<NestFastifyApplication['inject']>>;

/** One request through Fastify's injector: no socket, same pipeline. */
export function call(api: TestApi, options: InjectOptions): Promise<InjectResponse> {
  return api.app.inject(options);
}

export const eventStoreOf = (api: TestApi): EventStore => api.app.get<EventStore>(EVENT_STORE);
export const headOf = (api: TestApi): Promise<bigint> => eventStoreOf(api).headPosition();

async function created(api: TestApi, options: InjectOptions): Promise<Record<string, unknown>> {
  const response = await call(api, options);
  if (response.statusCode !== 201) {
    throw new Error(
      `${options.method} ${options.url} answered ${response.statusCode}: ${response.body}`,
    );
  }
  return response.json();
}

/**
 * Registers partner `contoso` and gives it a customer (with an order, so the relationship has
 * an active subscription and cannot be removed), a catalog tag and a pending invitation.
 */
export async function seedWorkspace(api: TestApi): Promise<Workspace> {
  const operator = await bearer(api, 'platform', 'operator');
  const admin = await bearer(api, 'contoso', 'admin-agent');
  const as = (authorization: string) => ({ authorization });
  await created(api, {
    method: 'POST',
    url: '/v1/partners',
    headers: as(operator),
    payload: { id: 'contoso', name: 'Contoso s.r.o.', programs: ['direct-bill'] },
  });
  const body = newCustomerBody();
  const customer = await created(api, {
    method: 'POST',
    url: '/v1/customers',
    headers: as(admin),
    payload: body,
  });
  const customerId = String(customer.id);
  const tag = await created(api, {
    method: 'POST',
    url: '/v1/tags',
    headers: as(admin),
    payload: { name: 'VIP' },
  });
  const order = (await created(api, {
    method: 'POST',
    url: `/v1/customers/${customerId}/orders`,
    headers: as(admin),
    payload: { catalog: 'software', lineItems: [{ offerId: 'SW-1', quantity: 2 }] },
  })) as { lineItems: { subscriptionId: string }[] };
  const invitation = await created(api, {
    method: 'POST',
    url: '/v1/relationship-requests',
    headers: as(admin),
    payload: { includeDelegatedAdmin: false },
  });
  return {
    admin,
    operator,
    customerId,
    billingProfile: body.billingProfile,
    tagId: String(tag.id),
    subscriptionId: String(order.lineItems[0]?.subscriptionId),
    invitationId: String(invitation.id),
  };
}

/** The api's embedded adapter (under the instrumented, sealing and scoping wrappers). */
function embeddedAdapterOf(api: TestApi): SqliteEventStore {
  // Instrumented → personal data sealed → scoped to this deployment's streams → the adapter.
  const instrumented = eventStoreOf(api) as unknown as {
    inner?: { inner?: { inner?: unknown } };
  };
  const adapter = instrumented.inner?.inner?.inner;
  if (!(adapter instanceof SqliteEventStore)) {
    throw new Error('The api does not run on the embedded SQLite store this test expects');
  }
  return adapter;
}

/**
 * Runs a pragma on the connection that commits the api's appends (its writer thread's, or the
 * store's own): tests make the storage fail the way a full disk or a read-only file does
 * (`max_page_count`, `query_only` are per connection).
 */
export function writerPragma(api: TestApi, pragma: string): Promise<unknown> {
  return embeddedAdapterOf(api).writerPragma(pragma);
}

/** The api's own connection to `events.db`: what a test reads the stored events through. */
export function eventDatabaseOf(api: TestApi): Database.Database {
  return (embeddedAdapterOf(api) as unknown as { db: Database.Database }).db;
}
