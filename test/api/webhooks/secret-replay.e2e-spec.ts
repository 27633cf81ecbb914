import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import {
  CreateWebhookCommand,
  type IdempotentRequest,
  requestContext,
  RotateWebhookSecretCommand,
} from '@customer-workspace/api/testing';
import type { Principal } from '@customer-workspace/auth';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { PUBLIC_URL, registerPartner, webhookEvents, NO_DELIVERIES } from './webhooks.fixtures.js';

/**
 * A keyed command whose events were stored but whose answer was never sent (the api died in
 * between) is run again by the retry: the handler finds its own events and answers the secret
 * they sealed, not a new one. (A retry after an answer is stopped earlier, by the idempotency
 * store: 409 `idempotent-answer-withheld`.)
 */
describe('webhook secrets of a keyed command stored but never answered', () => {
  let api: TestApi;
  const caller: Principal = {
    userId: 'u-1',
    upn: 'admin@contoso.example',
    partnerId: 'contoso',
    roles: ['admin-agent'],
  };
  /** The context a request with `Idempotency-Key: key` gets: the same ids at every attempt. */
  const keyed = (key: string) =>
    requestContext(
      { id: `req-${key}`, idempotencyKey: { scope: 'contoso', key } } as IdempotentRequest,
      caller,
      new Date(),
    );
  beforeAll(async () => {
    api = await startTestApi(NO_DELIVERIES);
    const http = request(api.app.getHttpServer());
    await registerPartner(http, await bearer(api, 'platform', 'operator'), 'contoso').expect(201);
  });
  afterAll(() => api.close());

  it('answers the retry of a creation with the secret its first attempt sealed', async () => {
    const bus = api.app.get(CommandBus);
    const body = { url: PUBLIC_URL, events: ['customer-created' as const] };
    const first = await bus.execute(new CreateWebhookCommand(body, caller, keyed('c-1')));
    const retry = await bus.execute(new CreateWebhookCommand(body, caller, keyed('c-1')));
    expect(retry).toEqual(first);
    expect(await webhookEvents(api, first.id)).toHaveLength(1);
  });

  it('answers the retry of a rotation with the secret its first attempt sealed', async () => {
    const bus = api.app.get(CommandBus);
    const body = { url: PUBLIC_URL, events: ['order-created' as const] };
    const { id } = await bus.execute(new CreateWebhookCommand(body, caller, keyed('c-2')));
    const first = await bus.execute(new RotateWebhookSecretCommand(id, caller, keyed('r-2')));
    const retry = await bus.execute(new RotateWebhookSecretCommand(id, caller, keyed('r-2')));
    expect(retry).toEqual(first);
    expect(await webhookEvents(api, id)).toHaveLength(2);
  });
});
