import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { deterministicUuid } from '@customer-workspace/api/testing';
import { INVITATION_ACCEPTANCE_PROCESS } from '@customer-workspace/api/testing';
import { ProcessCheckpoints } from '@customer-workspace/api/testing';
import {
  type AcceptInvitation,
  customerStream,
  invitationDecider,
  invitationStream,
} from '@customer-workspace/customers';
import { CommandRunner, EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import { collect } from '@customer-workspace/event-store/testing';
import { bearer, openTestStore, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import {
  acceptanceBody,
  directContext,
  type Http,
  registerPartners,
  tokenOf,
} from './relationships.fixtures.js';

/** Stores `ResellerRelationshipAccepted` alone, as a process that died before its consequences. */
async function acceptWithoutConsequences(
  dataDir: string,
  invitationId: string,
  token: string,
  customerId: string,
): Promise<string> {
  const store = openTestStore(dataDir);
  const eventId = randomUUID();
  const command: AcceptInvitation = {
    type: 'AcceptInvitation',
    data: {
      invitationId,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      customer: { id: customerId, companyName: 'Adatum Kft.', domain: 'adatum.onmicrosoft.com' },
      acceptedAt: new Date().toISOString(),
    },
  };
  try {
    await new CommandRunner(store).run({
      decider: invitationDecider,
      streamId: invitationStream(invitationId),
      command,
      context: directContext('wingtip', customerId),
      eventId: () => eventId,
    });
  } finally {
    await store.close();
  }
  return eventId;
}

/** Polls `probe` until it answers something (bounded: the process manager runs in the background). */
async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await probe();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error('Timed out waiting for the process manager');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('invitation acceptance process manager (checkpointed, crash-safe)', () => {
  let dataDir: string;
  let api: TestApi;
  let http: Http;
  const start = async () => {
    api = await startTestApi({ DATA_DIR: dataDir });
    http = request(api.app.getHttpServer());
  };
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cw-pm-'));
    await start();
  });
  afterEach(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const eventsOf = async (customerId: string) =>
    collect(api.app.get<EventStore>(EVENT_STORE).readStream(customerStream(customerId)));

  it('completes at the next start an acceptance stored before a crash, and nothing twice', async () => {
    await registerPartners(http, await bearer(api, 'platform', 'operator'));
    const wingtip = await bearer(api, 'wingtip', 'admin-agent');
    const invite = (body: object) =>
      http.post('/v1/relationship-requests').set('Authorization', wingtip).send(body).expect(201);
    const first = await invite({ includeDelegatedAdmin: false });
    const done = await http
      .post(`/v1/relationship-requests/${first.body.id}/acceptance`)
      .send(acceptanceBody(tokenOf(first.body.url)))
      .expect(201);
    const doneBefore = await eventsOf(done.body.customerId);
    const second = await invite({ includeDelegatedAdmin: true, indirectProviderId: 'fabrikam' });
    await api.close();

    const customerId = randomUUID();
    const acceptedId = await acceptWithoutConsequences(
      dataDir,
      second.body.id,
      tokenOf(second.body.url),
      customerId,
    );
    await start();

    const asReseller = await eventually(async () => {
      const response = await http
        .get(`/v1/customers/${customerId}`)
        .set('Authorization', await bearer(api, 'wingtip', 'helpdesk-agent'));
      return response.status === 200 ? response.body : undefined;
    });
    expect(asReseller.relationships).toEqual([
      { relationship: 'indirect-reseller', delegatedAdmin: true },
    ]);
    const asProvider = await http
      .get(`/v1/customers/${customerId}`)
      .set('Authorization', await bearer(api, 'fabrikam', 'billing-admin'))
      .expect(200);
    expect(asProvider.body.relationships).toEqual([
      { relationship: 'indirect-provider', delegatedAdmin: true },
    ]);
    const consequences = await eventsOf(customerId);
    expect(consequences.map((e) => e.eventId)).toEqual(
      consequences.map((_e, i) => deterministicUuid(`${acceptedId}/${i}`)),
    );
    expect(consequences[0]!.metadata).toMatchObject({ causationId: acceptedId });
    expect(await eventsOf(done.body.customerId)).toEqual(doneBefore);
  });

  it('keeps its checkpoint in DATA_DIR/process-managers.db, at the last accepted event', async () => {
    await registerPartners(http, await bearer(api, 'platform', 'operator'));
    const contoso = await bearer(api, 'contoso', 'admin-agent');
    const invitation = await http
      .post('/v1/relationship-requests')
      .set('Authorization', contoso)
      .send({ includeDelegatedAdmin: false })
      .expect(201);
    await http
      .post(`/v1/relationship-requests/${invitation.body.id}/acceptance`)
      .send(acceptanceBody(tokenOf(invitation.body.url)))
      .expect(201);
    const [accepted] = await collect(
      api.app.get<EventStore>(EVENT_STORE).readStream(invitationStream(invitation.body.id), {
        fromRevision: 1n,
      }),
    );
    const checkpoints = new ProcessCheckpoints(dataDir);
    try {
      await eventually(async () =>
        checkpoints.get(INVITATION_ACCEPTANCE_PROCESS) === accepted!.position ? true : undefined,
      );
    } finally {
      checkpoints.close();
    }
    const health = await http.get('/health').expect(200);
    expect(health.body.checks).toContainEqual({
      name: 'process:invitation-acceptance',
      status: 'up',
      position: accepted!.position.toString(),
    });
  });
});
