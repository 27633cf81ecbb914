import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The receiver of `webhooks.delivery`, as its own process: `RECEIVER_ENDPOINTS` plain
 * node:http servers on 127.0.0.1, one port per webhook endpoint (an endpoint of its own host
 * and port gets a connection pool of its own in the sender, as distinct partners' endpoints
 * would), each reading the whole body and answering 204. It counts what arrives, with the time
 * of the first and the last request, so that the delivery machinery and the plain `fetch`
 * baseline are timed by the same instrument. `PORT` serves the counts:
 * `GET /ports`, `GET /stats`, `POST /reset`, `GET /sample` (the body and `webhook-*` headers
 * of the first request since the reset).
 */

interface Stats {
  received: number;
  bytes: number;
  /** `performance.now()` of the first and the last request fully read, since the reset. */
  firstMs: number | null;
  lastMs: number | null;
}

const endpoints = Number(process.env.RECEIVER_ENDPOINTS ?? '1');
// A receiver behind a load balancer keeps idle connections about a minute, not Node's 5 s.
const KEEP_ALIVE_MS = 65_000;
let stats: Stats = { received: 0, bytes: 0, firstMs: null, lastMs: null };
let sample: { headers: Record<string, string>; body: string } | undefined;

function receive(request: IncomingMessage, response: ServerResponse): void {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const now = performance.now();
    stats.received++;
    stats.bytes += chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    stats.firstMs ??= now;
    stats.lastMs = now;
    sample ??= sampleOf(request, Buffer.concat(chunks).toString('utf8'));
    response.writeHead(204).end();
  });
}

function sampleOf(request: IncomingMessage, body: string) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers))
    if (typeof value === 'string' && (name.startsWith('webhook-') || name === 'content-type'))
      headers[name] = value;
  return { headers, body };
}

function control(ports: readonly number[]) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const json = (value: unknown) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    request.resume();
    if (request.url === '/ports') json(ports);
    else if (request.url === '/stats') json(stats);
    else if (request.url === '/sample') json(sample ?? null);
    else if (request.url === '/reset' && request.method === 'POST') {
      stats = { received: 0, bytes: 0, firstMs: null, lastMs: null };
      sample = undefined;
      response.writeHead(204).end();
    } else response.writeHead(404).end();
  };
}

async function listen(server: Server, port: number): Promise<number> {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function main(): Promise<void> {
  const ports: number[] = [];
  for (let i = 0; i < endpoints; i++) ports.push(await listen(createServer(receive), 0));
  await listen(createServer(control(ports)), Number(process.env.PORT));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
