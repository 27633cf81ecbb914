import { SecretSealer, type WebhookEvent } from '@customer-workspace/webhooks';
import { ActivityLogUnderTest } from './testing/activity-log.fixtures.js';
import { queryActivityLog } from './activity-log.query.js';

const sealer = new SecretSealer(SecretSealer.newKey());
const WEBHOOK = 'wh-1';
const owner = { webhookId: WEBHOOK, partnerId: 'contoso' };
const settings = {
  url: 'https://hooks.contoso.example/partner-center',
  events: ['customer-created', 'order-created'],
  description: 'ERP',
} as const;
const firstSecret = sealer.seal('whsec_first', WEBHOOK);
const secondSecret = sealer.seal('whsec_second', WEBHOOK);

const created: WebhookEvent = {
  type: 'WebhookCreated',
  data: { ...owner, ...settings, secret: firstSecret },
};
const updated: WebhookEvent = {
  type: 'WebhookUpdated',
  data: {
    ...owner,
    old: { url: settings.url, description: 'ERP' },
    new: { url: 'https://hooks.contoso.example/v2', description: 'ERP v2' },
  },
};
const rotated: WebhookEvent = {
  type: 'WebhookSecretRotated',
  data: { ...owner, secret: secondSecret, previousValidUntil: '2026-11-22T10:00:00.000Z' },
};
const disabled = (because: 'partner' | 'gone' | 'failing'): WebhookEvent => ({
  type: 'WebhookDisabled',
  data: { ...owner, because },
});
const enabled: WebhookEvent = { type: 'WebhookEnabled', data: owner };
const deleted: WebhookEvent = { type: 'WebhookDeleted', data: owner };
const tested: WebhookEvent = { type: 'WebhookTestRequested', data: owner };

describe('activity-log projection: webhook endpoints (given events, then entries)', () => {
  let log: ActivityLogUnderTest;
  beforeEach(() => (log = new ActivityLogUnderTest()));
  afterEach(() => log.close());
  const itemsOf = (partnerId: string, action?: 'create_webhook' | 'update_webhook') =>
    queryActivityLog(log.db, partnerId, action ? { action } : {}, { limit: 500 }).items;
  const newest = (partnerId = 'contoso') => itemsOf(partnerId)[0];
  const stored = () => JSON.stringify(log.rows(), (_k, v) => (typeof v === 'bigint' ? `${v}` : v));

  it('records a created endpoint as create_webhook for its partner: url, events, description, never the secret', () => {
    const metadata = {
      partnerId: 'contoso',
      actor: { userId: 'u-7', upn: 'jana@contoso.example', role: 'admin-agent' },
      occurredAt: '2026-11-21T10:00:00+01:00',
      correlationId: 'corr-7',
      causationId: 'cause-7',
    };
    const [position] = log.given([created], metadata);
    expect(itemsOf('contoso')).toEqual([
      {
        position: String(position),
        occurredAt: '2026-11-21T09:00:00.000Z',
        customerId: null,
        customerName: null,
        action: 'create_webhook',
        resourceType: 'webhook',
        performedBy: metadata.actor,
        newValue: { webhookId: WEBHOOK, ...settings },
        correlationId: 'corr-7',
        causationId: 'cause-7',
        eventId: expect.any(String),
      },
    ]);
    expect(stored()).not.toContain(firstSecret);
    expect(stored()).not.toMatch(/"secret"|whsec_/);
  });

  it('records an update as update_webhook with the old and new settings the event carries', () => {
    log.given([created, updated]);
    expect(newest()).toMatchObject({
      action: 'update_webhook',
      resourceType: 'webhook',
      customerId: null,
      oldValue: { webhookId: WEBHOOK, url: settings.url, description: 'ERP' },
      newValue: {
        webhookId: WEBHOOK,
        url: 'https://hooks.contoso.example/v2',
        description: 'ERP v2',
      },
    });
  });

  it.each(['partner', 'gone', 'failing'] as const)(
    'records an endpoint disabled because of %s as disable_webhook, enabled before',
    (because) => {
      log.given([created, disabled(because)]);
      expect(newest()).toMatchObject({
        action: 'disable_webhook',
        resourceType: 'webhook',
        oldValue: { webhookId: WEBHOOK, status: 'enabled' },
        newValue: { webhookId: WEBHOOK, status: 'disabled', reason: because },
      });
    },
  );

  it('records an endpoint enabled again as update_webhook of its status', () => {
    log.given([created, disabled('partner'), enabled]);
    expect(newest()).toMatchObject({
      action: 'update_webhook',
      resourceType: 'webhook',
      oldValue: { webhookId: WEBHOOK, status: 'disabled' },
      newValue: { webhookId: WEBHOOK, status: 'enabled' },
    });
  });

  it('records a rotation as rotate_webhook_secret with only how long the previous secret signs', () => {
    log.given([created, rotated]);
    const entry = newest();
    expect(entry).toMatchObject({ action: 'rotate_webhook_secret', resourceType: 'webhook' });
    expect(entry).not.toHaveProperty('oldValue');
    expect(entry?.newValue).toEqual({
      webhookId: WEBHOOK,
      previousSecretValidUntil: '2026-11-22T10:00:00.000Z',
    });
    expect(stored()).not.toContain(secondSecret);
    expect(stored()).not.toContain(firstSecret);
  });

  it('records a deletion as delete_webhook: the endpoint before, none after', () => {
    log.given([created, deleted]);
    expect(newest()).toMatchObject({
      action: 'delete_webhook',
      resourceType: 'webhook',
      oldValue: { webhookId: WEBHOOK },
      newValue: null,
    });
  });

  it('shows of an update only the settings, whatever else its stored values hold', () => {
    log.given([
      {
        type: 'WebhookUpdated',
        data: {
          ...owner,
          old: { url: settings.url, secret: firstSecret },
          new: { secret: secondSecret },
        },
      },
    ]);
    expect(newest()).toMatchObject({
      oldValue: { webhookId: WEBHOOK, url: settings.url },
      newValue: { webhookId: WEBHOOK },
    });
    expect(stored()).not.toMatch(/"secret"|whsec_/);
    for (const secret of [firstSecret, secondSecret]) expect(stored()).not.toContain(secret);
  });

  it('gives a test delivery request no entry', () => {
    log.given([tested]);
    expect(log.rows()).toEqual([]);
  });

  it('shows an endpoint’s whole life to its partner alone, no value holding a secret', () => {
    log.given(
      [created, updated, rotated, disabled('failing'), enabled, tested, deleted],
      // The delivery process records for the endpoint's partner; the entry follows the data.
      { partnerId: 'platform' },
    );
    expect(itemsOf('contoso').map((item) => item.action)).toEqual([
      'delete_webhook',
      'update_webhook',
      'disable_webhook',
      'rotate_webhook_secret',
      'update_webhook',
      'create_webhook',
    ]);
    expect(itemsOf('platform')).toEqual([]);
    expect(itemsOf('fabrikam')).toEqual([]);
    expect(log.rows().every((row) => row.customer_id === null && row.customer_name === null)).toBe(
      true,
    );
    for (const secret of [firstSecret, secondSecret]) expect(stored()).not.toContain(secret);
    expect(stored()).not.toMatch(/"secret"|whsec_/);
  });

  it('filters and counts webhook entries by action', () => {
    log.given([created, updated, enabled, deleted]);
    const page = queryActivityLog(log.db, 'contoso', { action: 'update_webhook' }, { limit: 500 });
    expect(page.total).toBe(2);
    expect(page.items.map((item) => item.action)).toEqual(['update_webhook', 'update_webhook']);
    expect(itemsOf('contoso', 'create_webhook')).toHaveLength(1);
  });

  it('still records webhook events whose stored data lacks fields, and goes on', () => {
    const lacking = [
      { type: 'WebhookCreated', data: { webhookId: WEBHOOK, partnerId: 'contoso' } },
      { type: 'WebhookUpdated', data: { webhookId: WEBHOOK, partnerId: 'contoso' } },
      { type: 'WebhookDisabled', data: { webhookId: WEBHOOK, partnerId: 'contoso' } },
      { type: 'WebhookSecretRotated', data: { webhookId: WEBHOOK, partnerId: 'contoso' } },
      // No partner in the data: the partner the event was recorded for.
      { type: 'WebhookDeleted', data: { webhookId: WEBHOOK } },
    ];
    log.given(lacking, { partnerId: 'contoso' });
    log.given([{ type: 'TagCreated', data: { partnerId: 'contoso', tagId: 't-1', name: 'VIP' } }]);
    expect(
      itemsOf('contoso').map(({ action, oldValue, newValue }) => [action, oldValue, newValue]),
    ).toEqual([
      ['create_tag', undefined, { tagId: 't-1', name: 'VIP' }],
      ['delete_webhook', { webhookId: WEBHOOK }, null],
      ['rotate_webhook_secret', undefined, { webhookId: WEBHOOK }],
      [
        'disable_webhook',
        { webhookId: WEBHOOK, status: 'enabled' },
        { webhookId: WEBHOOK, status: 'disabled' },
      ],
      ['update_webhook', undefined, undefined],
      ['create_webhook', undefined, { webhookId: WEBHOOK }],
    ]);
  });
});
