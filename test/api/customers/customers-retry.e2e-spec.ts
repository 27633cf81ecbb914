import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { IDEMPOTENCY_FILE } from '@customer-workspace/api/testing';
import { EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import { collect } from '@customer-workspace/event-store/testing';
import { bearer, startTestApi } from '../../fixtures/api-app.js';
import { newCustomerBody } from '../../fixtures/customers.js';

describe('a command stored but never answered (crash between append and answer)', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'cw-retry-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers the retry with the same customer, and adds it once', async () => {
    const api = await startTestApi({ DATA_DIR: dataDir });
    const http = request(api.app.getHttpServer());
    const auth = await bearer(api, 'contoso', 'admin-agent');
    const first = await http
      .post('/v1/customers')
      .set('Authorization', auth)
      .set('Idempotency-Key', 'add-1')
      .send(newCustomerBody())
      .expect(201);
    // Forget the stored answer, as if the process died after the append and before recording it.
    const keys = new Database(join(dataDir, IDEMPOTENCY_FILE));
    keys.prepare('DELETE FROM idempotency_keys').run();
    keys.close();
    const retry = await http
      .post('/v1/customers')
      .set('Authorization', auth)
      .set('Idempotency-Key', 'add-1')
      .send(newCustomerBody())
      .expect(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.position).toBe(first.body.position);
    const added = (await collect(api.app.get<EventStore>(EVENT_STORE).readAll())).filter(
      (e) => e.type === 'CustomerAdded',
    );
    expect(added).toHaveLength(1);
    await api.close();
  });
});
