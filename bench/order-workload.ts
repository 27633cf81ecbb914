import type autocannon from 'autocannon';

/** The partner whose sales agent places every order of the benchmark. */
export const BENCH_PARTNER = 'bench-partner';

/** POSTs `body` as JSON with a bearer token; throws unless the answer is 201. */
export async function post(
  baseUrl: string,
  path: string,
  token: string,
  body: unknown,
): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer: unknown = await response.json();
  if (response.status !== 201)
    throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** A new customer's body; `n` makes its names and domain its own. */
export function customerBody(n: number) {
  return {
    companyProfile: { companyName: `Bench ${n} s.r.o.`, domain: `bench${n}.onmicrosoft.com` },
    billingProfile: {
      companyName: `Bench ${n} s.r.o.`,
      email: `billing@bench${n}.example`,
      culture: 'cs-CZ',
      language: 'cs',
      defaultAddress: {
        addressLine1: 'Vinohradská 12',
        city: 'Praha',
        postalCode: '120 00',
        country: 'CZ',
      },
    },
  };
}

/** The bench partner, registered by the platform operator through the api. */
export async function registerBenchPartner(baseUrl: string, operator: string): Promise<void> {
  const partner = { id: BENCH_PARTNER, name: 'Bench Partner s.r.o.', programs: ['direct-bill'] };
  await post(baseUrl, '/v1/partners', operator, partner);
}

/**
 * `count` customers added by the bench partner's agent (who becomes each one's direct
 * reseller), one command each, a few in flight at a time. Returns the customer ids.
 */
export async function addCustomers(
  baseUrl: string,
  agent: string,
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let from = 0; from < count; from += 10) {
    const batch = Array.from({ length: Math.min(10, count - from) }, (_, i) =>
      post(baseUrl, '/v1/customers', agent, customerBody(from + i)),
    );
    for (const created of await Promise.all(batch)) ids.push((created as { id: string }).id);
  }
  return ids;
}

/**
 * The data through the real command path: the operator registers the partner, its agent adds
 * `count` customers. Returns the customer ids.
 */
export async function seedCustomers(
  baseUrl: string,
  tokens: { readonly operator: string; readonly agent: string },
  count: number,
): Promise<string[]> {
  await registerBenchPartner(baseUrl, tokens.operator);
  return addCustomers(baseUrl, tokens.agent, count);
}

/**
 * Every request is a new order (a distinct body, no `Idempotency-Key`: no retry or replay is
 * measured), spread round-robin over `customerIds`, so what is measured is the command path,
 * not the contention of one stream.
 */
export function orderRequests(customerIds: readonly string[], token: string): autocannon.Request[] {
  let n = 0;
  return [
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      setupRequest: (request) => {
        const i = n++;
        return {
          ...request,
          path: `/v1/customers/${customerIds[i % customerIds.length]}/orders`,
          body: JSON.stringify({
            catalog: 'online-services',
            lineItems: [
              {
                offerId: 'CFQ7TTC0LH18:0001',
                quantity: 1 + (i % 10_000),
                termDuration: 'P1Y',
                friendlyName: `Seats ${i}`,
              },
            ],
          }),
        };
      },
    },
  ];
}

/** Every request adds a new customer (`POST /v1/customers`), each with a domain of its own. */
export function customerRequests(token: string): autocannon.Request[] {
  let n = 1_000_000;
  return [
    {
      method: 'POST',
      path: '/v1/customers',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      setupRequest: (request) => ({ ...request, body: JSON.stringify(customerBody(n++)) }),
    },
  ];
}
