import { WebhookSender } from './webhook-sender.js';
import { DELIVERY_BODY, DELIVERY_HEADERS } from './testing/delivery.fixtures.js';
import {
  EXPIRED_SERVER_CERTIFICATE,
  TEST_CA_CERTIFICATE,
  TEST_SERVER_CERTIFICATE,
  TEST_SERVER_KEY,
} from './testing/test-certificates.js';
import { startTestServer, type TestServer } from './testing/test-servers.js';

jest.setTimeout(10_000);

let server: TestServer;
const senders: WebhookSender[] = [];
afterEach(async () => {
  senders.splice(0).forEach((sender) => sender.close());
  await server.close();
});

async function serveTls(cert = TEST_SERVER_CERTIFICATE): Promise<void> {
  server = await startTestServer((_request, response) => response.writeHead(200).end('ok'), {
    key: TEST_SERVER_KEY,
    cert,
  });
}

function send(url: string, options: ConstructorParameters<typeof WebhookSender>[0] = {}) {
  const sender = new WebhookSender(options);
  senders.push(sender);
  const target = { url: new URL(url), addresses: ['127.0.0.1'] };
  return sender.send({ target, headers: DELIVERY_HEADERS, body: DELIVERY_BODY, timeoutMs: 5_000 });
}

describe('WebhookSender over HTTPS', () => {
  it('delivers to a server whose certificate the extra CA vouches for, sending the URL name as SNI', async () => {
    await serveTls();
    const result = await send(`https://localhost:${server.port}/x`, { ca: TEST_CA_CERTIFICATE });
    expect(result).toEqual({ status: 200, responseBody: 'ok', durationMs: expect.any(Number) });
    expect(server.servernames).toEqual(['localhost']);
    expect(server.requests[0]!.headers.host).toBe(`localhost:${server.port}`);
  });

  it('delivers to an address in the URL when the certificate names that address', async () => {
    await serveTls();
    const result = await send(`https://127.0.0.1:${server.port}/x`, {
      ca: Buffer.from(TEST_CA_CERTIFICATE),
    });
    expect(result).toMatchObject({ status: 200 });
    expect(result.error).toBeUndefined();
  });

  it('reports a certificate no trusted CA vouches for, sending nothing', async () => {
    await serveTls();
    const result = await send(`https://localhost:${server.port}/x`);
    expect(result).toEqual({
      error: 'unable to verify the first certificate',
      durationMs: expect.any(Number),
    });
    expect(server.requests).toHaveLength(0);
  });

  it('checks the certificate against the URL name, not the address connected to', async () => {
    await serveTls();
    const result = await send(`https://hooks.invalid:${server.port}/x`, {
      ca: TEST_CA_CERTIFICATE,
    });
    expect(result).toEqual({
      error: 'certificate does not match the host name',
      durationMs: expect.any(Number),
    });
    expect(server.servernames).toEqual(['hooks.invalid']);
    expect(server.requests).toHaveLength(0);
  });

  it('reports an expired certificate', async () => {
    await serveTls(EXPIRED_SERVER_CERTIFICATE);
    const result = await send(`https://localhost:${server.port}/x`, { ca: TEST_CA_CERTIFICATE });
    expect(result).toEqual({ error: 'certificate has expired', durationMs: expect.any(Number) });
  });

  it('reports a server that does not speak TLS', async () => {
    server = await startTestServer((_request, response) => response.end());
    const result = await send(`https://localhost:${server.port}/x`);
    expect(result.error).toMatch(/^TLS failed: /);
    expect(result.status).toBeUndefined();
  });
});
