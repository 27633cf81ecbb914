import { assertNever, type Decider } from '@customer-workspace/kernel';
import type {
  CreateWebhook,
  RotateWebhookSecret,
  UpdateWebhook,
  WebhookCommand,
} from './webhook.commands.js';
import {
  WebhookAlreadyExists,
  WebhookIsDisabled,
  WebhookNotFound,
  WebhookWithoutEvents,
} from './webhook.errors.js';
import type { WebhookEvent, WebhookSettings } from './webhook.events.js';
import {
  evolveWebhook,
  initialWebhookState,
  type RegisteredWebhook,
  type WebhookState,
} from './webhook.state.js';

/** How long a replaced secret keeps signing after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 3600 * 1000;

/** The endpoint, if it is the caller's and not deleted; otherwise it is not found (404). */
function own(
  state: WebhookState,
  { webhookId, partnerId }: WebhookCommand['data'],
): RegisteredWebhook {
  if (state.status !== 'registered' || state.webhook.partnerId !== partnerId)
    throw new WebhookNotFound(webhookId);
  return state.webhook;
}

function create({ data }: CreateWebhook, state: WebhookState): WebhookEvent[] {
  if (state.status !== 'none') throw new WebhookAlreadyExists(data.webhookId);
  if (data.events.length === 0) throw new WebhookWithoutEvents();
  return [{ type: 'WebhookCreated', data: { ...data, events: [...new Set(data.events)] } }];
}

/** Only what changes is recorded (old and new values); an update that changes nothing, nothing. */
function update({ data }: UpdateWebhook, state: WebhookState): WebhookEvent[] {
  const webhook = own(state, data);
  const { webhookId, partnerId, status, ...asked } = data;
  if (asked.events !== undefined && asked.events.length === 0) throw new WebhookWithoutEvents();
  const changed = changedSettings(webhook, asked);
  const events: WebhookEvent[] = [];
  if (Object.keys(changed.new).length > 0)
    events.push({ type: 'WebhookUpdated', data: { webhookId, partnerId, ...changed } });
  if (status === 'disabled' && webhook.status === 'enabled')
    events.push({ type: 'WebhookDisabled', data: { webhookId, partnerId, because: 'partner' } });
  if (status === 'enabled' && webhook.status === 'disabled')
    events.push({ type: 'WebhookEnabled', data: { webhookId, partnerId } });
  return events;
}

function changedSettings(webhook: RegisteredWebhook, asked: Partial<WebhookSettings>) {
  const old: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  const events = asked.events && [...new Set(asked.events)];
  const wanted: Partial<WebhookSettings> = { ...asked, ...(events && { events }) };
  for (const key of ['url', 'events', 'description'] as const) {
    const value = wanted[key];
    if (value === undefined || JSON.stringify(value) === JSON.stringify(webhook[key])) continue;
    old[key] = webhook[key];
    now[key] = value;
  }
  return { old: old as Partial<WebhookSettings>, new: now as Partial<WebhookSettings> };
}

function rotate({ data }: RotateWebhookSecret, state: WebhookState): WebhookEvent[] {
  own(state, data);
  const { webhookId, partnerId, secret, at } = data;
  const previousValidUntil = new Date(Date.parse(at) + ROTATION_OVERLAP_MS).toISOString();
  return [
    { type: 'WebhookSecretRotated', data: { webhookId, partnerId, secret, previousValidUntil } },
  ];
}

function decide(command: WebhookCommand, state: WebhookState): WebhookEvent[] {
  switch (command.type) {
    case 'CreateWebhook':
      return create(command, state);
    case 'UpdateWebhook':
      return update(command, state);
    case 'DisableWebhook': {
      const webhook = own(state, command.data);
      if (webhook.status === 'disabled') return [];
      return [{ type: 'WebhookDisabled', data: command.data }];
    }
    case 'RotateWebhookSecret':
      return rotate(command, state);
    case 'DeleteWebhook': {
      const { webhookId, partnerId } = own(state, command.data);
      return [{ type: 'WebhookDeleted', data: { webhookId, partnerId } }];
    }
    case 'RequestWebhookTest': {
      const { webhookId, partnerId, status } = own(state, command.data);
      if (status === 'disabled') throw new WebhookIsDisabled(webhookId);
      return [{ type: 'WebhookTestRequested', data: { webhookId, partnerId } }];
    }
    default:
      return assertNever(command);
  }
}

/** A partner's webhook endpoint: its settings, its status and its signing secrets. */
export const webhookDecider: Decider<WebhookCommand, WebhookEvent, WebhookState> = {
  decide,
  evolve: evolveWebhook,
  initialState: initialWebhookState,
};

/** The stream of one endpoint. */
export const webhookStream = (webhookId: string): string => `webhook-${webhookId}`;
