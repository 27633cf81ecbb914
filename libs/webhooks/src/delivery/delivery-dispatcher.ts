import type { DisabledBecause } from '../endpoint/webhook.events.js';
import { signingSecretsAt } from '../endpoint/webhook.state.js';
import { nextAttemptAt, retryAfterSeconds } from '../retry-schedule.js';
import type { SecretSealer } from '../secret-sealing.js';
import { signDelivery } from '../webhook-signer.js';
import { checkTarget, type ResolveHost, type TargetPolicy } from '../webhook-target.js';
import type { AttemptResult } from './attempt-result.js';
import type { WebhookDeliveryRequest } from './webhook-sender.js';
import { bodyOfNotice } from './delivery-body.js';
import {
  type AttemptVerdict,
  type OutboxDelivery,
  type OutboxHead,
  owedDelivery,
  type WebhookOutbox,
} from './webhook-outbox.js';

/** Sends one signed delivery to a checked target (the `WebhookSender` in production). */
export type SendDelivery = (request: WebhookDeliveryRequest) => Promise<AttemptResult>;

/**
 * Records in the log that an endpoint is disabled by the delivery (`410`, schedule spent). An
 * error with the code `webhook-not-found` means the endpoint is gone: nothing left to do.
 */
export type DisableEndpoint = (
  endpoint: { readonly webhookId: string; readonly partnerId: string },
  because: Exclude<DisabledBecause, 'partner'>,
) => Promise<void>;

export interface DispatcherOptions {
  readonly outbox: WebhookOutbox;
  readonly send: SendDelivery;
  readonly sealer: SecretSealer;
  readonly policy: TargetPolicy;
  /** Pauses in seconds between the attempts of a delivery. */
  readonly schedule: readonly number[];
  readonly timeoutMs: number;
  readonly disable: DisableEndpoint;
  /** Prefixed to the links of a body (`PUBLIC_BASE_URL`); relative links without it. */
  readonly baseUrl?: string;
  /** Attempts in flight at once, over all endpoints (one per endpoint at a time). */
  readonly concurrency?: number;
  readonly now?: () => number;
  readonly resolve?: ResolveHost;
  readonly random?: () => number;
  readonly onError?: (error: unknown, context: string) => void;
  /** How long a disable the log refused waits before it is asked again (default 5 s). */
  readonly disableRetryMs?: number;
  /**
   * True while the process has more urgent work (requests in flight): the dispatcher then
   * keeps to a trickle — one attempt at a time, `BACKGROUND_GAP_MS` apart — and takes its
   * full pace again as soon as it is false. Deliveries are delayed, never dropped.
   */
  readonly yieldWhile?: () => boolean;
}

const DEFAULT_CONCURRENCY = 32;
/** The longest the dispatcher sleeps without being woken: a safety net, not a schedule. */
const MAX_IDLE_MS = 5_000;
/** How long a disable the log refused for a passing reason waits before it is asked again. */
const DISABLE_RETRY_MS = 5_000;
const STATUS_GONE = 410;
const HONOURS_RETRY_AFTER = new Set([429, 503]);
/** While yielding: the pause between two attempt starts (at most 50 attempts a second). */
export const BACKGROUND_GAP_MS = 20;

/**
 * Works off the outbox: per endpoint, its deliveries one at a time in position order (one that
 * waits for its retry holds back those behind it), endpoints side by side, so a slow or dead
 * endpoint never delays another's. Each attempt checks the target again (a name may have been
 * pointed elsewhere), connects only to the addresses checked, signs with every secret the
 * endpoint accepts now, and records its outcome; a `410` or a spent schedule disables the
 * endpoint through the log. An attempt in flight when the process stops is not recorded, so it
 * is made again after a restart with the same `webhook-id`.
 */
export class DeliveryDispatcher {
  private readonly busy = new Set<string>();
  private readonly disabling = new Map<string, number>();
  private readonly now: () => number;
  private stopped = true;
  private running?: Promise<void>;
  private wakeUp?: () => void;
  private woken = false;
  private lastStart = 0;
  private lastEndpoint = '';
  /** Disables asked of the log and not answered yet (awaited at shutdown). */
  private readonly asking = new Set<Promise<unknown>>();

  private readonly disableRetryMs: number;

  constructor(private readonly options: DispatcherOptions) {
    this.now = options.now ?? Date.now;
    this.disableRetryMs = options.disableRetryMs ?? DISABLE_RETRY_MS;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = this.loop();
  }

  /** Something changed (new deliveries, an endpoint enabled, a replay): look again now. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /**
   * Stops attempting; an attempt in flight is left unrecorded (it will be made again). A
   * disable already asked of the log is waited for, so it does not outlive the event store.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.running;
    await Promise.allSettled([...this.asking]);
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let wakeAt = this.now() + MAX_IDLE_MS;
      try {
        wakeAt = Math.min(wakeAt, this.askDisables(), this.startDueAttempts());
      } catch (error) {
        this.options.onError?.(error, 'webhook dispatcher');
      }
      await this.sleep(wakeAt - this.now());
    }
  }

  /**
   * Starts what is due; returns when to look again. While yielding, at most one attempt starts
   * per `BACKGROUND_GAP_MS` (attempts already out keep running: waiting on an endpoint costs no
   * CPU), and not even a look is taken before the gap is over, since the look costs queries.
   * Endpoints take turns, starting after the one that started last.
   */
  private startDueAttempts(): number {
    const now = this.now();
    const yielding = this.options.yieldWhile?.() ?? false;
    if (yielding && now < this.lastStart + BACKGROUND_GAP_MS)
      return this.lastStart + BACKGROUND_GAP_MS;
    const limit = this.options.concurrency ?? DEFAULT_CONCURRENCY;
    let next = Number.POSITIVE_INFINITY;
    const { outbox } = this.options;
    for (const head of this.inTurn(outbox.heads(outbox.checkpoint(), this.busy))) {
      const due = ('delivery' in head && head.delivery.nextAttemptAt) || now;
      if (due > now) next = Math.min(next, due);
      else if (this.busy.size < limit) {
        this.startAttempt(head);
        if (yielding) return now + BACKGROUND_GAP_MS;
      }
    }
    return next;
  }

  /** The heads from the endpoint after the one that started last, round the list. */
  private inTurn(heads: readonly OutboxHead[]): OutboxHead[] {
    const after = heads.findIndex((head) => head.endpoint.webhookId > this.lastEndpoint);
    return after <= 0 ? [...heads] : [...heads.slice(after), ...heads.slice(0, after)];
  }

  /**
   * Attempts the head, one per endpoint at a time; an owed notice becomes a delivery (its body
   * made now) that is recorded with its first attempt.
   */
  private startAttempt(head: OutboxHead): void {
    const { webhookId } = head.endpoint;
    this.busy.add(webhookId);
    this.lastStart = this.now();
    this.lastEndpoint = webhookId;
    const taken = 'notice' in head;
    const delivery = taken
      ? owedDelivery(
          head.notice,
          head.endpoint,
          bodyOfNotice(head.notice, webhookId, this.options.baseUrl),
        )
      : head.delivery;
    void this.attempt(delivery, taken)
      .catch((error: unknown) => this.options.onError?.(error, `delivery ${delivery.id}`))
      .finally(() => {
        this.busy.delete(webhookId);
        this.wake();
      });
  }

  private async attempt(delivery: OutboxDelivery, taken: boolean): Promise<void> {
    const { outbox } = this.options;
    const endpoint = outbox.endpoint(delivery.webhookId);
    if (endpoint === undefined || endpoint.status !== 'enabled') return;
    const started = this.now();
    const at = new Date(started);
    let result: AttemptResult;
    try {
      const target = await checkTarget(endpoint.url, this.options.policy, this.options.resolve);
      const secrets = signingSecretsAt(endpoint, at).map((sealed) =>
        this.options.sealer.open(sealed, endpoint.webhookId),
      );
      const headers = signDelivery(secrets, delivery.id, at, delivery.body);
      result = await this.options.send({
        target,
        headers,
        body: delivery.body,
        timeoutMs: this.options.timeoutMs,
      });
    } catch (error) {
      // Refused before sending: an unsafe or unresolvable target, a secret that cannot be opened.
      result = { durationMs: this.now() - started, error: (error as Error).message };
    }
    if (this.stopped) return;
    const verdict = this.verdictOf(delivery, result);
    outbox.recordAttempt(
      delivery,
      {
        at: at.toISOString(),
        durationMs: result.durationMs,
        ...(result.status !== undefined && { status: result.status }),
        ...(result.error !== undefined && { error: result.error }),
        ...(result.responseBody !== undefined && { response: result.responseBody }),
      },
      verdict,
      taken,
    );
  }

  private verdictOf(delivery: OutboxDelivery, result: AttemptResult): AttemptVerdict {
    const { status } = result;
    // The endpoint took it: a body that stalls after a 2xx status changes nothing.
    if (status !== undefined && status >= 200 && status < 300) return { state: 'delivered' };
    if (status === STATUS_GONE) return { state: 'failed', disable: 'gone' };
    const now = new Date(this.now());
    const asked =
      status !== undefined && HONOURS_RETRY_AFTER.has(status)
        ? retryAfterSeconds(result.retryAfter, now)
        : undefined;
    const next = nextAttemptAt(
      this.options.schedule,
      delivery.tries + 1,
      now,
      asked,
      this.options.random,
    );
    if (next === undefined) return { state: 'failed', disable: 'failing' };
    return { state: 'pending', nextAttemptAt: next.getTime() };
  }

  /**
   * Asks the log to disable what the outbox says must be (again after a passing refusal);
   * returns when the next of them may be asked again.
   */
  private askDisables(): number {
    const now = this.now();
    let next = Number.POSITIVE_INFINITY;
    const requests = this.options.outbox.disableRequests();
    const requested = new Set(requests.map((endpoint) => endpoint.webhookId));
    for (const endpoint of requests) {
      const because = endpoint.disableRequested;
      const again = this.disabling.get(endpoint.webhookId) ?? 0;
      if (again > now) next = Math.min(next, again);
      if (because === undefined || again > now) continue;
      this.disabling.set(endpoint.webhookId, Number.POSITIVE_INFINITY);
      const asked = this.options
        .disable(endpoint, because)
        // Asked: the log will show it shortly, and then the request is gone.
        .then(() => this.disabling.set(endpoint.webhookId, this.now() + this.disableRetryMs))
        .catch((error: unknown) => {
          if ((error as { code?: string }).code === 'webhook-not-found') {
            if (!this.stopped) this.options.outbox.forgetDisableRequest(endpoint.webhookId);
            this.disabling.delete(endpoint.webhookId);
            return;
          }
          this.disabling.set(endpoint.webhookId, this.now() + this.disableRetryMs);
          this.options.onError?.(error, `disabling webhook ${endpoint.webhookId}`);
          this.wake();
        })
        .finally(() => this.asking.delete(asked));
      this.asking.add(asked);
    }
    // Done with: the requests the log has carried out.
    for (const webhookId of this.disabling.keys())
      if (!requested.has(webhookId) && this.disabling.get(webhookId) !== Number.POSITIVE_INFINITY)
        this.disabling.delete(webhookId);
    return next;
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || this.stopped || ms <= 0) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
