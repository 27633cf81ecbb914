import type request from 'supertest';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@customer-workspace/event-store';
import { collect } from '@customer-workspace/event-store/testing';
import { webhookStream } from '@customer-workspace/webhooks';
import type { TestApi } from '../../fixtures/api-app.js';

type Http = ReturnType<typeof request>;

/**
 * Settings of a test api whose endpoints are never called: registration tests use public
 * addresses, and nothing may leave this machine.
 */
export const NO_DELIVERIES = { WEBHOOKS_DELIVERY: 'off' };

/** A URL every policy accepts: https, a public address, no name to resolve. */
export const PUBLIC_URL = 'https://93.184.215.14/hooks/workspace';

/** `POST /v1/partners` for a direct-bill partner `id`, as the platform operator. */
export const registerPartner = (http: Http, operator: string, id: string) =>
  http
    .post('/v1/partners')
    .set('Authorization', operator)
    .send({ id, name: `${id} s.r.o.`, programs: ['direct-bill'] });

/** `POST /v1/webhooks` as `auth`, for `customer-created` at `PUBLIC_URL` unless told otherwise. */
export const createWebhook = (http: Http, auth: string, body: object = {}) =>
  http
    .post('/v1/webhooks')
    .set('Authorization', auth)
    .send({ url: PUBLIC_URL, events: ['customer-created'], ...body });

/** The events of an endpoint's stream, as stored. */
export const webhookEvents = (api: TestApi, webhookId: string): Promise<RecordedEvent[]> =>
  collect(api.app.get<EventStore>(EVENT_STORE).readStream(webhookStream(webhookId)));
