import { assertNever } from '@customer-workspace/kernel';
import type {
  DisabledBecause,
  SealedSecret,
  WebhookEvent,
  WebhookSettings,
} from './webhook.events.js';

/** A secret that signs deliveries; one replaced by a rotation signs until `validUntil`. */
export interface SigningSecret {
  readonly secret: SealedSecret;
  readonly validUntil?: string;
}

export interface RegisteredWebhook extends WebhookSettings {
  readonly webhookId: string;
  readonly partnerId: string;
  readonly status: 'enabled' | 'disabled';
  readonly disabledBecause?: DisabledBecause;
  /** The current secret first, then the one it replaced while that still signs. */
  readonly secrets: readonly SigningSecret[];
}

export type WebhookState =
  | { readonly status: 'none' }
  | { readonly status: 'registered'; readonly webhook: RegisteredWebhook }
  | { readonly status: 'deleted'; readonly partnerId: string };

export const initialWebhookState = (): WebhookState => ({ status: 'none' });

export function evolveWebhook(state: WebhookState, event: WebhookEvent): WebhookState {
  if (event.type === 'WebhookCreated') {
    const { secret, ...settings } = event.data;
    return {
      status: 'registered',
      webhook: { ...settings, status: 'enabled', secrets: [{ secret }] },
    };
  }
  if (state.status !== 'registered') return state;
  const { webhook } = state;
  switch (event.type) {
    case 'WebhookUpdated':
      return { status: 'registered', webhook: { ...webhook, ...event.data.new } };
    case 'WebhookDisabled':
      return registered({ ...webhook, status: 'disabled', disabledBecause: event.data.because });
    case 'WebhookEnabled':
      return registered(enabledAgain(webhook));
    case 'WebhookSecretRotated': {
      const [current] = webhook.secrets;
      const previous = current && {
        secret: current.secret,
        validUntil: event.data.previousValidUntil,
      };
      return registered({
        ...webhook,
        secrets: [{ secret: event.data.secret }, ...(previous ? [previous] : [])],
      });
    }
    case 'WebhookDeleted':
      return { status: 'deleted', partnerId: webhook.partnerId };
    case 'WebhookTestRequested':
      // A delivery to make, nothing the endpoint keeps.
      return state;
    default:
      return assertNever(event);
  }
}

const registered = (webhook: RegisteredWebhook): WebhookState => ({
  status: 'registered',
  webhook,
});

/** The secrets that sign a delivery attempted at `at`: the current one, and a replaced one still valid. */
export function signingSecretsAt(
  webhook: Pick<RegisteredWebhook, 'secrets'>,
  at: Date,
): SealedSecret[] {
  return webhook.secrets
    .filter(({ validUntil }) => validUntil === undefined || Date.parse(validUntil) > at.getTime())
    .map(({ secret }) => secret);
}

/** Enabled, with no reason for being disabled left. */
function enabledAgain(webhook: RegisteredWebhook): RegisteredWebhook {
  const enabled = { ...webhook, status: 'enabled' as const };
  delete enabled.disabledBecause;
  return enabled;
}
