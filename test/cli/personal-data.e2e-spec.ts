import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { customerStream } from '@customer-workspace/customers';
import { createEventStore, type RecordedEvent } from '@customer-workspace/event-store';
import { collect, testMetadata } from '@customer-workspace/event-store/testing';
import { WORKSPACE_STREAM_CATEGORIES } from '@customer-workspace/read-models';
import { bearer, EMBEDDED_STORE, startTestApi, type TestApi } from '../fixtures/api-app.js';
import { repoRoot, requireBuild } from '../fixtures/dist.js';
import { distinctiveProfile, foundIn, personalValuesOf } from '../fixtures/personal-data.js';

type Http = ReturnType<typeof request>;
const ATTESTED = { attestation: { accepted: true, reason: 'The customer asked' } };

function cli(dataDir: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [requireBuild('apps/cli/dist/main.js'), ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The events exactly as stored in `dataDir`'s embedded store. */
async function storedEvents(dataDir: string): Promise<RecordedEvent[]> {
  const store = createEventStore({ dataDir, categories: WORKSPACE_STREAM_CATEGORIES });
  try {
    return await collect(store.readAll());
  } finally {
    await store.close();
  }
}

/** Customers added the way a build before sealing stored them: profiles in clear. */
async function legacyCustomers(dataDir: string, ...tags: string[]): Promise<string[]> {
  const store = createEventStore({ dataDir, categories: WORKSPACE_STREAM_CATEGORIES });
  try {
    const ids: string[] = [];
    for (const tag of tags) {
      const id = randomUUID();
      const body = distinctiveProfile(tag);
      const metadata = testMetadata({ partnerId: 'contoso', customerId: id });
      const next = distinctiveProfile(`${tag}-2`).billingProfile;
      await store.append(
        customerStream(id),
        [
          { type: 'CustomerAdded', data: { customerId: id, ...body, addedByPartnerId: 'contoso' } },
          {
            type: 'RelationshipEstablished',
            data: {
              customerId: id,
              partnerId: 'contoso',
              relationship: 'direct-reseller',
              delegatedAdmin: false,
            },
          },
          {
            type: 'BillingProfileUpdated',
            data: { customerId: id, partnerId: 'contoso', old: body.billingProfile, new: next },
          },
        ].map((event) => ({ ...event, eventId: randomUUID(), metadata })),
        { expectedRevision: 'no_stream' },
      );
      ids.push(id);
    }
    return ids;
  } finally {
    await store.close();
  }
}

describe('cli personal-data encrypt and the erased view after a rebuild', () => {
  let dataDir: string;
  let api: TestApi | undefined;
  let http: Http;
  let admin: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'cw-pd-cli-'))));
  afterEach(async () => {
    await api?.close();
    api = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });
  const start = async (settings: Record<string, string> = {}) => {
    api = await startTestApi({ ...EMBEDDED_STORE, DATA_DIR: dataDir, ...settings });
    http = request(api.app.getHttpServer());
    admin = await bearer(api, 'contoso', 'admin-agent');
  };
  const stop = async () => {
    await api?.close();
    api = undefined;
  };
  const logOf = async (id: string, minPosition = '1') =>
    (
      await http
        .get(`/v1/activity-logs?customerId=${id}&minPosition=${minPosition}`)
        .set('Authorization', admin)
        .expect(200)
    ).body.items;

  it('seals the profiles stored in clear in place; the api then reads them and can erase them', async () => {
    const [erasable, kept] = await legacyCustomers(dataDir, 'up1', 'up2');
    const legacyValues = personalValuesOf(distinctiveProfile('up1'));
    // A store from before sealing had no audit tree either: the upgrade runs before one exists.
    await start({ AUDIT_TREE: 'off' });
    await logOf(erasable!, '6');
    // Before the upgrade an erasure is refused: the clear copy would survive it.
    await http
      .post(`/v1/customers/${erasable}/personal-data/erasure`)
      .set('Authorization', admin)
      .send(ATTESTED)
      .expect(409);
    await stop();
    expect(Object.keys(foundIn(dataDir, legacyValues))).not.toEqual([]);
    const before = await storedEvents(dataDir);

    expect(cli(dataDir, 'personal-data', 'encrypt', '--dry-run').stdout).toContain(
      '4 event(s) hold(s) a billing profile in clear',
    );
    const run = cli(dataDir, 'personal-data', 'encrypt');
    expect(run.stderr).not.toContain('cli:');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('sealed 4 event(s)');

    const after = await storedEvents(dataDir);
    const identity = ({
      eventId,
      position,
      revision,
      streamId,
      type,
      metadata,
    }: RecordedEvent) => ({
      eventId,
      position,
      revision,
      streamId,
      type,
      metadata,
    });
    expect(after.map(identity)).toEqual(before.map(identity));
    expect(after[0]!.data).toMatchObject({
      billingProfile: { personal: expect.stringMatching(/^pd1\./) },
    });
    expect(foundIn(dataDir, legacyValues)).toEqual({});
    expect(cli(dataDir, 'personal-data', 'encrypt').stdout).toContain('nothing to do');

    await start();
    const { body } = await http
      .get(`/v1/customers/${kept}`)
      .set('Authorization', admin)
      .expect(200);
    expect(body.billingProfile).toEqual(distinctiveProfile('up2-2').billingProfile);
    const erased = await http
      .post(`/v1/customers/${erasable}/personal-data/erasure`)
      .set('Authorization', admin)
      .send(ATTESTED)
      .expect(200);
    const items = await logOf(erasable!, erased.body.position);
    expect(JSON.stringify(items)).not.toContain(legacyValues[0]);
    expect(items.at(-1).newValue.billingProfile.email).toBe('[erased]');
  });

  it('refuses, changing nothing, once the audit tree covers the events to rewrite', async () => {
    await legacyCustomers(dataDir, 'audited');
    const audit = new Database(join(dataDir, 'audit.db'));
    audit.exec(`CREATE TABLE audit_leaves (leaf_index INTEGER PRIMARY KEY, position INTEGER NOT NULL,
      event_id TEXT NOT NULL, leaf_hash BLOB NOT NULL)`);
    audit.prepare('INSERT INTO audit_leaves VALUES (0, 1, ?, ?)').run('e', Buffer.alloc(32));
    audit.close();
    const before = await storedEvents(dataDir);
    const run = cli(dataDir, 'personal-data', 'encrypt');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The audit tree already holds 1 leaf(s) at or after position 1');
    expect(await storedEvents(dataDir)).toEqual(before);
  });

  it('refuses on EventStoreDB, whose events cannot be rewritten, saying what to do instead', () => {
    const run = spawnSync(
      process.execPath,
      [requireBuild('apps/cli/dist/main.js'), 'personal-data', 'encrypt'],
      {
        cwd: repoRoot,
        env: {
          PATH: process.env.PATH ?? '',
          DATA_DIR: dataDir,
          EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false',
          AUTH_JWT_SECRET: 'x'.repeat(40),
          WEBHOOKS_SECRET_KEY: Buffer.alloc(32, 1).toString('base64url'),
        },
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('EventStoreDB events are immutable');
    expect(run.stderr).toContain('EVENTSTORE_STREAM_PREFIX');
  });

  it('gives the same erased customer and activity log after `cli rebuild`', async () => {
    await start();
    const profile = distinctiveProfile('rebuilt');
    const added = await http
      .post('/v1/customers')
      .set('Authorization', admin)
      .send(profile)
      .expect(201);
    const id = added.body.id as string;
    await http
      .put(`/v1/customers/${id}/billing-profile`)
      .set('Authorization', admin)
      .set('If-Match', added.headers.etag as string)
      .send(distinctiveProfile('rebuilt-2').billingProfile)
      .expect(200);
    const erased = await http
      .post(`/v1/customers/${id}/personal-data/erasure`)
      .set('Authorization', admin)
      .send(ATTESTED)
      .expect(200);
    const log = await logOf(id, erased.body.position);
    const customer = (await http.get(`/v1/customers/${id}`).set('Authorization', admin)).body;
    await stop();

    const rebuild = cli(dataDir, 'rebuild');
    expect(rebuild.status).toBe(0);
    await start();
    expect(await logOf(id, erased.body.position)).toEqual(log);
    expect((await http.get(`/v1/customers/${id}`).set('Authorization', admin)).body).toEqual(
      customer,
    );
    expect(JSON.stringify(log)).toContain('[erased]');
    expect(foundIn(dataDir, personalValuesOf(profile))).toEqual({});
  });
});
