import http from 'node:http';
import https from 'node:https';
import { describeAttemptError } from './attempt-error.js';
import type { AttemptResult } from './attempt-result.js';
import type { PinnedRequestOptions } from './pinned-agents.js';

/** The bounds of one exchange: when it must be over and how much of the body to keep. */
export interface ExchangeLimits {
  /** `performance.now()` by which the answer must be in, body included. */
  readonly deadline: number;
  /** The attempt's whole timeout, as the error names it. */
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
}

/** An exchange's outcome; `staleSocket` when a pooled socket was found closed before any answer. */
export interface ExchangeOutcome {
  readonly answer: Omit<AttemptResult, 'durationMs'>;
  readonly staleSocket: boolean;
}

/** What a reused keep-alive socket closed by the server in the meantime fails with. */
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE']);

/**
 * Sends one request and reads its answer, never throwing and never waiting past the deadline.
 * The body is read up to the cap: a body that ends within it leaves the socket to the
 * keep-alive pool, a longer one gets the socket destroyed rather than drained.
 */
export function exchange(
  secure: boolean,
  options: PinnedRequestOptions,
  body: string,
  limits: ExchangeLimits,
): Promise<ExchangeOutcome> {
  return new Promise((resolve) => {
    let request: http.ClientRequest | undefined;
    let response: http.IncomingMessage | undefined;
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const finish = (error?: unknown, staleSocket = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome(response, chunks, limits.maxResponseBytes, error, staleSocket));
    };
    const timer = setTimeout(
      () => {
        finish(new AttemptTimeout(limits.timeoutMs));
        request?.destroy();
      },
      Math.max(0, limits.deadline - performance.now()),
    );
    try {
      request = (secure ? https : http).request(options);
    } catch (error) {
      finish(error); // invalid options or header values: nothing was sent
      return;
    }
    const sent = request;
    sent.on('error', (error: NodeJS.ErrnoException) => {
      const stale = sent.reusedSocket && !response && STALE_SOCKET_CODES.has(error.code ?? '');
      finish(error, stale);
    });
    sent.on('response', (incoming) => {
      response = incoming;
      incoming.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        received += chunk.length;
        if (received <= limits.maxResponseBytes) return;
        finish();
        sent.destroy();
      });
      incoming.on('end', () => finish());
      incoming.on('error', (error) => finish(error));
    });
    sent.end(body);
  });
}

/** The attempt ran out of time; its message is what the delivery log shows. */
class AttemptTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`timeout after ${timeoutMs} ms`);
  }
}

function outcome(
  response: http.IncomingMessage | undefined,
  chunks: readonly Buffer[],
  maxResponseBytes: number,
  error: unknown,
  staleSocket: boolean,
): ExchangeOutcome {
  const retryAfter = response?.headers['retry-after'];
  const responseBody = Buffer.concat(chunks).subarray(0, maxResponseBytes).toString('utf8');
  const answer = {
    ...(response?.statusCode !== undefined && { status: response.statusCode }),
    ...(error !== undefined && { error: reason(error) }),
    ...(retryAfter !== undefined && { retryAfter }),
    ...(responseBody !== '' && { responseBody }),
  };
  return { answer, staleSocket };
}

function reason(error: unknown): string {
  return error instanceof AttemptTimeout ? error.message : describeAttemptError(error);
}
