import type { WebhookHeaders } from '../../webhook-signer.js';

/** Signed headers as a delivery carries them (the signature's value does not matter here). */
export const DELIVERY_HEADERS: WebhookHeaders = {
  'webhook-id': 'msg_2a6f',
  'webhook-timestamp': '1767225600',
  'webhook-signature': 'v1,c2lnbmF0dXJl',
};

export const DELIVERY_BODY = JSON.stringify({
  type: 'customer.created',
  data: { customerId: 'c-1' },
});
