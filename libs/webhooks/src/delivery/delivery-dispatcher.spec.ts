import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@customer-workspace/event-store';
import { testMetadata } from '@customer-workspace/event-store/testing';
import { Webhook } from 'standardwebhooks';
import { SecretSealer } from '../secret-sealing.js';
import type { ResolveHost } from '../webhook-target.js';
import { newWebhookSecret } from '../webhook-secret.js';
import type { AttemptResult } from './attempt-result.js';
import { DeliveryDispatcher, type SendDelivery } from './delivery-dispatcher.js';
import { planDeliveries } from './delivery-planner.js';
import { WebhookOutbox } from './webhook-outbox.js';

const sealer = new SecretSealer(SecretSealer.newKey());
const policy = { allowHttp: true, allowedHosts: ['127.0.0.1'] };

let dir: string;
let outbox: WebhookOutbox;
let dispatcher: DeliveryDispatcher | undefined;
let position = 0n;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cw-dispatch-'));
  outbox = new WebhookOutbox(dir);
  position = 0n;
});
afterEach(async () => {
  await dispatcher?.stop();
  dispatcher = undefined;
  outbox.close();
  rmSync(dir, { recursive: true, force: true });
});

function recorded(type: string, data: unknown, partnerId = 'p-1'): RecordedEvent {
  position += 1n;
  return {
    eventId: `e-${position}`,
    type,
    data,
    metadata: testMetadata({ partnerId }),
    streamId: `s-${position}`,
    revision: 0n,
    position,
  };
}

/** Registers an endpoint (its secret sealed as the api seals it) and returns its clear secret. */
function register(webhookId: string, partnerId = 'p-1', url = `http://127.0.0.1:9/${webhookId}`) {
  const secret = newWebhookSecret();
  planDeliveries(
    outbox,
    [
      recorded(
        'WebhookCreated',
        {
          webhookId,
          partnerId,
          url,
          events: ['customer-created'],
          secret: sealer.seal(secret, webhookId),
        },
        partnerId,
      ),
    ],
    { now: Date.now },
  );
  return secret;
}

function customerAdded(partnerId = 'p-1'): RecordedEvent {
  return recorded(
    'CustomerAdded',
    {
      customerId: `c-${position + 1n}`,
      addedByPartnerId: partnerId,
      companyProfile: { companyName: 'Contoso', domain: 'contoso.example' },
      billingProfile: { companyName: 'Contoso', email: 'a@contoso.example' },
    },
    partnerId,
  );
}

function plan(...events: RecordedEvent[]): void {
  planDeliveries(outbox, events, { now: Date.now });
  dispatcher?.wake();
}

interface Sent {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** A fake network: records what was sent and answers from `answer`. */
function fakeNetwork(
  answer: (sent: Sent, count: number) => AttemptResult | Promise<AttemptResult>,
) {
  const sent: Sent[] = [];
  const send: SendDelivery = async ({ target, headers, body }) => {
    const request = { url: target.url.toString(), headers: { ...headers }, body };
    sent.push(request);
    return answer(request, sent.length);
  };
  return { sent, send };
}

function startDispatcher(
  send: SendDelivery,
  options: {
    schedule?: number[];
    disable?: jest.Mock;
    resolve?: ResolveHost;
    yieldWhile?: () => boolean;
  } = {},
) {
  const disable = options.disable ?? jest.fn(async () => undefined);
  dispatcher = new DeliveryDispatcher({
    outbox,
    send,
    sealer,
    policy,
    schedule: options.schedule ?? [0.05, 0.05],
    timeoutMs: 1000,
    disable,
    random: () => 0.5,
    disableRetryMs: 200,
    ...(options.resolve && { resolve: options.resolve }),
    ...(options.yieldWhile && { yieldWhile: options.yieldWhile }),
  });
  dispatcher.start();
  return disable;
}

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const stateOf = (webhookId: string) =>
  outbox.deliveriesOf(webhookId, { limit: 100 }).items.map((delivery) => delivery.state);

describe('DeliveryDispatcher', () => {
  it('signs each delivery so that an independent verifier accepts it', async () => {
    const secret = register('w-1');
    const network = fakeNetwork(() => ({ status: 204, durationMs: 1 }));
    startDispatcher(network.send);
    plan(customerAdded());
    await until(() => stateOf('w-1').includes('delivered'));
    const [request] = network.sent;
    expect(() => new Webhook(secret).verify(request!.body, request!.headers)).not.toThrow();
    expect(request!.headers['webhook-id']).toBe(JSON.parse(request!.body).id);
    const [delivery] = outbox.deliveriesOf('w-1', { limit: 1 }).items;
    expect(delivery?.attempts).toEqual([expect.objectContaining({ status: 204, durationMs: 1 })]);
  });

  it('retries a failure on the schedule, then fails the delivery and disables the endpoint', async () => {
    register('w-1');
    const network = fakeNetwork(() => ({ status: 500, durationMs: 1, responseBody: 'oops' }));
    const disable = startDispatcher(network.send, { schedule: [0.02, 0.02] });
    plan(customerAdded());
    await until(() => disable.mock.calls.length > 0);
    expect(network.sent).toHaveLength(3);
    expect(stateOf('w-1')).toEqual(['failed']);
    expect(disable).toHaveBeenCalledWith(expect.objectContaining({ webhookId: 'w-1' }), 'failing');
    const [delivery] = outbox.deliveriesOf('w-1', { limit: 1 }).items;
    expect(delivery?.attempts.map((attempt) => [attempt.status, attempt.response])).toEqual([
      [500, 'oops'],
      [500, 'oops'],
      [500, 'oops'],
    ]);
  });

  it('stops at 410 Gone and disables the endpoint as gone', async () => {
    register('w-1');
    const network = fakeNetwork(() => ({ status: 410, durationMs: 1 }));
    const disable = startDispatcher(network.send);
    plan(customerAdded(), customerAdded());
    await until(() => disable.mock.calls.length > 0);
    expect(disable).toHaveBeenCalledWith(expect.objectContaining({ webhookId: 'w-1' }), 'gone');
    // The second delivery waits: the endpoint is being disabled.
    expect(network.sent).toHaveLength(1);
    expect(stateOf('w-1').sort()).toEqual(['failed', 'pending']);
  });

  it('honours Retry-After on 429 and 503, beyond the schedule’s pause', async () => {
    register('w-1');
    const network = fakeNetwork((_sent, count) =>
      count === 1
        ? { status: 429, durationMs: 1, retryAfter: '1' }
        : { status: 200, durationMs: 1 },
    );
    startDispatcher(network.send, { schedule: [0.01] });
    plan(customerAdded());
    await until(() => network.sent.length === 1);
    const [pending] = outbox.deliveriesOf('w-1', { limit: 1 }).items;
    expect(pending?.state).toBe('pending');
    expect(pending!.nextAttemptAt! - Date.parse(pending!.attempts[0]!.at)).toBeGreaterThanOrEqual(
      1000,
    );
    await until(() => stateOf('w-1').includes('delivered'), 4000);
  });

  it('attempts one endpoint’s deliveries in position order, one at a time', async () => {
    register('w-1');
    const network = fakeNetwork((_sent, count) => ({
      status: count === 1 ? 500 : 200,
      durationMs: 1,
    }));
    startDispatcher(network.send, { schedule: [0.1] });
    const first = customerAdded();
    const second = customerAdded();
    plan(first, second);
    await until(() => stateOf('w-1').every((state) => state === 'delivered'));
    const positions = network.sent.map((sent) => JSON.parse(sent.body).position as string);
    expect(positions).toEqual([first.position, first.position, second.position].map(String));
  });

  it('never lets a slow endpoint delay another partner’s', async () => {
    register('slow', 'p-1', 'http://127.0.0.1:9/slow');
    register('fast', 'p-2', 'http://127.0.0.1:9/fast');
    let release: () => void = () => undefined;
    const network = fakeNetwork(async (sent) => {
      if (sent.url.endsWith('/slow')) await new Promise<void>((resolve) => (release = resolve));
      return { status: 200, durationMs: 1 };
    });
    startDispatcher(network.send);
    plan(customerAdded('p-1'), customerAdded('p-2'), customerAdded('p-2'));
    await until(() => stateOf('fast').filter((state) => state === 'delivered').length === 2);
    expect(stateOf('slow')).toEqual(['pending']);
    release();
    await until(() => stateOf('slow').includes('delivered'));
  });

  it('refuses at the attempt a target that has become unsafe, and retries it', async () => {
    register('w-1', 'p-1', 'http://169.254.169.254/latest/meta-data');
    const network = fakeNetwork(() => ({ status: 200, durationMs: 1 }));
    startDispatcher(network.send, { schedule: [10] });
    plan(customerAdded());
    await until(() => outbox.deliveriesOf('w-1', { limit: 1 }).items[0]!.attempts.length === 1);
    expect(network.sent).toEqual([]);
    const [delivery] = outbox.deliveriesOf('w-1', { limit: 1 }).items;
    expect(delivery?.state).toBe('pending');
    expect(delivery?.attempts[0]?.error).toMatch(/link local address/);
  });

  it('resolves the name again at every attempt: one pointed at loopback since is refused', async () => {
    register('w-1', 'p-1', 'https://hooks.partner.example/in');
    const network = fakeNetwork(() => ({ status: 204, durationMs: 1 }));
    let answer = ['93.184.215.14'];
    startDispatcher(network.send, { schedule: [0.05], resolve: async () => answer });
    plan(customerAdded());
    await until(() => network.sent.length === 1);
    // The name now points at this machine (DNS rebinding): the next attempt is not sent.
    answer = ['127.0.0.2'];
    plan(customerAdded());
    await until(() => outbox.deliveriesOf('w-1', { limit: 1 }).items[0]!.attempts.length === 1);
    expect(network.sent).toHaveLength(1);
    const [refused] = outbox.deliveriesOf('w-1', { limit: 1 }).items;
    expect(refused?.state).toBe('pending');
    expect(refused?.attempts[0]?.error).toMatch(/127\.0\.0\.2 is a loopback address/);
  });

  it('keeps to a trickle while the process is busy, endpoints taking turns, and no tight loop', async () => {
    register('a', 'p-1', 'http://127.0.0.1:9/a');
    register('b', 'p-2', 'http://127.0.0.1:9/b');
    let busy = true;
    let looks = 0;
    const heads = outbox.heads.bind(outbox);
    outbox.heads = (...args) => {
      looks++;
      return heads(...args);
    };
    const network = fakeNetwork(() => ({ status: 204, durationMs: 1 }));
    startDispatcher(network.send, { yieldWhile: () => busy });
    plan(customerAdded('p-1'), customerAdded('p-1'), customerAdded('p-1'), customerAdded('p-2'));
    const started = Date.now();
    await until(() => network.sent.length === 4);
    const elapsed = Date.now() - started;
    // One start per 20 ms at most; b's turn comes before a's backlog is done.
    expect(elapsed).toBeGreaterThanOrEqual(55);
    expect(network.sent.map((sent) => sent.url.slice(-1)).indexOf('b')).toBeLessThan(3);
    expect(looks).toBeLessThan(40);
    busy = false;
    plan(customerAdded('p-1'), customerAdded('p-1'));
    await until(() => network.sent.length === 6);
  });

  it('asks again to disable an endpoint when the log refused for a passing reason', async () => {
    register('w-1');
    const network = fakeNetwork(() => ({ status: 410, durationMs: 1 }));
    let calls = 0;
    const disable = jest.fn(async () => {
      calls++;
      if (calls === 1) throw new Error('event store unavailable');
    });
    startDispatcher(network.send, { disable });
    plan(customerAdded());
    await until(() => calls === 1);
    expect(outbox.endpoint('w-1')?.disableRequested).toBe('gone');
    await until(() => calls === 2);
  });
});
