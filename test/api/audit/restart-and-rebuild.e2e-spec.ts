import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { newCustomerBody } from '../../fixtures/customers.js';
import {
  activityItems,
  AUDITED,
  checkpointNote,
  type Http,
  publicKeyPem,
  registerPartners,
} from './audit.fixtures.js';
import {
  consistencyHolds,
  fromBase64,
  merkleRoot,
  openCheckpoint,
  storedEvents,
} from './rfc6962.fixtures.js';

/**
 * The tree is a projection of the log and the checkpoints its history: a restart keeps both,
 * and a tree built again from nothing has the same roots, so an auditor's old checkpoint is
 * consistent with it.
 */
describe('the audit tree across restarts and rebuilds (HTTP)', () => {
  let dir: string;
  let api: TestApi | undefined;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'cw-audit-restart-'))));
  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(): Promise<{ http: Http; admin: string }> {
    await api?.close();
    api = await startTestApi({ ...AUDITED, DATA_DIR: dir });
    return { http: request(api.app.getHttpServer()), admin: await bearer(api, 'contoso') };
  }

  async function addCustomers(http: Http, admin: string, count: number): Promise<string> {
    let position = '';
    for (let n = 0; n < count; n++) {
      const response = await http
        .post('/v1/customers')
        .set('Authorization', admin)
        .send(newCustomerBody({ companyName: `Customer ${n}` }))
        .expect(201);
      position = response.body.position as string;
    }
    await activityItems(http, admin, position); // the tree holds it, so a checkpoint does too
    return position;
  }

  it('keeps the signed history and the roots over a restart, and rebuilds the same roots from nothing', async () => {
    let { http, admin } = await start();
    await registerPartners(http, await bearer(api!, 'platform', 'operator'), 'contoso');
    await addCustomers(http, admin, 3);
    const pem = await publicKeyPem(http);
    const kept = await checkpointNote(http, admin);
    const old = openCheckpoint(kept, pem);
    expect(old.root).toEqual(merkleRoot(storedEvents(dir).map((event) => event.leafHash)));

    ({ http, admin } = await start());
    expect(await publicKeyPem(http)).toBe(pem);
    expect(await checkpointNote(http, admin, { treeSize: old.treeSize })).toBe(kept);
    expect(await checkpointNote(http, admin)).toBe(kept); // nothing new was appended

    // The auditor keeps `kept`; the tree is deleted and built again from the events.
    await api!.close();
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(join(dir, `audit.db${suffix}`), { force: true });
    ({ http, admin } = await start());
    const position = await addCustomers(http, admin, 2);
    const events = storedEvents(dir);
    expect(events.at(-1)!.position).toBe(BigInt(position));
    const fresh = openCheckpoint(await checkpointNote(http, admin), pem);
    expect(fresh.treeSize).toBe(events.length);
    expect(fresh.root).toEqual(merkleRoot(events.map((event) => event.leafHash)));
    const proof = await http
      .get('/v1/audit/proofs/consistency')
      .query({ from: old.treeSize, to: fresh.treeSize })
      .set('Authorization', admin)
      .expect(200);
    const hashes = fromBase64(proof.body.hashes as string[]);
    expect(consistencyHolds(old.treeSize, fresh.treeSize, old.root, fresh.root, hashes)).toBe(true);
    // Each leaf is where it was: the rebuilt tree hands out the same leaves.
    const items = await activityItems(http, admin, position);
    for (const item of items) {
      const index = events.findIndex((event) => event.position === BigInt(item.position));
      expect(item.leafIndex).toBe(index);
    }
  });
});
