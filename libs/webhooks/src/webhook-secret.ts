import { randomBytes } from 'node:crypto';

/** How many random bytes a secret carries (the Standard Webhooks minimum is 24). */
const SECRET_BYTES = 32;

/** A new endpoint secret: `whsec_` and the base64 of 32 random bytes, shown to its owner once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(SECRET_BYTES).toString('base64')}`;
}
