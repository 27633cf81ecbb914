import { Webhook } from 'standardwebhooks';

/** The headers of one delivery attempt, per the Standard Webhooks specification (v1). */
export interface WebhookHeaders {
  readonly 'webhook-id': string;
  /** Unix seconds of this attempt. */
  readonly 'webhook-timestamp': string;
  /** `v1,<base64 HMAC-SHA256>` per secret, space-separated during a rotation. */
  readonly 'webhook-signature': string;
}

/**
 * Signs a delivery with every secret the endpoint currently accepts (two during a rotation's
 * overlap, the new one first), over `{id}.{timestamp}.{body}` as the specification defines.
 * The well-kept `standardwebhooks` package computes each signature.
 */
export function signDelivery(
  secrets: readonly string[],
  id: string,
  at: Date,
  body: string,
): WebhookHeaders {
  if (secrets.length === 0) throw new Error(`Delivery ${id} has no secret to be signed with`);
  const seconds = Math.floor(at.getTime() / 1000);
  const signatures = secrets.map((secret) => new Webhook(secret).sign(id, at, body));
  return {
    'webhook-id': id,
    'webhook-timestamp': seconds.toString(),
    'webhook-signature': signatures.join(' '),
  };
}
