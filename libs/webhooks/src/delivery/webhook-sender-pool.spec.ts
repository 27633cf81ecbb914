import net from 'node:net';
import { WebhookSender } from './webhook-sender.js';
import { DELIVERY_BODY, DELIVERY_HEADERS } from './testing/delivery.fixtures.js';
import {
  eventually,
  listen,
  startTestServer,
  type TestHandler,
  type TestServer,
} from './testing/test-servers.js';

jest.setTimeout(10_000);

let sender: WebhookSender;
let server: TestServer | undefined;
beforeEach(() => (sender = new WebhookSender()));
afterEach(async () => {
  sender.close();
  await server?.close();
  server = undefined;
});

function send(url: string, addresses = ['127.0.0.1']) {
  const target = { url: new URL(url), addresses };
  return sender.send({ target, headers: DELIVERY_HEADERS, body: DELIVERY_BODY, timeoutMs: 5_000 });
}

async function serve(handler: TestHandler = (_request, response) => response.end('ok')) {
  server = await startTestServer(handler);
  return server;
}

describe('WebhookSender connections', () => {
  it('sends deliveries to one endpoint over one kept-alive connection', async () => {
    const { port, connections } = await serve();
    expect(await send(`http://localhost:${port}/a`)).toMatchObject({ status: 200 });
    expect(await send(`http://localhost:${port}/b`)).toMatchObject({ status: 200 });
    expect(connections.opened).toBe(1);
  });

  it('keeps a connection for a body read to its end but not for one cut at the cap', async () => {
    const { port, connections } = await serve((_request, response) =>
      response.end('y'.repeat(600)),
    );
    await send(`http://localhost:${port}/a`);
    await send(`http://localhost:${port}/b`);
    expect(connections.opened).toBe(2);
  });

  it('does not reuse a connection made for other checked addresses of the same name', async () => {
    const { port, connections } = await serve();
    await send(`http://localhost:${port}/a`, ['127.0.0.1']);
    await send(`http://localhost:${port}/b`, ['127.0.0.1', '127.0.0.3']);
    await send(`http://localhost:${port}/c`, ['127.0.0.3', '127.0.0.1']); // the same set
    expect(connections.opened).toBe(2);
  });

  it('opens at most four connections to one endpoint, queueing the other deliveries', async () => {
    const { port, connections } = await serve((_request, response) => {
      setTimeout(() => response.end('ok'), 50);
    });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) => send(`http://localhost:${port}/${index}`)),
    );
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(connections.opened).toBe(4);
  });

  it('closes its idle connections when closed', async () => {
    const { port, connections } = await serve();
    await send(`http://localhost:${port}/a`);
    sender.close();
    await eventually(() => connections.closed === 1);
    expect(connections.opened).toBe(1);
  });

  it('sends again on a new connection when the kept-alive one turns out closed by the server', async () => {
    // A server that answers the first request of each connection and drops any later one, as
    // one that closed an idle connection the moment the next request came would.
    const received: string[] = [];
    const raw = net.createServer((socket) => {
      let requests = 0;
      socket.on('data', (data) => {
        requests += 1;
        received.push(data.toString('latin1').split(' ')[1]!);
        if (requests === 1)
          socket.write('HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: keep-alive\r\n\r\nok');
        else socket.destroy();
      });
    });
    const port = await listen(raw);
    try {
      expect(await send(`http://localhost:${port}/a`)).toMatchObject({ status: 200 });
      expect(await send(`http://localhost:${port}/b`)).toMatchObject({ status: 200 });
      expect(received).toEqual(['/a', '/b', '/b']);
    } finally {
      sender.close();
      await new Promise((resolve) => raw.close(resolve));
    }
  });
});
