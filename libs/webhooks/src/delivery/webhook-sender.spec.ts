import { WebhookSender } from './webhook-sender.js';
import {
  closedPort,
  eventually,
  startTestServer,
  type TestHandler,
  type TestServer,
} from './testing/test-servers.js';
import { DELIVERY_BODY, DELIVERY_HEADERS } from './testing/delivery.fixtures.js';

jest.setTimeout(10_000);

const headers = DELIVERY_HEADERS;
const body = DELIVERY_BODY;

let sender: WebhookSender;
const servers: TestServer[] = [];
beforeEach(() => (sender = new WebhookSender()));
afterEach(async () => {
  sender.close();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: TestHandler): Promise<TestServer> {
  const server = await startTestServer(handler);
  servers.push(server);
  return server;
}

function send(url: string, addresses = ['127.0.0.1'], timeoutMs = 5_000) {
  return sender.send({ target: { url: new URL(url), addresses }, headers, body, timeoutMs });
}

const answer =
  (status: number, text = '', extra: Record<string, string> = {}): TestHandler =>
  (_request, response) =>
    response.writeHead(status, extra).end(text);

describe('WebhookSender', () => {
  it('posts the JSON body with the signed headers, the content type and its user agent', async () => {
    const server = await serve(answer(204));
    const result = await send(`http://127.0.0.1:${server.port}/hooks/in?tenant=7`);
    expect(result).toEqual({ status: 204, durationMs: expect.any(Number) });
    const [received] = server.requests;
    expect(received).toMatchObject({ method: 'POST', url: '/hooks/in?tenant=7', body });
    expect(received!.headers).toMatchObject({
      ...headers,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': 'customer-workspace-webhooks/1',
    });
  });

  it('connects to the checked address without resolving the name, which stays in the Host header', async () => {
    const server = await serve(answer(200, 'ok'));
    const result = await send(`http://hooks.invalid:${server.port}/x`);
    expect(result).toMatchObject({ status: 200, responseBody: 'ok' });
    expect(result.error).toBeUndefined();
    expect(server.requests[0]!.headers.host).toBe(`hooks.invalid:${server.port}`);
  });

  it('tries the next checked address when the first one refuses', async () => {
    const server = await serve(answer(200));
    const result = await send(`http://hooks.invalid:${server.port}/x`, ['127.0.0.2', '127.0.0.1']);
    expect(result).toMatchObject({ status: 200 });
    expect(server.requests).toHaveLength(1);
  });

  it('reports a redirect as its status and does not follow it', async () => {
    const elsewhere = await serve(answer(200));
    const server = await serve(
      answer(302, '', { location: `http://127.0.0.1:${elsewhere.port}/` }),
    );
    const result = await send(`http://127.0.0.1:${server.port}/x`);
    expect(result).toEqual({ status: 302, durationMs: expect.any(Number) });
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('reports an error status with its body and Retry-After, as an answer rather than an error', async () => {
    const server = await serve(answer(503, 'down for maintenance', { 'retry-after': '120' }));
    const result = await send(`http://127.0.0.1:${server.port}/x`);
    expect(result).toEqual({
      status: 503,
      retryAfter: '120',
      responseBody: 'down for maintenance',
      durationMs: expect.any(Number),
    });
  });

  it('keeps only the start of a long body and closes the connection instead of reading on', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(500);
      const chunk = 'x'.repeat(16 * 1024);
      const writeMore = () => {
        while (!response.destroyed && response.write(chunk));
      };
      response.on('drain', writeMore);
      writeMore(); // endless: only a sender that stops reading lets this test end
    });
    const result = await send(`http://127.0.0.1:${server.port}/x`);
    expect(result).toEqual({
      status: 500,
      responseBody: 'x'.repeat(512),
      durationMs: expect.any(Number),
    });
    await eventually(() => server.connections.closed === 1);
  });

  it('keeps as much of the body as its option says', async () => {
    sender = new WebhookSender({ maxResponseBytes: 4, userAgent: 'tests/1' });
    const server = await serve(answer(500, 'internal error'));
    const result = await send(`http://127.0.0.1:${server.port}/x`);
    expect(result.responseBody).toBe('inte');
    expect(server.requests[0]!.headers['user-agent']).toBe('tests/1');
  });

  it('decodes a body that is not UTF-8 with replacement characters', async () => {
    const server = await serve((_request, response) =>
      response.writeHead(400).end(Buffer.from([0x6e, 0x6f, 0xff, 0xfe, 0xc3])),
    );
    const result = await send(`http://127.0.0.1:${server.port}/x`);
    expect(result).toMatchObject({ status: 400, responseBody: 'no\ufffd\ufffd\ufffd' });
  });

  it('gives up on an endpoint that never answers when the timeout is up', async () => {
    const server = await serve(() => undefined);
    const result = await send(`http://127.0.0.1:${server.port}/x`, ['127.0.0.1'], 300);
    expect(result).toEqual({ error: 'timeout after 300 ms', durationMs: expect.any(Number) });
    expect(result.durationMs).toBeGreaterThanOrEqual(290);
    await eventually(() => server.connections.closed === 1);
  });

  it('counts reading the body in the timeout, keeping the status already received', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('partial');
    });
    const result = await send(`http://127.0.0.1:${server.port}/x`, ['127.0.0.1'], 300);
    expect(result).toMatchObject({
      status: 200,
      error: 'timeout after 300 ms',
      responseBody: 'partial',
    });
  });

  it('reports a refused connection without the URL or its query string', async () => {
    const port = await closedPort();
    const result = await send(`http://127.0.0.1:${port}/x?token=s3cr3t`);
    expect(result).toEqual({ error: 'connection refused', durationMs: expect.any(Number) });
  });

  it('reports a connection closed before any answer', async () => {
    const server = await serve((_request, response) => response.socket?.destroy());
    const result = await send(`http://127.0.0.1:${server.port}/x`);
    expect(result).toEqual({ error: 'socket hang up', durationMs: expect.any(Number) });
  });

  it('refuses a URL address that is not among the checked ones', async () => {
    const server = await serve(answer(200));
    const result = await send(`http://127.0.0.1:${server.port}/x`, ['127.0.0.2']);
    expect(result).toEqual({
      error: 'the URL address was not checked',
      durationMs: expect.any(Number),
    });
    expect(server.requests).toHaveLength(0);
  });
});
