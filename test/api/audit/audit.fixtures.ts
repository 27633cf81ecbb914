import type request from 'supertest';
import { EMBEDDED_STORE } from '../../fixtures/api-app.js';

export type Http = ReturnType<typeof request>;

/**
 * A test api keeping the tree on the embedded store (the tests read `events.db` themselves)
 * and signing after every batch, so a checkpoint covers each command at once.
 */
export const AUDITED = {
  ...EMBEDDED_STORE,
  AUDIT_CHECKPOINT_INTERVAL_MS: '0',
  RATE_LIMIT_PER_MINUTE: '0',
  WEBHOOKS_DELIVERY: 'off',
};

/** `GET /v1/audit/checkpoint` as `auth` (200 expected): the note. */
export async function checkpointNote(
  http: Http,
  auth: string,
  query: Record<string, string | number> = {},
): Promise<string> {
  const response = await http
    .get('/v1/audit/checkpoint')
    .query(query)
    .set('Authorization', auth)
    .expect(200);
  expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
  return response.text;
}

/** The served PEM key (no token). */
export async function publicKeyPem(http: Http): Promise<string> {
  return (await http.get('/v1/audit/public-key').expect(200)).text;
}

/** Registers direct-bill partners as the operator. */
export async function registerPartners(http: Http, operator: string, ...ids: string[]) {
  for (const id of ids)
    await http
      .post('/v1/partners')
      .set('Authorization', operator)
      .send({ id, name: `${id} s.r.o.`, programs: ['direct-bill'] })
      .expect(201);
}

/** `GET /v1/activity-logs?minPosition=` as `auth`: the page's items (tree waited for too). */
export async function activityItems(http: Http, auth: string, minPosition: string) {
  const response = await http
    .get('/v1/activity-logs')
    .query({ minPosition, limit: 500 })
    .set('Authorization', auth)
    .expect(200);
  return response.body.items as {
    position: string;
    eventId: string;
    action: string;
    leafIndex: number | null;
    leafHash: string | null;
  }[];
}
