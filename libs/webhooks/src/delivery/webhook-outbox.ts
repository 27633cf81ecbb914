import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { DisabledBecause } from '../endpoint/webhook.events.js';
import type { SigningSecret } from '../endpoint/webhook.state.js';
import type { WebhookEventName } from '../webhook-events.js';
import { deliveryIdOf } from './delivery-id.js';
import { OUTBOX_SCHEMA } from './outbox.schema.js';
import { deliveredEventName, subscribedNoticeNames } from '../gdap-webhook-events.js';

export const WEBHOOK_OUTBOX_FILE = 'webhooks.db';

/** An endpoint as the outbox keeps it (sealed secrets only). */
export interface OutboxEndpoint {
  readonly webhookId: string;
  readonly partnerId: string;
  readonly url: string;
  readonly events: readonly WebhookEventName[];
  readonly description?: string;
  readonly status: 'enabled' | 'disabled' | 'deleted';
  readonly disabledBecause?: DisabledBecause;
  readonly secrets: readonly SigningSecret[];
  readonly createdPosition: bigint;
  readonly createdAt: string;
  /** The position up to which its partner's notices have been taken into its deliveries. */
  readonly cursor: bigint;
  /** A disable the delivery asked for (410, schedule spent) that the log does not show yet. */
  readonly disableRequested?: Exclude<DisabledBecause, 'partner'>;
}

/** What a partner may be notified of: one event, as its notice describes it. */
export interface OutboxNotice {
  readonly partnerId: string;
  readonly position: bigint;
  readonly eventId: string;
  readonly eventName: WebhookEventName;
  readonly occurredAt: string;
  readonly resourceName: string;
  readonly resourceUri: string;
  /** A test: for this endpoint only (otherwise for every endpoint of the partner). */
  readonly webhookId?: string;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface OutboxDelivery {
  readonly id: string;
  readonly webhookId: string;
  readonly partnerId: string;
  readonly position: bigint;
  readonly eventName: string;
  /** When the event happened (a replay by time range selects by it). */
  readonly occurredAt: string;
  readonly body: string;
  readonly state: DeliveryState;
  /** Attempts made in the current schedule (a replay starts a new one). */
  readonly tries: number;
  /** Epoch milliseconds of the next attempt, while pending. */
  readonly nextAttemptAt?: number;
}

export interface OutboxAttempt {
  readonly at: string;
  readonly status?: number;
  readonly durationMs: number;
  readonly error?: string;
  readonly response?: string;
}

/**
 * What an endpoint's next attempt is: its first pending delivery, or the next notice it owes
 * (to be taken into a delivery first), whichever comes first in position order.
 */
export type OutboxHead =
  | { readonly endpoint: OutboxEndpoint; readonly delivery: OutboxDelivery }
  | { readonly endpoint: OutboxEndpoint; readonly notice: OutboxNotice };

/** Where the attempt left the delivery. */
export type AttemptVerdict =
  | { readonly state: 'delivered' }
  | { readonly state: 'pending'; readonly nextAttemptAt: number }
  | { readonly state: 'failed'; readonly disable?: Exclude<DisabledBecause, 'partner'> };

/** Which of an endpoint's events a replay sends again. */
export type ReplayRange =
  | { readonly fromPosition: bigint; readonly upTo: bigint }
  | { readonly from: string; readonly to: string };

interface EndpointRow {
  webhook_id: string;
  partner_id: string;
  url: string;
  events: string;
  description: string | null;
  status: OutboxEndpoint['status'];
  disabled_because: DisabledBecause | null;
  secrets: string;
  created_position: bigint;
  created_at: string;
  cursor: bigint;
  disable_requested: OutboxEndpoint['disableRequested'] | null;
}

interface DeliveryRow {
  id: string;
  webhook_id: string;
  partner_id: string;
  position: bigint;
  event_name: string;
  occurred_at: string;
  body: string;
  state: DeliveryState;
  tries: bigint;
  next_attempt_at: bigint | null;
}

interface AttemptRow {
  delivery_id: string;
  at: string;
  status: bigint | null;
  duration_ms: bigint;
  error: string | null;
  response: string | null;
}

const CHECKPOINT = 'checkpoint';

/**
 * The webhook delivery's own store, beside the events and apart from them: what it must deliver,
 * recorded in the same transaction as the checkpoint of the log it follows, then worked off with
 * retries (docs/architecture.md, webhook delivery). Not a read model: deleting it would send the
 * whole history again (with the same `webhook-id`s).
 *
 * Durability: WAL with synchronous=NORMAL, so a killed process loses nothing committed, and a
 * power cut may lose only the last transactions, whole: planned rows go with their checkpoint,
 * so they are planned again from the log, and a lost attempt is made again (with the same id).
 * What is owed to a caller and cannot be derived again, a replay, commits with a full sync
 * (`durably`) before it is answered.
 */
export class WebhookOutbox {
  private readonly db: Database.Database;
  private readonly sql;

  constructor(dataDir: string, file = WEBHOOK_OUTBOX_FILE) {
    this.db = new Database(join(dataDir, file));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(OUTBOX_SCHEMA);
    this.sql = prepare(this.db);
  }

  /** Runs `work` in one write transaction: the checkpoint and everything it stands for. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** Like `transaction`, synced to disk before it returns (what a caller was promised). */
  durably<T>(work: () => T): T {
    this.db.pragma('synchronous = FULL');
    try {
      return this.transaction(work);
    } finally {
      this.db.pragma('synchronous = NORMAL');
    }
  }

  checkpoint(): bigint | undefined {
    const value = this.sql.getMeta.get(CHECKPOINT);
    return value === undefined ? undefined : BigInt(value);
  }

  saveCheckpoint(position: bigint): void {
    this.sql.setMeta.run(CHECKPOINT, position.toString());
  }

  // The endpoints, as the log says.

  /**
   * Records the endpoint as the log now says it is; a new one owes what comes after `cursor`
   * (its creation), a known one keeps its cursor. A disable the delivery asked for is done (or
   * moot) once the status changes.
   */
  putEndpoint(endpoint: Omit<OutboxEndpoint, 'disableRequested'>): void {
    this.sql.putEndpoint.run({
      webhook_id: endpoint.webhookId,
      partner_id: endpoint.partnerId,
      url: endpoint.url,
      events: JSON.stringify(endpoint.events),
      description: endpoint.description ?? null,
      status: endpoint.status,
      disabled_because: endpoint.disabledBecause ?? null,
      secrets: JSON.stringify(endpoint.secrets),
      created_position: endpoint.createdPosition,
      created_at: endpoint.createdAt,
      cursor: endpoint.cursor,
    });
  }

  endpoint(webhookId: string): OutboxEndpoint | undefined {
    const row = this.sql.endpoint.get(webhookId);
    return row && endpointOf(row);
  }

  /** Enabled again: its pending deliveries resume now, with a fresh schedule. */
  resumePending(webhookId: string, now: number): void {
    this.sql.resumePending.run(now, webhookId);
  }

  /** Deleted: its deliveries, pending or not, are dropped with their attempts. */
  dropDeliveries(webhookId: string): void {
    this.sql.dropAttempts.run(webhookId);
    this.sql.dropDeliveries.run(webhookId);
  }

  /** The partner's endpoints (not deleted), oldest first, after `afterPosition`. */
  endpointsOf(partnerId: string, limit: number, afterPosition?: bigint): OutboxEndpoint[] {
    return this.sql.endpointsOfPartner.all(partnerId, afterPosition ?? -1n, limit).map(endpointOf);
  }

  countEndpointsOf(partnerId: string): number {
    return Number(this.sql.countEndpointsOfPartner.get(partnerId) ?? 0);
  }

  // Facts and notices.

  rememberProvider(invitationId: string, indirectProviderId: string): void {
    this.sql.addProvider.run(invitationId, indirectProviderId);
  }

  providerOf(invitationId: string): string | undefined {
    return this.sql.providerOf.get(invitationId);
  }

  addNotice(notice: OutboxNotice): void {
    this.sql.addNotice.run({
      partner_id: notice.partnerId,
      position: notice.position,
      event_id: notice.eventId,
      event_name: notice.eventName,
      occurred_at: notice.occurredAt,
      resource_name: notice.resourceName,
      resource_uri: notice.resourceUri,
      webhook_id: notice.webhookId ?? null,
    });
  }

  /** The notices `endpoint` is subscribed to in `range` (its tests included), in position order. */
  noticesFor(endpoint: Subscriber, range: ReplayRange, limit = -1): OutboxNotice[] {
    const events = JSON.stringify(subscribedNoticeNames(endpoint.events));
    const { partnerId, webhookId } = endpoint;
    const rows =
      'fromPosition' in range
        ? this.sql.noticesByPosition.all(
            partnerId,
            range.fromPosition,
            range.upTo,
            events,
            webhookId,
            limit,
          )
        : this.sql.noticesByTime.all(partnerId, range.from, range.to, events, webhookId, limit);
    return rows.map((row) => noticeTo(endpoint, row));
  }

  // Deliveries.

  /**
   * Per enabled endpoint with nothing asked of the log, what to attempt next: its first pending
   * delivery, or the next notice it owes, whichever comes first. An endpoint that owes nothing
   * up to `upTo` (all planned so far) moves its cursor there, so the notices it is not
   * subscribed to are read past once. Endpoints in `skip` (an attempt in flight) are not looked at.
   */
  heads(upTo: bigint | undefined, skip: ReadonlySet<string> = new Set()): OutboxHead[] {
    const passed: string[] = [];
    const heads = this.sql.sendingEndpoints.all().flatMap((row): OutboxHead[] => {
      if (skip.has(row.webhook_id)) return [];
      const endpoint = endpointOf(row);
      const pending = this.sql.firstPending.get(endpoint.webhookId);
      // A notice a replay has taken already is its pending delivery, not owed a second time.
      const owed = this.sql.nextOwed.get(
        endpoint.partnerId,
        endpoint.cursor,
        JSON.stringify(subscribedNoticeNames(endpoint.events)),
        endpoint.webhookId,
        endpoint.webhookId,
      );
      if (owed !== undefined && (pending === undefined || owed.position < pending.position))
        return [{ endpoint, notice: noticeTo(endpoint, owed) }];
      if (pending !== undefined) return [{ endpoint, delivery: deliveryOf(pending) }];
      if (upTo !== undefined && endpoint.cursor < upTo) passed.push(endpoint.webhookId);
      return [];
    });
    if (passed.length > 0 && upTo !== undefined)
      this.transaction(() => {
        for (const webhookId of passed) this.sql.moveCursor.run(upTo, webhookId);
      });
    return heads;
  }

  /** Records a delivery to make now; one that exists already (same endpoint and event) is kept. */
  addDelivery(
    delivery: Omit<OutboxDelivery, 'state' | 'tries' | 'nextAttemptAt'>,
    now: number,
  ): void {
    this.sql.addDelivery.run({
      id: delivery.id,
      webhook_id: delivery.webhookId,
      partner_id: delivery.partnerId,
      position: delivery.position,
      event_name: delivery.eventName,
      occurred_at: delivery.occurredAt,
      body: delivery.body,
      next_attempt_at: now,
      created_at: new Date(now).toISOString(),
    });
  }

  /** Sends a delivery again from the start of the schedule (a replay); false if it is unknown. */
  restartDelivery(webhookId: string, position: bigint, now: number): boolean {
    return this.sql.restartDelivery.run(now, webhookId, position).changes > 0;
  }

  /**
   * Records an attempt and where it left the delivery, in one transaction. The first attempt
   * of an owed notice (`taken`) records its delivery and moves the endpoint's cursor past it in
   * the same transaction: until then, a crash leaves the notice owed, to be attempted again.
   */
  recordAttempt(
    delivery: OutboxDelivery,
    attempt: OutboxAttempt,
    verdict: AttemptVerdict,
    taken = false,
  ): void {
    this.transaction(() => {
      // Deleted while the attempt was out: its deliveries are gone, nothing is recorded.
      if (this.sql.endpoint.get(delivery.webhookId)?.status === 'deleted') return;
      if (taken) {
        this.addDelivery(delivery, Date.parse(attempt.at));
        this.sql.moveCursor.run(delivery.position, delivery.webhookId);
      }
      const number = Number(this.sql.lastAttempt.get(delivery.id) ?? 0) + 1;
      this.sql.addAttempt.run({
        delivery_id: delivery.id,
        number,
        at: attempt.at,
        status: attempt.status ?? null,
        duration_ms: Math.round(attempt.durationMs),
        error: attempt.error ?? null,
        response: attempt.response ?? null,
      });
      const next = verdict.state === 'pending' ? verdict.nextAttemptAt : null;
      // Only if no replay restarted it meanwhile (its schedule begins again, the verdict is moot).
      const settled = this.sql.settle.run(
        verdict.state,
        next,
        delivery.webhookId,
        delivery.position,
        delivery.tries,
      ).changes;
      if (settled > 0 && verdict.state === 'failed' && verdict.disable)
        this.sql.requestDisable.run(verdict.disable, delivery.webhookId);
    });
  }

  /** Endpoints the delivery asked to disable (410, schedule spent) and the log does not show yet. */
  disableRequests(): OutboxEndpoint[] {
    return this.sql.disableRequests.all().map(endpointOf);
  }

  /** The request cannot be carried out (the endpoint is gone): forget it. */
  forgetDisableRequest(webhookId: string): void {
    this.sql.forgetDisableRequest.run(webhookId);
  }

  /**
   * A page of the endpoint's delivery log, newest first, before `beforePosition`: the
   * deliveries made or begun, and the notices it owes (pending, not attempted yet).
   */
  deliveriesOf(
    webhookId: string,
    options: { state?: DeliveryState; limit: number; beforePosition?: bigint },
  ): { items: (OutboxDelivery & { attempts: OutboxAttempt[] })[]; total: number } {
    const endpoint = this.endpoint(webhookId);
    if (endpoint === undefined || endpoint.status === 'deleted') return { items: [], total: 0 };
    const before = options.beforePosition ?? MAX_POSITION;
    const state = options.state ?? null;
    const made = this.sql.deliveriesPage
      .all(webhookId, state, state, before, options.limit)
      .map((row) => ({
        ...deliveryOf(row),
        attempts: this.sql.attemptsOf.all(row.id).map(attemptOf),
      }));
    const owesToo = state === null || state === 'pending';
    const owedArgs = [
      endpoint.partnerId,
      endpoint.cursor,
      JSON.stringify(subscribedNoticeNames(endpoint.events)),
      webhookId,
      webhookId,
    ] as const;
    const owed = owesToo
      ? this.sql.owedPage.all(...owedArgs, before, options.limit).map((row) => ({
          ...owedDelivery(noticeTo(endpoint, row), endpoint),
          attempts: [],
        }))
      : [];
    const items = [...made, ...owed]
      .sort((a, b) => (a.position > b.position ? -1 : a.position < b.position ? 1 : 0))
      .slice(0, options.limit);
    const owedTotal = owesToo ? Number(this.sql.owedCount.get(...owedArgs)) : 0;
    const total = Number(this.sql.deliveriesCount.get(webhookId, state, state) ?? 0) + owedTotal;
    return { items, total };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** What an endpoint is subscribed to: its partner's notices of these names, and its own tests. */
export type Subscriber = Pick<OutboxEndpoint, 'webhookId' | 'partnerId' | 'events'>;

const MAX_POSITION = 2n ** 63n - 1n;

/**
 * A notice the endpoint owes, as the pending delivery it becomes when it is taken (`body`:
 * what it sends; empty where it is only shown).
 */
export function owedDelivery(
  notice: OutboxNotice,
  endpoint: Subscriber,
  body = '',
): OutboxDelivery {
  return {
    id: deliveryIdOf(notice.eventId, endpoint.webhookId),
    webhookId: endpoint.webhookId,
    partnerId: endpoint.partnerId,
    position: notice.position,
    eventName: notice.eventName,
    occurredAt: notice.occurredAt,
    body,
    state: 'pending',
    tries: 0,
  };
}

function endpointOf(row: EndpointRow): OutboxEndpoint {
  return {
    webhookId: row.webhook_id,
    partnerId: row.partner_id,
    url: row.url,
    events: JSON.parse(row.events) as WebhookEventName[],
    ...(row.description !== null && { description: row.description }),
    status: row.status,
    ...(row.disabled_because !== null && { disabledBecause: row.disabled_because }),
    secrets: JSON.parse(row.secrets) as SigningSecret[],
    createdPosition: row.created_position,
    createdAt: row.created_at,
    cursor: row.cursor,
    ...(row.disable_requested !== null && { disableRequested: row.disable_requested }),
  };
}

function noticeOf(row: NoticeRow): OutboxNotice {
  return {
    partnerId: row.partner_id,
    position: row.position,
    eventId: row.event_id,
    eventName: row.event_name as WebhookEventName,
    occurredAt: row.occurred_at,
    resourceName: row.resource_name,
    resourceUri: row.resource_uri,
    ...(row.webhook_id !== null && { webhookId: row.webhook_id }),
  };
}

/** A notice as `endpoint` receives it: under the name it subscribed to (an alias, for GDAP). */
function noticeTo(endpoint: { readonly events: readonly WebhookEventName[] }, row: NoticeRow) {
  const notice = noticeOf(row);
  return { ...notice, eventName: deliveredEventName(notice.eventName, endpoint.events) };
}

function deliveryOf(row: DeliveryRow): OutboxDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    partnerId: row.partner_id,
    position: row.position,
    eventName: row.event_name,
    occurredAt: row.occurred_at,
    body: row.body,
    state: row.state,
    tries: Number(row.tries),
    ...(row.next_attempt_at !== null && { nextAttemptAt: Number(row.next_attempt_at) }),
  };
}

function attemptOf(row: AttemptRow): OutboxAttempt {
  return {
    at: row.at,
    ...(row.status !== null && { status: Number(row.status) }),
    durationMs: Number(row.duration_ms),
    ...(row.error !== null && { error: row.error }),
    ...(row.response !== null && { response: row.response }),
  };
}

interface NoticeRow {
  partner_id: string;
  position: bigint;
  event_id: string;
  event_name: string;
  occurred_at: string;
  resource_name: string;
  resource_uri: string;
  webhook_id: string | null;
}

const DELIVERY_COLUMNS =
  'id, webhook_id, partner_id, position, event_name, occurred_at, body, state, tries, next_attempt_at';

/** The notices an endpoint is subscribed to: params (events JSON, webhook id). */
const SUBSCRIBED = `((webhook_id IS NULL AND event_name IN (SELECT value FROM json_each(?)))
  OR webhook_id = ?)`;

/** Owed: after the cursor, subscribed, not taken yet (a replay may have taken it). */
const OWED = `partner_id = ? AND position > ? AND ${SUBSCRIBED}
  AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.webhook_id = ? AND d.position = notices.position)`;

function prepare(db: Database.Database) {
  const wide = <T>(statement: T): T => {
    (statement as unknown as Database.Statement).safeIntegers(true);
    return statement;
  };
  return {
    getMeta: db.prepare<[string], string>('SELECT value FROM outbox_meta WHERE name = ?').pluck(),
    setMeta: db.prepare<[string, string]>(
      `INSERT INTO outbox_meta (name, value) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
    ),
    putEndpoint: db.prepare<[Omit<EndpointRow, 'disable_requested'>]>(
      `INSERT INTO endpoints (webhook_id, partner_id, url, events, description, status,
         disabled_because, secrets, created_position, created_at, cursor)
       VALUES (@webhook_id, @partner_id, @url, @events, @description, @status,
         @disabled_because, @secrets, @created_position, @created_at, @cursor)
       ON CONFLICT (webhook_id) DO UPDATE SET url = excluded.url, events = excluded.events,
         description = excluded.description, status = excluded.status,
         disabled_because = excluded.disabled_because, secrets = excluded.secrets,
         disable_requested = CASE WHEN excluded.status = endpoints.status
           THEN endpoints.disable_requested END`,
    ),
    endpoint: wide(
      db.prepare<[string], EndpointRow>('SELECT * FROM endpoints WHERE webhook_id = ?'),
    ),
    resumePending: db.prepare<[number, string]>(
      `UPDATE deliveries SET next_attempt_at = ?, tries = 0
       WHERE webhook_id = ? AND state = 'pending'`,
    ),
    dropAttempts: db.prepare<[string]>(
      'DELETE FROM attempts WHERE delivery_id IN (SELECT id FROM deliveries WHERE webhook_id = ?)',
    ),
    dropDeliveries: db.prepare<[string]>('DELETE FROM deliveries WHERE webhook_id = ?'),
    endpointsOfPartner: wide(
      db.prepare<[string, bigint, number], EndpointRow>(
        `SELECT * FROM endpoints WHERE partner_id = ? AND status <> 'deleted'
           AND created_position > ? ORDER BY created_position LIMIT ?`,
      ),
    ),
    countEndpointsOfPartner: db
      .prepare<[string], number>(
        `SELECT COUNT(*) FROM endpoints WHERE partner_id = ? AND status <> 'deleted'`,
      )
      .pluck(),
    sendingEndpoints: wide(
      db.prepare<[], EndpointRow>(
        `SELECT * FROM endpoints WHERE status = 'enabled' AND disable_requested IS NULL`,
      ),
    ),
    moveCursor: db.prepare<[bigint, string]>(
      'UPDATE endpoints SET cursor = MAX(cursor, ?) WHERE webhook_id = ?',
    ),
    addProvider: db.prepare<[string, string]>(
      `INSERT INTO invitation_providers (invitation_id, indirect_provider_id) VALUES (?, ?)
       ON CONFLICT (invitation_id) DO NOTHING`,
    ),
    providerOf: db
      .prepare<[string], string>(
        'SELECT indirect_provider_id FROM invitation_providers WHERE invitation_id = ?',
      )
      .pluck(),
    addNotice: db.prepare<[NoticeRow]>(
      `INSERT INTO notices (partner_id, position, event_id, event_name, occurred_at,
         resource_name, resource_uri, webhook_id)
       VALUES (@partner_id, @position, @event_id, @event_name, @occurred_at, @resource_name,
         @resource_uri, @webhook_id)
       ON CONFLICT (partner_id, position) DO NOTHING`,
    ),
    noticesByPosition: wide(
      db.prepare<[string, bigint, bigint, string, string, number], NoticeRow>(
        `SELECT * FROM notices WHERE partner_id = ? AND position >= ? AND position <= ?
           AND ${SUBSCRIBED} ORDER BY position LIMIT ?`,
      ),
    ),
    noticesByTime: wide(
      db.prepare<[string, string, string, string, string, number], NoticeRow>(
        `SELECT * FROM notices WHERE partner_id = ? AND occurred_at >= ? AND occurred_at < ?
           AND ${SUBSCRIBED} ORDER BY position LIMIT ?`,
      ),
    ),
    nextOwed: wide(
      db.prepare<[string, bigint, string, string, string], NoticeRow>(
        `SELECT * FROM notices WHERE ${OWED} ORDER BY position LIMIT 1`,
      ),
    ),
    owedPage: wide(
      db.prepare<[string, bigint, string, string, string, bigint, number], NoticeRow>(
        `SELECT * FROM notices WHERE ${OWED} AND position < ? ORDER BY position DESC LIMIT ?`,
      ),
    ),
    owedCount: db
      .prepare<[string, bigint, string, string, string], number>(
        `SELECT COUNT(*) FROM notices WHERE ${OWED}`,
      )
      .pluck(),
    firstPending: wide(
      db.prepare<[string], DeliveryRow>(
        // The pending ones only: left to itself, the planner walks the key past every delivery made.
        `SELECT ${DELIVERY_COLUMNS} FROM deliveries INDEXED BY deliveries_pending
         WHERE webhook_id = ? AND state = 'pending' ORDER BY position LIMIT 1`,
      ),
    ),
    addDelivery: db.prepare<
      [
        Omit<DeliveryRow, 'state' | 'tries' | 'next_attempt_at'> & {
          next_attempt_at: number;
          created_at: string;
        },
      ]
    >(
      `INSERT INTO deliveries (id, webhook_id, partner_id, position, event_name, occurred_at,
         body, state, tries, next_attempt_at, created_at)
       VALUES (@id, @webhook_id, @partner_id, @position, @event_name, @occurred_at, @body,
         'pending', 0, @next_attempt_at, @created_at)
       ON CONFLICT DO NOTHING`,
    ),
    restartDelivery: db.prepare<[number, string, bigint]>(
      `UPDATE deliveries SET state = 'pending', tries = 0, next_attempt_at = ?
       WHERE webhook_id = ? AND position = ?`,
    ),
    lastAttempt: db
      .prepare<[string], number>('SELECT MAX(number) FROM attempts WHERE delivery_id = ?')
      .pluck(),
    addAttempt: db.prepare<
      [
        Omit<AttemptRow, 'status' | 'duration_ms'> & {
          number: number;
          status: number | null;
          duration_ms: number;
        },
      ]
    >(
      `INSERT INTO attempts (delivery_id, number, at, status, duration_ms, error, response)
       VALUES (@delivery_id, @number, @at, @status, @duration_ms, @error, @response)`,
    ),
    settle: db.prepare<[DeliveryState, number | null, string, bigint, number]>(
      `UPDATE deliveries SET state = ?, next_attempt_at = ?, tries = tries + 1
       WHERE webhook_id = ? AND position = ? AND state = 'pending' AND tries = ?`,
    ),
    requestDisable: db.prepare<[string, string]>(
      `UPDATE endpoints SET disable_requested = ? WHERE webhook_id = ? AND status = 'enabled'`,
    ),
    disableRequests: wide(
      db.prepare<[], EndpointRow>(
        `SELECT * FROM endpoints WHERE disable_requested IS NOT NULL AND status = 'enabled'`,
      ),
    ),
    forgetDisableRequest: db.prepare<[string]>(
      'UPDATE endpoints SET disable_requested = NULL WHERE webhook_id = ?',
    ),
    deliveriesPage: wide(
      db.prepare<[string, string | null, string | null, bigint, number], DeliveryRow>(
        `SELECT ${DELIVERY_COLUMNS} FROM deliveries
         WHERE webhook_id = ? AND (? IS NULL OR state = ?) AND position < ?
         ORDER BY position DESC LIMIT ?`,
      ),
    ),
    deliveriesCount: db
      .prepare<[string, string | null, string | null], number>(
        `SELECT COUNT(*) FROM deliveries WHERE webhook_id = ? AND (? IS NULL OR state = ?)`,
      )
      .pluck(),
    attemptsOf: wide(
      db.prepare<[string], AttemptRow>(
        'SELECT * FROM attempts WHERE delivery_id = ? ORDER BY number',
      ),
    ),
  };
}
