import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@customer-workspace/event-store';
import { testMetadata } from '@customer-workspace/event-store/testing';
import type { WebhookEventName } from '../webhook-events.js';
import { deliveryIdOf } from './delivery-id.js';
import { ReplayTooLarge } from '../endpoint/webhook.errors.js';
import { bodyOfNotice, type DeliveryBody } from './delivery-body.js';
import { planDeliveries, replayDeliveries } from './delivery-planner.js';
import { owedDelivery, WebhookOutbox } from './webhook-outbox.js';

const NOW = Date.parse('2026-12-02T10:00:00.000Z');
const options = { now: () => NOW, baseUrl: 'https://workspace.example/' };

let dir: string;
let outbox: WebhookOutbox;
let position = 0n;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cw-planner-'));
  outbox = new WebhookOutbox(dir);
  position = 0n;
});
afterEach(() => {
  outbox.close();
  rmSync(dir, { recursive: true, force: true });
});

function recorded(type: string, data: unknown, partnerId = 'p-1'): RecordedEvent {
  position += 10n;
  return {
    eventId: `e-${position}`,
    type,
    data,
    metadata: testMetadata({
      partnerId,
      occurredAt: `2026-12-0${Number(position / 10n)}T08:00:00.000Z`,
    }),
    streamId: `s-${position}`,
    revision: 0n,
    position,
  };
}

const endpoint = (webhookId: string, partnerId: string, events: WebhookEventName[]) =>
  recorded(
    'WebhookCreated',
    { webhookId, partnerId, url: `https://${webhookId}.example/in`, events, secret: 'sealed' },
    partnerId,
  );

const customerAdded = (customerId: string, partnerId: string) =>
  recorded(
    'CustomerAdded',
    {
      customerId,
      addedByPartnerId: partnerId,
      companyProfile: { companyName: 'Contoso', domain: 'contoso.example' },
      billingProfile: { companyName: 'Contoso', email: 'secret-person@contoso.example' },
    },
    partnerId,
  );

/**
 * What the endpoint is owed, in order, as the dispatcher takes it: each owed notice (or pending
 * delivery) taken into a delivery and marked delivered; the bodies it would send.
 */
function bodies(webhookId: string): DeliveryBody[] {
  const sent: DeliveryBody[] = [];
  for (;;) {
    const head = outbox.heads(outbox.checkpoint()).find((h) => h.endpoint.webhookId === webhookId);
    if (head === undefined) return sent;
    const taken = 'notice' in head;
    const delivery = taken
      ? owedDelivery(
          head.notice,
          head.endpoint,
          bodyOfNotice(head.notice, webhookId, options.baseUrl),
        )
      : head.delivery;
    sent.push(JSON.parse(delivery.body) as DeliveryBody);
    const attempt = { at: new Date(NOW).toISOString(), status: 200, durationMs: 1 };
    outbox.recordAttempt(delivery, attempt, { state: 'delivered' }, taken);
  }
}

describe('planDeliveries', () => {
  it('records one delivery per event and subscribed endpoint of the partner it concerns', () => {
    const endpoints = [
      endpoint('w-1', 'p-1', ['customer-created']),
      endpoint('w-2', 'p-1', ['order-created']),
      endpoint('w-3', 'p-2', ['customer-created']),
    ];
    const added = customerAdded('c-1', 'p-1');
    planDeliveries(outbox, [...endpoints, added], options);
    expect(bodies('w-1')).toEqual([
      {
        id: deliveryIdOf(added.eventId, 'w-1'),
        eventName: 'customer-created',
        resourceName: 'customer',
        resourceUri: 'https://workspace.example/v1/customers/c-1',
        auditUri: `https://workspace.example/v1/activity-logs/${added.position}?minPosition=${added.position}`,
        resourceChangeUtcDate: added.metadata.occurredAt,
        position: added.position.toString(),
        partnerId: 'p-1',
      },
    ]);
    expect(bodies('w-2')).toEqual([]);
    expect(bodies('w-3')).toEqual([]);
    expect(outbox.checkpoint()).toBe(added.position);
  });

  it('carries no personal data in a body', () => {
    planDeliveries(
      outbox,
      [endpoint('w-1', 'p-1', ['customer-created']), customerAdded('c-1', 'p-1')],
      options,
    );
    const [body] = bodies('w-1');
    expect(JSON.stringify(body)).not.toContain('secret-person');
    expect(JSON.stringify(body)).not.toContain('Contoso');
  });

  it('records nothing twice when a batch is handed over again (a crash before the next one)', () => {
    const batch = [endpoint('w-1', 'p-1', ['customer-created']), customerAdded('c-1', 'p-1')];
    planDeliveries(outbox, batch, options);
    planDeliveries(outbox, batch, options);
    expect(outbox.deliveriesOf('w-1', { limit: 10 }).total).toBe(1);
  });

  it('delivers nothing to a disabled endpoint, and resumes where it stopped when it is enabled', () => {
    planDeliveries(
      outbox,
      [endpoint('w-1', 'p-1', ['customer-created']), customerAdded('c-1', 'p-1')],
      options,
    );
    planDeliveries(
      outbox,
      [
        recorded('WebhookDisabled', { webhookId: 'w-1', partnerId: 'p-1', because: 'partner' }),
        customerAdded('c-2', 'p-1'),
      ],
      options,
    );
    expect(outbox.endpoint('w-1')).toMatchObject({
      status: 'disabled',
      disabledBecause: 'partner',
    });
    expect(outbox.heads(outbox.checkpoint())).toEqual([]);
    planDeliveries(
      outbox,
      [recorded('WebhookEnabled', { webhookId: 'w-1', partnerId: 'p-1' })],
      options,
    );
    // Where it stopped: what it owed before it was disabled, and what came meanwhile.
    expect(bodies('w-1').map((body) => body.resourceUri)).toEqual([
      'https://workspace.example/v1/customers/c-1',
      'https://workspace.example/v1/customers/c-2',
    ]);
  });

  it('drops every delivery of a deleted endpoint', () => {
    planDeliveries(
      outbox,
      [
        endpoint('w-1', 'p-1', ['customer-created']),
        customerAdded('c-1', 'p-1'),
        recorded('WebhookDeleted', { webhookId: 'w-1', partnerId: 'p-1' }),
        customerAdded('c-2', 'p-1'),
      ],
      options,
    );
    expect(outbox.deliveriesOf('w-1', { limit: 10 }).total).toBe(0);
    expect(outbox.endpoint('w-1')?.status).toBe('deleted');
    expect(outbox.endpointsOf('p-1', 10)).toEqual([]);
  });

  it('turns a test request into one test-created delivery to that endpoint alone', () => {
    const endpoints = [
      endpoint('w-1', 'p-1', ['order-created']),
      endpoint('w-2', 'p-1', ['order-created']),
    ];
    const test = recorded('WebhookTestRequested', { webhookId: 'w-1', partnerId: 'p-1' });
    planDeliveries(outbox, [...endpoints, test], options);
    expect(bodies('w-1')).toEqual([
      expect.objectContaining({
        id: deliveryIdOf(test.eventId, 'w-1'),
        eventName: 'test-created',
        resourceName: 'webhook',
        resourceUri: 'https://workspace.example/v1/webhooks/w-1',
        auditUri: null,
      }),
    ]);
    expect(bodies('w-2')).toEqual([]);
  });

  it('notifies the indirect provider invited with a reseller, at the revocation too', () => {
    const hook = endpoint('w-p', 'prov-1', [
      'relationship-request-created',
      'relationship-request-revoked',
    ]);
    const invited = recorded('ResellerRelationshipRequested', {
      invitationId: 'i-1',
      partnerId: 'p-1',
      indirectProviderId: 'prov-1',
      relationship: 'indirect-reseller',
    });
    const revoked = recorded('ResellerRelationshipRequestRevoked', {
      invitationId: 'i-1',
      partnerId: 'p-1',
    });
    planDeliveries(outbox, [hook, invited, revoked], options);
    expect(bodies('w-p').map((body) => [body.eventName, body.partnerId])).toEqual([
      ['relationship-request-created', 'prov-1'],
      ['relationship-request-revoked', 'prov-1'],
    ]);
  });

  it('keeps the secrets a rotation leaves signing, sealed as the events hold them', () => {
    planDeliveries(
      outbox,
      [
        endpoint('w-1', 'p-1', ['customer-created']),
        recorded('WebhookSecretRotated', {
          webhookId: 'w-1',
          partnerId: 'p-1',
          secret: 'sealed-2',
          previousValidUntil: '2026-12-03T10:00:00.000Z',
        }),
      ],
      options,
    );
    expect(outbox.endpoint('w-1')?.secrets).toEqual([
      { secret: 'sealed-2' },
      { secret: 'sealed', validUntil: '2026-12-03T10:00:00.000Z' },
    ]);
  });
});

describe('replayDeliveries', () => {
  it('sends again from a position: delivered ones and those before the endpoint existed', () => {
    const first = customerAdded('c-1', 'p-1');
    const hook = endpoint('w-1', 'p-1', ['customer-created']);
    const second = customerAdded('c-2', 'p-1');
    const foreign = customerAdded('c-3', 'p-2');
    planDeliveries(outbox, [first, hook, second, foreign], options);
    expect(bodies('w-1')).toHaveLength(1);
    const count = replayDeliveries(
      outbox,
      { webhookId: 'w-1', partnerId: 'p-1', events: ['customer-created'] },
      { fromPosition: 0n, upTo: outbox.checkpoint()! },
      options,
    );
    expect(count).toBe(2);
    const { items } = outbox.deliveriesOf('w-1', { limit: 10 });
    expect(items.map((item) => [item.id, item.state, item.tries])).toEqual([
      [deliveryIdOf(second.eventId, 'w-1'), 'pending', 0],
      [deliveryIdOf(first.eventId, 'w-1'), 'pending', 0],
    ]);
    // The earlier attempt stays in the log.
    expect(items[0]?.attempts).toEqual([expect.objectContaining({ status: 200 })]);
  });

  it('sends a notice a replay took ahead of the cursor once, not again as owed', () => {
    planDeliveries(outbox, [endpoint('w-1', 'p-1', ['customer-created'])], options);
    const pausedAt = outbox.checkpoint()!;
    // Disabled: the cursor stays where it is while notices come.
    planDeliveries(
      outbox,
      [
        recorded('WebhookDisabled', { webhookId: 'w-1', partnerId: 'p-1', because: 'partner' }),
        customerAdded('c-1', 'p-1'),
        customerAdded('c-2', 'p-1'),
        recorded('WebhookEnabled', { webhookId: 'w-1', partnerId: 'p-1' }),
      ],
      options,
    );
    // A replay takes both notices ahead of the cursor, as pending deliveries.
    const count = replayDeliveries(
      outbox,
      { webhookId: 'w-1', partnerId: 'p-1', events: ['customer-created'] },
      { fromPosition: pausedAt, upTo: outbox.checkpoint()! },
      options,
    );
    expect(count).toBe(2);
    expect(bodies('w-1').map((body) => body.resourceUri)).toEqual([
      'https://workspace.example/v1/customers/c-1',
      'https://workspace.example/v1/customers/c-2',
    ]);
  });

  it('refuses a replay larger than its limit, recording nothing', () => {
    const events = [
      endpoint('w-1', 'p-1', ['customer-created']),
      customerAdded('c-1', 'p-1'),
      customerAdded('c-2', 'p-1'),
      customerAdded('c-3', 'p-1'),
    ];
    planDeliveries(outbox, events, options);
    const replay = (maxReplay: number) =>
      replayDeliveries(
        outbox,
        { webhookId: 'w-1', partnerId: 'p-1', events: ['customer-created'] },
        { fromPosition: 0n, upTo: outbox.checkpoint()! },
        { ...options, maxReplay },
      );
    expect(() => replay(2)).toThrow(ReplayTooLarge);
    // Still only owed (no delivery recorded: an owed notice has no attempt time yet).
    const { items } = outbox.deliveriesOf('w-1', { limit: 10 });
    expect(items.map((item) => item.nextAttemptAt)).toEqual([undefined, undefined, undefined]);
    expect(replay(3)).toBe(3);
  });

  it('selects by the time the events happened', () => {
    const events = [
      endpoint('w-1', 'p-1', ['customer-created']),
      customerAdded('c-1', 'p-1'), // 2026-12-02
      customerAdded('c-2', 'p-1'), // 2026-12-03
      customerAdded('c-3', 'p-1'), // 2026-12-04
    ];
    planDeliveries(outbox, events, options);
    const count = replayDeliveries(
      outbox,
      { webhookId: 'w-1', partnerId: 'p-1', events: ['customer-created'] },
      { from: '2026-12-03T00:00:00.000Z', to: '2026-12-04T00:00:00.000Z' },
      options,
    );
    expect(count).toBe(1);
  });
});
