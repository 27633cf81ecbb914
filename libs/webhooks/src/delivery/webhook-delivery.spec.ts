import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@customer-workspace/event-store';
import { testMetadata } from '@customer-workspace/event-store/testing';
import { WebhookDelivery } from './webhook-delivery.js';
import { WebhookOutbox } from './webhook-outbox.js';

describe('WebhookDelivery (planning from the log)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let outbox: WebhookOutbox;
  let delivery: WebhookDelivery;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-delivery-'));
    store = new SqliteEventStore({ dataDir: dir });
    outbox = new WebhookOutbox(dir);
    delivery = new WebhookDelivery({ store, outbox });
  });
  afterEach(async () => {
    await delivery.stop();
    outbox.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const append = (streamId: string, type: string, data: unknown) =>
    store.append(
      streamId,
      [{ eventId: crypto.randomUUID(), type, data, metadata: testMetadata() }],
      {
        expectedRevision: 'any',
      },
    );

  it('plans what the log holds, before and after it starts, and says how far it is', async () => {
    await append('webhook-w-1', 'WebhookCreated', {
      webhookId: 'w-1',
      partnerId: 'partner-1',
      url: 'https://hooks.example/in',
      events: ['customer-created'],
      secret: 'sealed',
    });
    delivery.start();
    const { position } = await append('customer-c-1', 'CustomerAdded', {
      customerId: 'c-1',
      addedByPartnerId: 'partner-1',
      companyProfile: { companyName: 'Contoso', domain: 'contoso.example' },
      billingProfile: { companyName: 'Contoso', email: 'a@contoso.example' },
    });
    expect(await delivery.waitFor(position, 5000)).toBe(true);
    expect(delivery.status()).toEqual({ status: 'up', position: position.toString() });
    expect(outbox.deliveriesOf('w-1', { limit: 10 }).total).toBe(1);
  });

  it('stops at an event it cannot record, reports it, and never skips it', async () => {
    // A WebhookCreated without its endpoint's id cannot be kept.
    const { position } = await append('webhook-broken', 'WebhookCreated', { partnerId: 'p-1' });
    delivery.start();
    expect(await delivery.waitFor(position, 300)).toBe(false);
    const status = delivery.status();
    expect(status.status).toBe('failed');
    expect(status.failure?.message).toMatch(/NOT NULL/);
    expect(status.position).toBeNull();
  });
});
