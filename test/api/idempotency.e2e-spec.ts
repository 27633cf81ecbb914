import { Body, Controller, HttpCode, Inject, Module, Post, Req } from '@nestjs/common';
import { IsString } from 'class-validator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Caller } from '@customer-workspace/api/testing';
import { JWT_KEY } from '@customer-workspace/api/testing';
import type { Principal } from '@customer-workspace/auth';
import { issueToken } from '@customer-workspace/auth';
import { deterministicUuid } from '@customer-workspace/api/testing';
import type { IdempotentRequest } from '@customer-workspace/api/testing';
import { EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import { collect, testMetadata } from '@customer-workspace/event-store/testing';
import { startTestApi, type TestApi } from '../fixtures/api-app.js';

class NoteBody {
  @IsString() text!: string;
}

/** A command-like route: appends one event per call, with ids derived from the idempotency key. */
@Controller('notes')
class NotesController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post()
  async add(@Body() body: NoteBody, @Caller() caller: Principal, @Req() req: IdempotentRequest) {
    const key = req.idempotencyKey;
    const eventId = key ? deterministicUuid(`${key.scope}/${key.key}/0`) : crypto.randomUUID();
    const result = await this.store.append(
      `notes-${caller.partnerId}`,
      [{ eventId, type: 'NoteAdded', data: body, metadata: testMetadata() }],
      {
        expectedRevision: 'any',
      },
    );
    return { position: result.position.toString(), text: body.text };
  }

  @Post('fail')
  @HttpCode(200)
  fail(): never {
    throw new Error('boom');
  }
}
@Module({ controllers: [NotesController] })
class NotesModule {}

describe('Idempotency-Key (HTTP)', () => {
  let dataDir: string;
  let api: TestApi;
  let http: ReturnType<typeof request>;
  let auth: string;
  const notes = async (partner = 'p-1') =>
    collect(api.app.get<EventStore>(EVENT_STORE).readStream(`notes-${partner}`));

  async function start(): Promise<void> {
    api = await startTestApi({ DATA_DIR: dataDir }, [NotesModule]);
    http = request(api.app.getHttpServer());
    auth = `Bearer ${await issueToken({ partnerId: 'p-1', roles: ['admin-agent'] }, api.app.get(JWT_KEY))}`;
  }
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cw-idem-'));
    await start();
  });
  afterEach(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a retry with the same key and body with the first response, appending nothing', async () => {
    const first = await http
      .post('/notes')
      .set('Authorization', auth)
      .set('Idempotency-Key', 'k-1')
      .send({ text: 'a' })
      .expect(201);
    const retry = await http
      .post('/notes')
      .set('Authorization', auth)
      .set('Idempotency-Key', 'k-1')
      .send({ text: 'a' })
      .expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await notes()).toHaveLength(1);
  });

  it('answers 422 when the key is reused with another body, appending nothing', async () => {
    await http
      .post('/notes')
      .set('Authorization', auth)
      .set('Idempotency-Key', 'k-2')
      .send({ text: 'a' })
      .expect(201);
    const reused = await http
      .post('/notes')
      .set('Authorization', auth)
      .set('Idempotency-Key', 'k-2')
      .send({ text: 'b' })
      .expect(422);
    expect(reused.body).toMatchObject({ status: 422, code: 'idempotency-key-reused' });
    expect(await notes()).toHaveLength(1);
  });

  it('keeps keys durably: a retry after a restart still gets the first response', async () => {
    const first = await http
      .post('/notes')
      .set('Authorization', auth)
      .set('Idempotency-Key', 'k-3')
      .send({ text: 'a' })
      .expect(201);
    await api.close();
    await start();
    const retry = await http
      .post('/notes')
      .set('Authorization', auth)
      .set('Idempotency-Key', 'k-3')
      .send({ text: 'a' })
      .expect(201);
    expect(retry.body).toEqual(first.body);
    expect(await notes()).toHaveLength(1);
  });

  it('keeps keys per partner, and runs requests without a key every time', async () => {
    const other = `Bearer ${await issueToken({ partnerId: 'p-2', roles: ['admin-agent'] }, api.app.get(JWT_KEY))}`;
    await http
      .post('/notes')
      .set('Authorization', auth)
      .set('Idempotency-Key', 'same')
      .send({ text: 'a' })
      .expect(201);
    await http
      .post('/notes')
      .set('Authorization', other)
      .set('Idempotency-Key', 'same')
      .send({ text: 'a' })
      .expect(201);
    await http.post('/notes').set('Authorization', auth).send({ text: 'a' }).expect(201);
    await http.post('/notes').set('Authorization', auth).send({ text: 'a' }).expect(201);
    expect(await notes('p-1')).toHaveLength(3);
    expect(await notes('p-2')).toHaveLength(1);
  });

  it('lets a failed attempt be retried (the failure is not remembered)', async () => {
    await http
      .post('/notes/fail')
      .set('Authorization', auth)
      .set('Idempotency-Key', 'k-4')
      .send({})
      .expect(500);
    const again = await http
      .post('/notes/fail')
      .set('Authorization', auth)
      .set('Idempotency-Key', 'k-4')
      .send({})
      .expect(500);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    const response = await http
      .post('/notes')
      .set('Authorization', auth)
      .set('Idempotency-Key', 'x'.repeat(300))
      .send({ text: 'a' })
      .expect(400);
    expect(response.body.errors).toEqual([
      { field: 'Idempotency-Key', message: expect.any(String) },
    ]);
    expect(await notes()).toHaveLength(0);
  });
});
