import { deciderSpecification } from '@customer-workspace/kernel/testing';
import type { WebhookCommand } from './webhook.commands.js';
import { webhookDecider } from './webhook.decider.js';
import {
  WebhookAlreadyExists,
  WebhookIsDisabled,
  WebhookNotFound,
  WebhookWithoutEvents,
} from './webhook.errors.js';
import type { WebhookCreated, WebhookEvent } from './webhook.events.js';
import { signingSecretsAt } from './webhook.state.js';

const spec = deciderSpecification(webhookDecider);
const ids = { webhookId: 'w-1', partnerId: 'p-1' };
const created: WebhookCreated = {
  type: 'WebhookCreated',
  data: {
    ...ids,
    url: 'https://hooks.partner.example/in',
    events: ['customer-created', 'order-created'],
    secret: 'sealed:one',
  },
};
const create = (extra: Partial<WebhookCreated['data']> = {}): WebhookCommand => ({
  type: 'CreateWebhook',
  data: { ...created.data, ...extra },
});
const update = (
  data: Omit<Extract<WebhookCommand, { type: 'UpdateWebhook' }>['data'], 'webhookId' | 'partnerId'>,
) => ({ type: 'UpdateWebhook', data: { ...ids, ...data } }) as const;
const deleted: WebhookEvent = { type: 'WebhookDeleted', data: ids };

describe('webhook endpoint: registration', () => {
  it('registers an endpoint with its sealed secret, each event name once', () => {
    spec
      .given([])
      .when(create({ events: ['order-created', 'order-created', 'customer-created'] }))
      .then([
        { ...created, data: { ...created.data, events: ['order-created', 'customer-created'] } },
      ]);
  });

  it('refuses an endpoint subscribed to no event', () => {
    spec
      .given([])
      .when(create({ events: [] }))
      .thenThrows(WebhookWithoutEvents);
  });

  it('refuses an id that is taken, even by a deleted endpoint', () => {
    spec.given([created]).when(create()).thenThrows(WebhookAlreadyExists);
    spec.given([created, deleted]).when(create()).thenThrows(WebhookAlreadyExists);
  });
});

describe('webhook endpoint: changes', () => {
  it('records only what changes, with old and new values', () => {
    spec
      .given([created])
      .when(
        update({
          url: 'https://hooks.partner.example/v2',
          events: ['customer-created', 'order-created'],
        }),
      )
      .then([
        {
          type: 'WebhookUpdated',
          data: {
            ...ids,
            old: { url: created.data.url },
            new: { url: 'https://hooks.partner.example/v2' },
          },
        },
      ]);
  });

  it('changes nothing when nothing differs', () => {
    spec
      .given([created])
      .when(update({ url: created.data.url, status: 'enabled' }))
      .then([]);
  });

  it('disables and enables again on the partner’s word', () => {
    const disabled: WebhookEvent = {
      type: 'WebhookDisabled',
      data: { ...ids, because: 'partner' },
    };
    spec
      .given([created])
      .when(update({ status: 'disabled' }))
      .then([disabled]);
    spec
      .given([created, disabled])
      .when(update({ status: 'enabled' }))
      .then([{ type: 'WebhookEnabled', data: ids }]);
  });

  it('is disabled by the delivery process once, however often it asks', () => {
    const gone: WebhookEvent = { type: 'WebhookDisabled', data: { ...ids, because: 'gone' } };
    const disable: WebhookCommand = { type: 'DisableWebhook', data: { ...ids, because: 'gone' } };
    spec.given([created]).when(disable).then([gone]);
    spec.given([created, gone]).when(disable).then([]);
  });

  it('refuses to leave an endpoint subscribed to nothing', () => {
    spec
      .given([created])
      .when(update({ events: [] }))
      .thenThrows(WebhookWithoutEvents);
  });
});

describe('webhook endpoint: secrets', () => {
  const rotated: WebhookEvent = {
    type: 'WebhookSecretRotated',
    data: { ...ids, secret: 'sealed:two', previousValidUntil: '2026-12-02T10:00:00.000Z' },
  };

  it('rotates the secret; the previous one signs for 24 more hours', () => {
    spec
      .given([created])
      .when({
        type: 'RotateWebhookSecret',
        data: { ...ids, secret: 'sealed:two', at: '2026-12-01T10:00:00.000Z' },
      })
      .then([rotated]);
  });

  it('signs with both secrets during the overlap, then with the new one alone', () => {
    const state = [created, rotated].reduce(webhookDecider.evolve, webhookDecider.initialState());
    if (state.status !== 'registered') throw new Error('not registered');
    expect(signingSecretsAt(state.webhook, new Date('2026-12-01T12:00:00.000Z'))).toEqual([
      'sealed:two',
      'sealed:one',
    ]);
    expect(signingSecretsAt(state.webhook, new Date('2026-12-02T10:00:00.001Z'))).toEqual([
      'sealed:two',
    ]);
  });
});

describe('webhook endpoint: tenant isolation and deletion', () => {
  const stranger = { webhookId: 'w-1', partnerId: 'p-2' };

  it("answers another partner's endpoint as not found, whatever the command", () => {
    const commands: WebhookCommand[] = [
      { type: 'UpdateWebhook', data: { ...stranger, url: 'https://evil.example/' } },
      {
        type: 'RotateWebhookSecret',
        data: { ...stranger, secret: 'sealed:x', at: '2026-12-01T10:00:00.000Z' },
      },
      { type: 'DeleteWebhook', data: stranger },
      { type: 'DisableWebhook', data: { ...stranger, because: 'failing' } },
      { type: 'RequestWebhookTest', data: stranger },
    ];
    for (const command of commands) spec.given([created]).when(command).thenThrows(WebhookNotFound);
  });

  it('deletes an endpoint; afterwards it is not found', () => {
    spec.given([created]).when({ type: 'DeleteWebhook', data: ids }).then([deleted]);
    spec
      .given([created, deleted])
      .when({ type: 'DeleteWebhook', data: ids })
      .thenThrows(WebhookNotFound);
    spec
      .given([created, deleted])
      .when(update({ status: 'enabled' }))
      .thenThrows(WebhookNotFound);
  });
});

describe('webhook endpoint: test deliveries', () => {
  const test: WebhookCommand = { type: 'RequestWebhookTest', data: ids };
  it('records a test request for an enabled endpoint', () => {
    spec
      .given([created])
      .when(test)
      .then([{ type: 'WebhookTestRequested', data: ids }]);
  });
  it('refuses a test to a disabled endpoint, and to one that is not the caller’s', () => {
    const disabled: WebhookEvent = {
      type: 'WebhookDisabled',
      data: { ...ids, because: 'partner' },
    };
    spec.given([created, disabled]).when(test).thenThrows(WebhookIsDisabled);
    spec
      .given([created])
      .when({ type: 'RequestWebhookTest', data: { ...ids, partnerId: 'p-2' } })
      .thenThrows(WebhookNotFound);
  });
});
