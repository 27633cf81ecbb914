import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runApi, type Run, waitFor } from '../fixtures/api-process.js';
import { testStoreEnv } from '../fixtures/api-app.js';
import { newCustomerBody } from '../fixtures/customers.js';
import { repoRoot, requireBuild } from '../fixtures/dist.js';

/**
 * A partner's whole story (registration, customers, invitations, orders, tags) against the
 * api started as `npm start` starts it (the built main.js on the embedded store), with tokens
 * minted by the CLI: what a newcomer does.
 */
describe('the customers story, end to end against the running service', () => {
  let dir: string;
  let api: Run;
  let base: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cw-story-'));
    const port = await freePort();
    api = runApi({ PORT: String(port), DATA_DIR: dir, ...testStoreEnv(dir) });
    await waitFor(() => api.output().includes('listening on'), 'the api to listen');
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    api.child.kill('SIGTERM');
    await api.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  const token = (partner: string, role: string): string => {
    const run = spawnSync(
      process.execPath,
      [requireBuild('apps/cli/dist/main.js'), 'token', '--partner', partner, '--role', role],
      {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '', DATA_DIR: dir, ...testStoreEnv(dir) },
        encoding: 'utf8',
      },
    );
    if (run.status !== 0) throw new Error(run.stderr);
    return run.stdout.trim();
  };

  async function call(
    method: string,
    path: string,
    auth: string | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(auth ? { authorization: `Bearer ${auth}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
    };
  }

  it('registers partners, adds and updates a customer, invites with a provider, accepts, orders, cancels, removes, tags', async () => {
    const operator = token('platform', 'operator');
    for (const partner of [
      { id: 'contoso', name: 'Contoso s.r.o.', programs: ['direct-bill'], defaultLanguage: 'cs' },
      { id: 'fabrikam', name: 'Fabrikam Distribution', programs: ['indirect-provider'] },
      {
        id: 'wingtip',
        name: 'Wingtip Toys',
        programs: ['indirect-reseller'],
        indirectProviderId: 'fabrikam',
      },
    ]) {
      expect((await call('POST', '/v1/partners', operator, partner)).status).toBe(201);
    }
    const contoso = token('contoso', 'admin-agent');
    const wingtip = token('wingtip', 'admin-agent');
    const fabrikam = token('fabrikam', 'sales-agent');

    const added = await call('POST', '/v1/customers', contoso, newCustomerBody());
    expect(added.status).toBe(201);
    const updated = await call(
      'PUT',
      `/v1/customers/${added.body.id}/billing-profile`,
      contoso,
      newCustomerBody({ billing: { email: 'fakturace@contoso.cz' } }).billingProfile,
      { 'if-match': added.headers.get('etag') ?? '' },
    );
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('"1"');

    const invited = await call('POST', '/v1/relationship-requests', wingtip, {
      indirectProviderId: 'fabrikam',
      includeDelegatedAdmin: true,
    });
    expect(invited.status).toBe(201);
    expect(invited.body.email.body).toContain(invited.body.url);
    const secret = new URL(invited.body.url).searchParams.get('token');
    const accepted = await call(
      'POST',
      `/v1/relationship-requests/${invited.body.id}/acceptance`,
      null,
      {
        token: secret,
        customer: { companyName: 'Adatum Corporation', domain: 'adatum.onmicrosoft.com' },
      },
    );
    expect(accepted.status).toBe(201);
    const customerId = accepted.body.customerId as string;
    const asProvider = await call('GET', `/v1/customers/${customerId}`, fabrikam);
    expect(asProvider.body.relationships).toEqual([
      { relationship: 'indirect-provider', delegatedAdmin: true },
    ]);
    const asReseller = await call('GET', `/v1/customers/${customerId}`, wingtip);
    expect(asReseller.body.relationships).toEqual([
      { relationship: 'indirect-reseller', delegatedAdmin: true },
    ]);
    expect((await call('GET', `/v1/customers/${customerId}`, contoso)).status).toBe(404);

    const order = await call('POST', `/v1/customers/${customerId}/orders`, wingtip, {
      catalog: 'online-services',
      lineItems: [{ offerId: 'M365-E3', quantity: 25, termDuration: 'P1Y' }],
    });
    expect(order.status).toBe(201);
    const removal = {
      attestation: { accepted: true, reason: 'The customer asked to end the relationship' },
    };
    expect(
      (
        await call(
          'POST',
          `/v1/customers/${customerId}/relationships/indirect-reseller/removal`,
          wingtip,
          removal,
        )
      ).status,
    ).toBe(409);
    const subscriptionId = order.body.lineItems[0].subscriptionId as string;
    expect(
      (
        await call(
          'POST',
          `/v1/customers/${customerId}/subscriptions/${subscriptionId}/cancel`,
          wingtip,
          {},
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await call(
          'POST',
          `/v1/customers/${customerId}/relationships/indirect-reseller/removal`,
          wingtip,
          removal,
        )
      ).status,
    ).toBe(200);
    expect((await call('GET', `/v1/customers/${customerId}`, wingtip)).status).toBe(404);
    expect((await call('GET', `/v1/customers/${customerId}`, fabrikam)).status).toBe(200);

    const tag = await call('POST', '/v1/tags', contoso, { name: 'Strategický' });
    expect(tag.status).toBe(201);
    expect(
      (await call('PUT', `/v1/customers/${added.body.id}/tags/${tag.body.id}`, contoso)).status,
    ).toBe(200);
    const tagged = await call('GET', `/v1/customers/${added.body.id}`, contoso);
    expect(tagged.body.tags).toEqual([{ id: tag.body.id, name: 'Strategický' }]);
  });
});
