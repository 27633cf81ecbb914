import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

/** A request as a test server received it. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** What a handler does once a request and its body are in; doing nothing leaves it hanging. */
export type TestHandler = (request: ReceivedRequest, response: http.ServerResponse) => void;

/** A server on 127.0.0.1 that records what reaches it, for the sender's tests. */
export interface TestServer {
  readonly port: number;
  readonly requests: ReceivedRequest[];
  /** TCP connections accepted, and how many of them are closed by now. */
  readonly connections: { opened: number; closed: number };
  /** The SNI names of the TLS connections (HTTPS servers only). */
  readonly servernames: string[];
  close(): Promise<void>;
}

/** Starts an HTTP server, or an HTTPS one with the given key and certificate. */
export async function startTestServer(
  handler: TestHandler,
  tls?: { key: string; cert: string },
): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const connections = { opened: 0, closed: 0 };
  const servernames: string[] = [];
  const listener: http.RequestListener = (incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request = {
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      handler(request, response);
    });
  };
  // The SNI name is noted as the handshake starts, before the client may reject the certificate.
  const SNICallback = (name: string, done: (error: Error | null) => void) => {
    servernames.push(name);
    done(null);
  };
  const server = tls
    ? https.createServer({ ...tls, SNICallback }, listener)
    : http.createServer(listener);
  server.on('connection', (socket: net.Socket) => {
    connections.opened += 1;
    socket.on('close', () => (connections.closed += 1));
  });
  const port = await listen(server);
  return {
    port,
    requests,
    connections,
    servernames,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Listens on 127.0.0.1 at a free port and returns the port. */
export function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}

/** A port on 127.0.0.1 that nothing listens on (taken, then given back). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once `condition` holds, checking every few milliseconds (the test's timeout bounds it). */
export async function eventually(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
