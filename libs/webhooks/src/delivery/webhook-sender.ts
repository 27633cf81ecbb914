import { isIP } from 'node:net';
import { createSecureContext, rootCertificates } from 'node:tls';
import type { CheckedTarget } from '../webhook-target.js';
import type { WebhookHeaders } from '../webhook-signer.js';
import type { AttemptResult } from './attempt-result.js';
import { exchange, type ExchangeOutcome } from './http-exchange.js';
import {
  PinnedHttpAgent,
  PinnedHttpsAgent,
  pinnedLookup,
  type PinnedRequestOptions,
} from './pinned-agents.js';

/** How a sender connects and what it keeps of the answers. */
export interface WebhookSenderOptions {
  /** A CA trusted besides the usual public ones (tests and private deployments). */
  readonly ca?: string | Buffer;
  /** How much of a response body is kept for the delivery log; 512 bytes by default. */
  readonly maxResponseBytes?: number;
  /** The `user-agent` header; `customer-workspace-webhooks/1` by default. */
  readonly userAgent?: string;
}

/** One attempt to deliver: where to (checked just before), the signed headers and the body. */
export interface WebhookDeliveryRequest {
  readonly target: CheckedTarget;
  readonly headers: WebhookHeaders;
  /** The JSON payload, exactly as signed. */
  readonly body: string;
  /** For the whole attempt: connecting, the answer's headers and the kept part of its body. */
  readonly timeoutMs: number;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 512;
export const DEFAULT_USER_AGENT = 'customer-workspace-webhooks/1';
/** Concurrent connections per host (and pinned addresses), so that one endpoint cannot take all. */
const MAX_SOCKETS_PER_HOST = 4;
/** An idle pooled socket is closed after this, before most servers would close it themselves. */
const IDLE_SOCKET_MS = 30_000;

/**
 * Sends webhook deliveries over HTTP(S): `POST`, to the checked addresses only, through
 * keep-alive pools (one TCP and TLS connection serves many deliveries to an endpoint), never
 * following a redirect (a 3xx is an answer like any other), and never throwing for what the
 * network or the endpoint does: every attempt ends in an {@link AttemptResult}.
 */
export class WebhookSender {
  private readonly httpAgent: PinnedHttpAgent;
  private readonly httpsAgent: PinnedHttpsAgent;
  private readonly maxResponseBytes: number;
  private readonly userAgent: string;

  constructor(options: WebhookSenderOptions = {}) {
    const pool = { keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST, timeout: IDLE_SOCKET_MS };
    this.httpAgent = new PinnedHttpAgent(pool);
    // One secure context made once: a `ca` on every request would be copied into the pool's
    // name of every request (the public CAs included, a few hundred kilobytes).
    this.httpsAgent = new PinnedHttpsAgent(
      options.ca === undefined
        ? pool
        : {
            ...pool,
            secureContext: createSecureContext({ ca: [...rootCertificates, options.ca] }),
          },
    );
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  }

  /**
   * Makes one attempt. A kept-alive socket the endpoint closed while it was idle fails before
   * any answer; the request is then sent once more, within the same timeout, on a socket the
   * pool has not yet lost this way (receivers tell a repeat by its `webhook-id`).
   */
  async send(request: WebhookDeliveryRequest): Promise<AttemptResult> {
    const started = performance.now();
    const limits = {
      deadline: started + request.timeoutMs,
      timeoutMs: request.timeoutMs,
      maxResponseBytes: this.maxResponseBytes,
    };
    const refusal = refuseUnpinned(request.target);
    let outcome: ExchangeOutcome;
    if (refusal !== undefined) outcome = { answer: { error: refusal }, staleSocket: false };
    else {
      const secure = request.target.url.protocol === 'https:';
      const options = this.requestOptions(request);
      outcome = await exchange(secure, options, request.body, limits);
      if (outcome.staleSocket) outcome = await exchange(secure, options, request.body, limits);
    }
    return { ...outcome.answer, durationMs: Math.round(performance.now() - started) };
  }

  /** Closes every pooled connection; deliveries still under way fail. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private requestOptions({ target, headers, body }: WebhookDeliveryRequest): PinnedRequestOptions {
    const { url, addresses } = target;
    const host = hostOf(url);
    const secure = url.protocol === 'https:';
    return {
      method: 'POST',
      host,
      ...(url.port !== '' && { port: Number(url.port) }),
      path: `${url.pathname}${url.search}`,
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'user-agent': this.userAgent,
      },
      agent: secure ? this.httpsAgent : this.httpAgent,
      lookup: pinnedLookup(addresses),
      autoSelectFamily: true, // try each checked address in turn when one refuses
      pinnedAddresses: addresses,
      // The certificate is checked against the URL's name, which SNI sends (not for an address).
      ...(secure && isIP(host) === 0 && { servername: host }),
    };
  }
}

/** The URL's host name or address, without the brackets of an IPv6 address. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * A target the sender cannot pin: no address, a scheme other than http(s), or an address in
 * the URL that is not among the checked ones (Node connects to an address without a lookup).
 */
function refuseUnpinned({ url, addresses }: CheckedTarget): string | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'only http(s) URLs';
  if (addresses.length === 0) return 'no checked address to connect to';
  const host = hostOf(url);
  if (isIP(host) !== 0 && !addresses.includes(host)) return 'the URL address was not checked';
  return undefined;
}
