import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken, type Role } from '@customer-workspace/auth';
import { freePort, runApi, waitFor } from '../fixtures/api-process.js';
import { requireBuild } from '../fixtures/dist.js';
import { distinctiveProfile, foundIn, personalValuesOf } from '../fixtures/personal-data.js';
import { eventually, startReceiver, type WebhookReceiver } from '../fixtures/webhook-receiver.js';

const SECRET = 'personal-data-at-rest-test-secret-0123456789';

/**
 * THE test of docs/product.md rule 8: the api as `npm start` runs it, customers with
 * distinctive personal data, every place a value could be kept (events, read models, exports,
 * answers kept for retries, webhook payloads, logs), one customer erased, a clean stop: then
 * no byte of any file under DATA_DIR, nor of the api's output, holds its values in clear.
 */
describe('personal data at rest, after an erasure and a clean stop (the api as a process)', () => {
  let dir: string;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cw-at-rest-'));
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves the erased customer’s values nowhere in DATA_DIR nor in the logs; the others stay readable', async () => {
    const dataDir = join(dir, 'data');
    const port = await freePort();
    const api = runApi({
      PORT: String(port),
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: SECRET,
      LOG_LEVEL: 'trace',
      WEBHOOKS_ALLOW_HTTP: 'true',
      WEBHOOKS_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOKS_RETRY_SCHEDULE: '0.05',
      RATE_LIMIT_PER_MINUTE: '0',
    });
    try {
      await waitFor(() => api.output().includes('listening on'), 'the api to listen');
      const base = `http://127.0.0.1:${port}`;
      const token = async (partnerId: string, role: Role) =>
        `Bearer ${await issueToken({ partnerId, roles: [role] }, new TextEncoder().encode(SECRET))}`;
      const admin = await token('contoso', 'admin-agent');
      const call = async (method: string, path: string, body?: unknown, headers = {}) => {
        const response = await fetch(`${base}${path}`, {
          method,
          headers: {
            authorization: admin,
            ...(body !== undefined && { 'content-type': 'application/json' }),
            ...headers,
          },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
        const text = await response.text();
        return { status: response.status, headers: response.headers, text };
      };
      const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

      const operator = await token('platform', 'operator');
      expect(
        (
          await fetch(`${base}/v1/partners`, {
            method: 'POST',
            headers: { authorization: operator, 'content-type': 'application/json' },
            body: JSON.stringify({
              id: 'contoso',
              name: 'Contoso s.r.o.',
              programs: ['direct-bill'],
            }),
          })
        ).status,
      ).toBe(201);
      const hook = await call('POST', '/v1/webhooks', {
        url: receiver.url('/contoso'),
        events: [
          'customer-created',
          'customer-billing-profile-updated',
          'customer-personal-data-erased',
        ],
      });
      expect(hook.status).toBe(201);

      // The customer to erase: added with an Idempotency-Key, its profile replaced once.
      const key = randomUUID();
      const erasedBody = distinctiveProfile('gdprproc');
      const added = await call('POST', '/v1/customers', erasedBody, { 'idempotency-key': key });
      expect(added.status).toBe(201);
      const id = json(added.text).id as string;
      const replaced = distinctiveProfile('gdprproc2').billingProfile;
      const put = await call('PUT', `/v1/customers/${id}/billing-profile`, replaced, {
        'if-match': added.headers.get('etag')!,
      });
      expect(put.status).toBe(200);
      // A validation error echoing nothing: a bad email of the same customer.
      const invalid = await call(
        'PUT',
        `/v1/customers/${id}/billing-profile`,
        {
          ...replaced,
          email: 'not-an-email kvetoslava.gdprproc3',
        },
        { 'if-match': '"1"' },
      );
      expect(invalid.status).toBe(400);
      expect(invalid.text).not.toContain('kvetoslava');
      // The customer to keep.
      const keptBody = distinctiveProfile('keepproc');
      const kept = json((await call('POST', '/v1/customers', keptBody)).text).id as string;

      // Exports and the log, served before the erasure (the caller's copies are its own).
      const position = json(put.text).position as string;
      expect((await call('GET', `/v1/activity-logs?minPosition=${position}`)).status).toBe(200);
      expect((await call('GET', '/v1/customers/export')).status).toBe(200);
      const logExport = await call('GET', '/v1/activity-logs/export?format=ndjson');
      expect(logExport.text).toContain('kvetoslava.gdprproc2');
      expect(
        (await call('POST', '/v1/customers', erasedBody, { 'idempotency-key': key })).status,
      ).toBe(201);

      const erasure = await call('POST', `/v1/customers/${id}/personal-data/erasure`, {
        attestation: { accepted: true, reason: 'The customer asked for erasure (GDPR art. 17)' },
      });
      expect(erasure.status).toBe(200);
      const erasedAt = json(erasure.text).position as string;
      const log = await call('GET', `/v1/activity-logs?customerId=${id}&minPosition=${erasedAt}`);
      expect(log.text).toContain('[erased]');
      const customer = json((await call('GET', `/v1/customers/${id}`)).text);
      expect(customer).toMatchObject({ personalDataErased: true, billingProfile: { email: null } });
      const replay = await call('POST', '/v1/customers', erasedBody, { 'idempotency-key': key });
      expect(json(replay.text)).toMatchObject({ personalDataErased: true });
      const other = json((await call('GET', `/v1/customers/${kept}`)).text);
      expect(other).toMatchObject({
        billingProfile: keptBody.billingProfile,
        personalDataErased: false,
      });
      await eventually(
        () => receiver.received.some((got) => got.body.includes('customer-personal-data-erased')),
        'the erasure notification',
      );
    } finally {
      api.child.kill('SIGTERM');
    }
    expect(await api.exited).toEqual({ code: 0, signal: null });

    const erasedValues = [
      ...personalValuesOf(distinctiveProfile('gdprproc')),
      ...personalValuesOf(distinctiveProfile('gdprproc2')),
      'Erasable gdprproc',
    ].filter((value, n, all) => all.indexOf(value) === n);
    // The company name is business data and stays; the personal values must be gone.
    const personal = erasedValues.filter((value) => !value.startsWith('Erasable'));
    expect(foundIn(dataDir, personal, ['utf16le', 'base64'])).toEqual({});
    const output = api.output();
    for (const value of personal) expect(output).not.toContain(value);
    const payloads = receiver.received.map((got) => got.body).join('\n');
    expect(payloads).toContain('customer-created');
    for (const value of personal) expect(payloads).not.toContain(value);
    // The scan finds what is there: the kept customer's values are still in its log entries.
    expect(
      Object.keys(foundIn(dataDir, personalValuesOf(distinctiveProfile('keepproc')))),
    ).not.toEqual([]);
    expect(Object.keys(foundIn(dataDir, ['Erasable gdprproc']))).not.toEqual([]);

    // The erasure destroyed keys, never a stored byte: the whole store still verifies against
    // its audit tree and the checkpoints signed before and after it.
    const verify = spawnSync(
      process.execPath,
      [requireBuild('apps/cli/dist/main.js'), 'audit', 'verify'],
      { cwd: dir, env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir }, encoding: 'utf8' },
    );
    expect(verify.stderr).not.toMatch(/tamper/i);
    expect(verify.status).toBe(0);
  });
});
