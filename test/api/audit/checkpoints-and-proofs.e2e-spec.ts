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
  inclusionHolds,
  merkleRoot,
  openCheckpoint,
  storedEvents,
} from './rfc6962.fixtures.js';

/**
 * Docs/product.md rule 7 over HTTP, checked as an auditor would: with the served key and
 * node:crypto, against roots and hashes the test computes itself from `events.db`.
 */
describe('audit checkpoints and proofs (HTTP)', () => {
  let api: TestApi;
  let http: Http;
  let contoso: string;
  let fabrikam: string;
  let operator: string;
  let pem: string;
  let first: Awaited<ReturnType<typeof addCustomer>>;
  let foreign: Awaited<ReturnType<typeof addCustomer>>;

  /** A new customer of the caller: its id, the command's position and its add_customer entry's. */
  const addCustomer = async (auth: string, companyName: string) => {
    const response = await http
      .post('/v1/customers')
      .set('Authorization', auth)
      .send(newCustomerBody({ companyName }))
      .expect(201);
    const { id, position } = response.body as { id: string; position: string };
    const log = await http
      .get('/v1/activity-logs')
      .query({ customerId: id, action: 'add_customer', minPosition: position })
      .set('Authorization', auth)
      .expect(200);
    return { id, position, entry: log.body.items[0].position as string };
  };

  beforeAll(async () => {
    api = await startTestApi(AUDITED);
    http = request(api.app.getHttpServer());
    operator = await bearer(api, 'platform', 'operator');
    contoso = await bearer(api, 'contoso', 'admin-agent');
    fabrikam = await bearer(api, 'fabrikam', 'admin-agent');
    await registerPartners(http, operator, 'contoso', 'fabrikam');
    first = await addCustomer(contoso, 'Contoso a.s.');
    foreign = await addCustomer(fabrikam, 'Fabrikam s.r.o.');
    await addCustomer(contoso, 'Contoso Praha a.s.');
    pem = await publicKeyPem(http);
  });
  afterAll(() => api.close());

  /** The latest checkpoint once the tree holds `position`, opened with the served key. */
  async function latestCovering(position: string) {
    await activityItems(http, contoso, position);
    return openCheckpoint(await checkpointNote(http, contoso), pem);
  }

  it('signs checkpoints that verify with the served PEM key, over the RFC 6962 root of the stored events', async () => {
    const { position } = await addCustomer(contoso, 'Root Check a.s.');
    const checkpoint = await latestCovering(position);
    const events = storedEvents(api.dataDir);
    expect(checkpoint.treeSize).toBe(events.length);
    expect(events.at(-1)!.position).toBe(BigInt(position));
    expect(checkpoint.root).toEqual(merkleRoot(events.map((event) => event.leafHash)));
    expect(checkpoint.origin).toBe(checkpoint.keyName);
    // One flipped bit of the note and it no longer opens.
    const note = await checkpointNote(http, contoso);
    const forged = note.replace(/\n(\d+)\n/, (_, size: string) => `\n${Number(size) + 1}\n`);
    expect(() => openCheckpoint(forged, pem)).toThrow('does not verify');
  });

  it('serves the public key to anyone, as PEM and as the note verifier key of the signature line', async () => {
    const pemAnswer = await http.get('/v1/audit/public-key').expect(200);
    expect(pemAnswer.headers['content-type']).toBe('application/x-pem-file');
    expect(pemAnswer.text).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/,
    );
    const note = await http.get('/v1/audit/public-key').query({ format: 'note' }).expect(200);
    expect(note.headers['content-type']).toBe('text/plain; charset=utf-8');
    // <name>+<hash>+<key>: the key's base64 may hold a '+' of its own.
    const [, name, hash, key] = /^([^+]+)\+([^+]+)\+(\S+)\n$/.exec(note.text)!;
    const checkpoint = openCheckpoint(await checkpointNote(http, operator), pem);
    expect(name).toBe(checkpoint.keyName);
    // The verifier key holds 0x01 and the same 32 bytes as the PEM's SubjectPublicKeyInfo.
    const raw = Buffer.from(pemAnswer.text.replace(/-----[A-Z ]+-----|\n/g, ''), 'base64');
    expect(Buffer.from(key!, 'base64')).toEqual(Buffer.concat([Buffer.of(1), raw.subarray(-32)]));
    expect(hash).toMatch(/^[0-9a-f]{8}$/);
    const bad = await http.get('/v1/audit/public-key').query({ format: 'jwk' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'format' })]);
  });

  it('proves an entry of the caller’s log in the latest checkpoint, from the hash of its stored event', async () => {
    const checkpoint = await latestCovering(first.position);
    const proof = await http
      .get('/v1/audit/proofs/inclusion')
      .query({ position: first.entry })
      .set('Authorization', contoso)
      .expect(200);
    const event = storedEvents(api.dataDir).find((e) => e.position === BigInt(first.entry))!;
    expect(proof.body).toEqual({
      leafIndex: expect.any(Number),
      treeSize: checkpoint.treeSize,
      leafHash: event.leafHash.toString('base64'),
      hashes: expect.any(Array),
    });
    const { leafIndex, treeSize, hashes } = proof.body as {
      leafIndex: number;
      treeSize: number;
      hashes: string[];
    };
    expect(
      inclusionHolds(event.leafHash, leafIndex, treeSize, fromBase64(hashes), checkpoint.root),
    ).toBe(true);
    // The same proof does not lead a neighbour's hash (or another index) to the root.
    const other = storedEvents(api.dataDir)[leafIndex + 1]!.leafHash;
    expect(inclusionHolds(other, leafIndex, treeSize, fromBase64(hashes), checkpoint.root)).toBe(
      false,
    );
    expect(
      inclusionHolds(event.leafHash, leafIndex + 1, treeSize, fromBase64(hashes), checkpoint.root),
    ).toBe(false);
  });

  it('carries leafIndex and leafHash on activity-log items: the hash of the stored event', async () => {
    const { position } = await addCustomer(contoso, 'Leaf Check a.s.');
    const items = await activityItems(http, contoso, position);
    const events = storedEvents(api.dataDir);
    const byPosition = new Map(events.map((event, index) => [event.position, { event, index }]));
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) {
      const stored = byPosition.get(BigInt(item.position))!;
      expect(stored.event.eventId).toBe(item.eventId);
      expect(item).toMatchObject({
        leafIndex: stored.index,
        leafHash: stored.event.leafHash.toString('base64'),
      });
    }
    const one = await http
      .get(`/v1/activity-logs/${first.entry}`)
      .query({ minPosition: position })
      .set('Authorization', contoso)
      .expect(200);
    expect(one.body.leafHash).toBe(
      byPosition.get(BigInt(first.entry))!.event.leafHash.toString('base64'),
    );
    const exported = await http
      .get('/v1/activity-logs/export')
      .query({ format: 'ndjson' })
      .set('Authorization', contoso)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => done(null, text));
      })
      .expect(200);
    const lines = (exported.body as string)
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const record = storedEvents(api.dataDir).at(-1)!;
    expect(lines[0]).toMatchObject({
      action: 'export_activity_log',
      leafHash: record.leafHash.toString('base64'),
    });
    expect(lines.find((line) => line.position === first.entry).leafIndex).toBe(
      byPosition.get(BigInt(first.entry))!.index,
    );
  });

  it('proves inclusion in a past checkpoint by its treeSize, and answers it exactly as first signed', async () => {
    const before = await latestCovering(first.position);
    const noteBefore = await checkpointNote(http, contoso, { treeSize: before.treeSize });
    const { position } = await addCustomer(contoso, 'Later a.s.');
    const after = await latestCovering(position);
    expect(after.treeSize).toBeGreaterThan(before.treeSize);
    expect(await checkpointNote(http, contoso, { treeSize: before.treeSize })).toBe(noteBefore);
    const proof = await http
      .get('/v1/audit/proofs/inclusion')
      .query({ position: first.entry, treeSize: before.treeSize })
      .set('Authorization', contoso)
      .expect(200);
    expect(proof.body.treeSize).toBe(before.treeSize);
    const leaf = Buffer.from(proof.body.leafHash as string, 'base64');
    const path = fromBase64(proof.body.hashes as string[]);
    expect(inclusionHolds(leaf, proof.body.leafIndex, before.treeSize, path, before.root)).toBe(
      true,
    );
    expect(inclusionHolds(leaf, proof.body.leafIndex, before.treeSize, path, after.root)).toBe(
      false,
    );
    const missing = await http
      .get('/v1/audit/checkpoint')
      .query({ treeSize: after.treeSize + 1000 })
      .set('Authorization', contoso)
      .expect(404);
    expect(missing.body.code).toBe('checkpoint-not-found');
  });

  it('proves two checkpoints consistent, and the proof fails against a forged older root', async () => {
    const older = await latestCovering(first.position);
    const { position } = await addCustomer(contoso, 'Consistency a.s.');
    const newer = await latestCovering(position);
    const proof = await http
      .get('/v1/audit/proofs/consistency')
      .query({ from: older.treeSize, to: newer.treeSize })
      .set('Authorization', operator)
      .expect(200);
    expect(proof.body).toMatchObject({ from: older.treeSize, to: newer.treeSize });
    const hashes = fromBase64(proof.body.hashes as string[]);
    expect(consistencyHolds(older.treeSize, newer.treeSize, older.root, newer.root, hashes)).toBe(
      true,
    );
    const forged = Buffer.from(older.root);
    forged[0] = forged[0]! ^ 1;
    expect(consistencyHolds(older.treeSize, newer.treeSize, forged, newer.root, hashes)).toBe(
      false,
    );
    // `to` defaults to the latest checkpoint.
    const defaulted = await http
      .get('/v1/audit/proofs/consistency')
      .query({ from: older.treeSize })
      .set('Authorization', contoso)
      .expect(200);
    expect(defaulted.body).toEqual(proof.body);
  });

  it('proves only the caller’s own entries: another partner’s position and an unknown one answer the same 404', async () => {
    const asked = (position: string) =>
      http.get('/v1/audit/proofs/inclusion').query({ position }).set('Authorization', contoso);
    const theirs = await asked(foreign.entry).expect(404);
    const unknown = await asked('999999').expect(404);
    expect(theirs.body.code).toBe('activity-log-entry-not-found');
    expect({ ...theirs.body, detail: '', instance: '' }).toEqual({
      ...unknown.body,
      detail: '',
      instance: '',
    });
    expect(JSON.stringify(theirs.body)).not.toMatch(/fabrikam/i);
    await http
      .get('/v1/audit/proofs/inclusion')
      .query({ position: foreign.entry })
      .set('Authorization', fabrikam)
      .expect(200);
  });

  it('reads its writes: an inclusion proof right after a command, with its minPosition', async () => {
    // A tag is one event with an entry of its own: the command's position is the entry's.
    const tag = await http
      .post('/v1/tags')
      .set('Authorization', contoso)
      .send({ name: 'Fresh' })
      .expect(201);
    const position = tag.body.position as string;
    const proof = await http
      .get('/v1/audit/proofs/inclusion')
      .query({ position, minPosition: position })
      .set('Authorization', contoso)
      .expect(200);
    const checkpoint = openCheckpoint(
      await checkpointNote(http, contoso, { treeSize: proof.body.treeSize }),
      pem,
    );
    const leaf = Buffer.from(proof.body.leafHash as string, 'base64');
    const path = fromBase64(proof.body.hashes as string[]);
    expect(
      inclusionHolds(leaf, proof.body.leafIndex, checkpoint.treeSize, path, checkpoint.root),
    ).toBe(true);
  });

  it.each([
    ['/v1/audit/checkpoint', { treeSize: '-1' }, 'treeSize'],
    ['/v1/audit/checkpoint', { treeSize: 'latest' }, 'treeSize'],
    ['/v1/audit/checkpoint', { treeSize: '1.5' }, 'treeSize'],
    ['/v1/audit/proofs/inclusion', {}, 'position'],
    ['/v1/audit/proofs/inclusion', { position: 'x' }, 'position'],
    ['/v1/audit/proofs/inclusion', { position: '1', treeSize: '1e3' }, 'treeSize'],
    ['/v1/audit/proofs/inclusion', { position: '1', treeSize: '999999' }, 'treeSize'],
    ['/v1/audit/proofs/consistency', {}, 'from'],
    ['/v1/audit/proofs/consistency', { from: '0x1' }, 'from'],
    ['/v1/audit/proofs/consistency', { from: '2', to: '1' }, 'from'],
    ['/v1/audit/proofs/consistency', { from: '1', to: '999999' }, 'to'],
    ['/v1/audit/proofs/consistency', { from: '1', to: '-2' }, 'to'],
  ])('%s?%j answers 400 naming %s', async (path, query, field) => {
    const response = await http.get(path).query(query).set('Authorization', contoso).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
  });

  it('answers 400 naming treeSize when the tree of that size does not hold the leaf', async () => {
    const { position, entry } = await addCustomer(contoso, 'Too Small a.s.');
    const items = await activityItems(http, contoso, position);
    const leafIndex = items.find((item) => item.position === entry)!.leafIndex!;
    const response = await http
      .get('/v1/audit/proofs/inclusion')
      .query({ position: entry, treeSize: leafIndex })
      .set('Authorization', contoso)
      .expect(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'treeSize', message: expect.stringContaining('leaf') }),
    ]);
  });

  it('lets admin agents and operators read checkpoints and consistency, admin agents alone prove inclusion', async () => {
    const sales = await bearer(api, 'contoso', 'sales-agent');
    const helpdesk = await bearer(api, 'contoso', 'helpdesk-agent');
    for (const auth of [sales, helpdesk]) {
      await http.get('/v1/audit/checkpoint').set('Authorization', auth).expect(403);
      await http.get('/v1/audit/proofs/consistency?from=0').set('Authorization', auth).expect(403);
      await http
        .get(`/v1/audit/proofs/inclusion?position=${first.entry}`)
        .set('Authorization', auth)
        .expect(403);
    }
    await http
      .get(`/v1/audit/proofs/inclusion?position=${first.entry}`)
      .set('Authorization', operator)
      .expect(403);
    await http
      .get('/v1/audit/proofs/consistency?from=0')
      .set('Authorization', operator)
      .expect(200);
    for (const path of [
      '/v1/audit/checkpoint',
      '/v1/audit/proofs/consistency?from=0',
      '/v1/audit/proofs/inclusion?position=1',
    ])
      await http.get(path).expect(401);
    await http.get('/v1/audit/public-key').expect(200);
  });

  it('reports the tree in /health as process:audit-tree', async () => {
    const health = await http.get('/health').expect(200);
    const check = (health.body.checks as { name: string }[]).find(
      (c) => c.name === 'process:audit-tree',
    );
    expect(check).toMatchObject({
      status: 'up',
      treeSize: expect.any(Number),
      lag: expect.any(String),
    });
  });
});
