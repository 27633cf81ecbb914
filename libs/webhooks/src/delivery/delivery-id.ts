import { createHash } from 'node:crypto';

/**
 * The `webhook-id` of the delivery of one event to one endpoint: derived from both, so a retry,
 * a repeat after a crash and a replay all carry the same id and a receiver can drop the
 * duplicate. `msg_` and 32 hex digits of SHA-256 over the two ids.
 */
export function deliveryIdOf(eventId: string, webhookId: string): string {
  const digest = createHash('sha256').update(`${eventId}\n${webhookId}`).digest('hex');
  return `msg_${digest.slice(0, 32)}`;
}
