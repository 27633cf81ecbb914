import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { startTestApi, type TestApi } from '../fixtures/api-app.js';
import { type FuzzCase, fixedCases, randomCases } from '../security/fuzz-cases.js';
import { runFuzz, type Send } from '../security/fuzz-run.js';
import { headOf, seedWorkspace, type Workspace } from '../security/workspace.fixtures.js';

const BODY_LIMIT = 64 * 1024;
/** Bounds of the run: whichever comes first. */
const TARGET_REQUESTS = Number(process.env.CHAOS_FUZZ_REQUESTS ?? 12_000);
const SECONDS = Number(process.env.CHAOS_FUZZ_SECONDS ?? 150);

/** Over a real loopback socket, keep-alive, as a client would send it. */
function overHttp(port: number): Send {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return (fuzz) =>
    new Promise((resolve, reject) => {
      const body = typeof fuzz.payload === 'string' ? Buffer.from(fuzz.payload) : fuzz.payload;
      const req = request(
        {
          host: '127.0.0.1',
          port,
          agent,
          method: fuzz.method,
          path: fuzz.url,
          headers: { ...fuzz.headers, ...(body ? { 'content-length': body.length } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

/** HTTP that no client library would produce; each must get a 4xx or a closed socket. */
const RAW_REQUESTS: readonly string[] = [
  'GARBAGE\r\n\r\n',
  'POST /v1/tags HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
  'POST /v1/tags HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
  'POST /v1/tags HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nContent-Length: 11\r\n\r\n{}',
  'POST /v1/tags HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n',
  'POST /v1/tags HTTP/1.1\r\nHost: x\r\nX-Bad\u0000Header: 1\r\n\r\n',
  `GET /health HTTP/1.1\r\nHost: x\r\nX-Huge: ${'a'.repeat(70_000)}\r\n\r\n`,
  'GET /health HTTP/9.9\r\nHost: x\r\n\r\n',
  'GET /v1/customers/%ff HTTP/1.1\r\n\r\n',
  'POST /v1/customers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"truncated":',
];

/** Sends raw bytes; resolves with the status line, or '' when the server closed the socket. */
function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setTimeout(2000, () => socket.destroy());
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.end(Buffer.from(text, 'latin1'));
  });
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('HTTP fuzz, heavy run over loopback (bad input changes nothing)', () => {
  let api: TestApi;
  let ws: Workspace;
  let port: number;

  beforeAll(async () => {
    api = await startTestApi({ RATE_LIMIT_PER_MINUTE: '0', BODY_LIMIT_BYTES: String(BODY_LIMIT) });
    ws = await seedWorkspace(api);
    await api.app.listen(0, '127.0.0.1');
    port = (api.app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(() => api.close());

  it(`${TARGET_REQUESTS} hostile requests at every command route: no 5xx, nothing stored, still healthy`, async () => {
    const deadline = Date.now() + SECONDS * 1000;
    const cases = new Map<string, FuzzCase>(); // distinct requests only
    const add = (fuzz: FuzzCase) => {
      const payload = Buffer.isBuffer(fuzz.payload) ? fuzz.payload.toString('hex') : fuzz.payload;
      cases.set(JSON.stringify([fuzz.method, fuzz.url, fuzz.headers, payload]), fuzz);
    };
    fixedCases(ws, BODY_LIMIT).forEach(add);
    for (let seed = 1; cases.size < TARGET_REQUESTS && seed < 20; seed++) {
      randomCases(ws, seed, 100).forEach(add);
    }
    const distinct = [...cases.values()].slice(0, TARGET_REQUESTS);
    const report = await runFuzz(api, distinct, overHttp(port), deadline);

    const head = await headOf(api);
    const raw = await Promise.all(RAW_REQUESTS.map((text) => rawExchange(port, text)));
    const rawServerErrors = raw.filter((line) => / 5\d\d /.test(line));
    const health = await overHttp(port)({
      family: 'health',
      method: 'GET',
      url: '/health',
      headers: {},
    });

    console.log(
      [
        `HTTP fuzz: ${report.requests} distinct requests over loopback in ${report.milliseconds} ms`,
        `families ${JSON.stringify(countBy(distinct.slice(0, report.requests), (c) => c.family))}`,
        `statuses ${JSON.stringify(report.statuses)}`,
        `raw malformed HTTP: ${raw.map((line) => line || 'closed').join(' | ')}`,
        `events appended ${report.appended}, /health ${health.status}`,
      ].join('\n'),
    );
    expect(report.failures).toEqual([]);
    expect(report.requests).toBeGreaterThanOrEqual(Math.min(TARGET_REQUESTS, 3000));
    expect(report.appended).toBe(0n);
    expect(report.prototypesIntact).toBe(true);
    expect(rawServerErrors).toEqual([]);
    expect(await headOf(api)).toBe(head);
    expect(health.status).toBe(200);
  });
});
