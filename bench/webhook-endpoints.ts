import { post } from './order-workload.js';

/** What `POST /v1/webhooks` may deliver to the loopback receiver of the benchmarks. */
export const LOOPBACK_WEBHOOKS = {
  WEBHOOKS_ALLOW_HTTP: 'true',
  WEBHOOKS_ALLOWED_HOSTS: '127.0.0.1',
};

/** One endpoint per URL, registered over HTTP by an admin agent; returns their ids. */
export async function registerEndpoints(
  baseUrl: string,
  admin: string,
  urls: readonly string[],
  events: readonly string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const url of urls) {
    const created = (await post(baseUrl, '/v1/webhooks', admin, { url, events })) as { id: string };
    ids.push(created.id);
  }
  return ids;
}

/** `total` of `GET /v1/webhooks/{id}/deliveries?state=…` for each endpoint. */
export async function deliveryTotals(
  baseUrl: string,
  admin: string,
  ids: readonly string[],
  state: 'pending' | 'delivered' | 'failed',
): Promise<number[]> {
  return Promise.all(
    ids.map(async (id) => {
      const response = await fetch(
        `${baseUrl}/v1/webhooks/${id}/deliveries?state=${state}&limit=1`,
        {
          headers: { authorization: `Bearer ${admin}` },
        },
      );
      if (response.status !== 200) throw new Error(`deliveries of ${id}: ${response.status}`);
      return ((await response.json()) as { total: number }).total;
    }),
  );
}

/** Polls until every endpoint has `each` deliveries in `state`; throws after `timeoutMs`. */
export async function waitForTotals(
  baseUrl: string,
  admin: string,
  ids: readonly string[],
  state: 'pending' | 'delivered',
  each: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const totals = await deliveryTotals(baseUrl, admin, ids, state);
    if (totals.every((total) => total === each)) return;
    if (Date.now() > deadline)
      throw new Error(
        `${state} deliveries ${totals.join(', ')} after ${timeoutMs} ms, not ${each}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
