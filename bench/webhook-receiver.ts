import { type ServerProcess, startServer } from './server-process.js';

/** What the receiver counted since its last reset. */
export interface ReceiverStats {
  readonly received: number;
  readonly bytes: number;
  /** The receiver's `performance.now()` at the first and the last request fully read. */
  readonly firstMs: number | null;
  readonly lastMs: number | null;
}

/** The first request since the reset: its body and `webhook-*` / `content-type` headers. */
export interface ReceivedSample {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** The loopback webhook receiver (`webhook-receiver.server.ts`) in its own process. */
export interface WebhookReceiver {
  readonly server: ServerProcess;
  /** One URL per endpoint, each on a port of its own. */
  readonly urls: readonly string[];
  stats(): Promise<ReceiverStats>;
  reset(): Promise<void>;
  sample(): Promise<ReceivedSample | null>;
  /** Polls until `count` requests arrived since the reset, or `timeoutMs` passed. */
  waitFor(count: number, timeoutMs: number): Promise<ReceiverStats>;
}

const POLL_MS = 20;

/** Requests per second between the first and the last request (n requests, n - 1 gaps). */
export function receivedPerSecond({ received, firstMs, lastMs }: ReceiverStats): number {
  if (firstMs === null || lastMs === null || lastMs <= firstMs) return NaN;
  return ((received - 1) * 1000) / (lastMs - firstMs);
}

export async function startWebhookReceiver(endpoints: number): Promise<WebhookReceiver> {
  const server = await startServer(
    'webhook-receiver',
    'bench/dist/webhook-receiver.server.js',
    { RECEIVER_ENDPOINTS: String(endpoints) },
    '/stats',
  );
  const get = async <T>(path: string): Promise<T> =>
    (await (await fetch(`${server.baseUrl}${path}`)).json()) as T;
  const ports = await get<number[]>('/ports');
  const stats = () => get<ReceiverStats>('/stats');
  return {
    server,
    urls: ports.map((port) => `http://127.0.0.1:${port}/hooks`),
    stats,
    reset: async () => {
      await fetch(`${server.baseUrl}/reset`, { method: 'POST' });
    },
    sample: () => get<ReceivedSample | null>('/sample'),
    waitFor: async (count, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      let now = await stats();
      while (now.received < count && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        now = await stats();
      }
      return now;
    },
  };
}
