import type Database from 'better-sqlite3';
import type { NewEvent, RecordedEvent } from '../event-envelope.js';
import { EventStoreUnavailable } from '../event-store.errors.js';
import type {
  AllFilter,
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '../event-store.port.js';
import { ChangeNotifier } from './change-notifier.js';
import { openEventDatabase, type SynchronousLevel } from './sqlite-database.js';
import {
  EVENT_COLUMNS,
  type EventRow,
  filterClause,
  toRecordedEvent,
  toRecordedEventWithJson,
} from './sqlite-rows.js';
import { subscribeToPagedLog } from './paged-subscription.js';
import { toStorageError } from './sqlite-errors.js';
import { canonicalJson } from '../canonical-json.js';
import {
  type AppendOutcome,
  type EncodedAppend,
  type EncodedEvent,
  SqliteEventWriter,
} from './sqlite-event-writer.js';
import { WriterThread } from './sqlite-writer-thread.js';

export interface SqliteEventStoreOptions {
  readonly dataDir: string;
  readonly synchronous?: SynchronousLevel;
  /** How often other processes' appends are looked for while someone subscribes. */
  readonly pollMs?: number;
  /**
   * Told of appends another connection made at once, instead of at the next poll: called once
   * with the function that wakes this store's subscribers (a worker thread whose parent appends).
   */
  readonly appendsElsewhere?: AppendsElsewhere;
  /**
   * Where group commits run: on this store's own connection (`inline`, the default), or in a
   * worker thread of their own (`thread`), so the page writes, fsyncs and checkpoints of a commit
   * leave this thread free; the api's choice (`EVENTSTORE_SQLITE_WRITER`).
   */
  readonly writer?: WriterMode;
}

export type WriterMode = 'inline' | 'thread';

/** Hands over the function that wakes a store's subscribers; see `appendsElsewhere`. */
export type AppendsElsewhere = (wake: () => void) => void;

interface PendingAppend extends EncodedAppend {
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

const PAGE_SIZE = 512;

/** A page of `$all` and the position the read looked up to (see `pageReader`). */
type PageReader = (after: bigint, limit: number) => { events: RecordedEvent[]; scannedTo: bigint };

/**
 * A statement per page size: `LIMIT 512` written out for full pages, as SQLite 3.51 runs a
 * bound `LIMIT ?` about four times slower here (26 µs against 6 µs for a stream's tail).
 */
function pagedStatement<P extends unknown[], R>(db: Database.Database, sql: string) {
  const full = db.prepare<P, R>(`${sql} LIMIT ${PAGE_SIZE}`);
  const bounded = db.prepare<[...P, number], R>(`${sql} LIMIT ?`);
  return (limit: number) =>
    limit === PAGE_SIZE
      ? full
      : { all: (...params: P) => bounded.all(...([...params, limit] as [...P, number])) };
}

/**
 * The embedded event store: one SQLite file in WAL mode. Appends issued in the same turn of
 * the event loop share one transaction (group commit), so `synchronous=FULL` costs one fsync
 * per batch instead of one per append; each append still succeeds or fails on its own. With
 * the writer thread, one batch is committed at a time and the appends issued meanwhile form
 * the next one.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly notifier: ChangeNotifier;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  /** Commits the batches: on this store's connection, or in the writer thread. */
  private readonly writer: SqliteEventWriter | WriterThread;
  /** The batch the writer thread holds, settled once its appends are answered. */
  private committing?: Promise<void>;
  /** Set by `close()`: appends are refused from then on. */
  private whenClosed?: Promise<void>;
  private closed = false;
  private readonly statements;
  private readonly backwardsStatements = new Map<
    string,
    ReturnType<typeof pagedStatement<unknown[], EventRow>>
  >();

  constructor(options: SqliteEventStoreOptions) {
    this.db = openEventDatabase(options.dataDir, options.synchronous ?? 'FULL');
    const db = this.db;
    this.writer =
      options.writer === 'thread'
        ? new WriterThread({ dataDir: options.dataDir, synchronous: options.synchronous ?? 'FULL' })
        : new SqliteEventWriter(db);
    this.statements = {
      byId: db.prepare<[string], { stream_id: string; revision: number; position: number }>(
        'SELECT stream_id, revision, position FROM events WHERE event_id = ?',
      ),
      maxPosition: db.prepare('SELECT coalesce(max(position), 0) FROM events').pluck(),
      streamForwards: pagedStatement<[string, number], EventRow>(
        db,
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC`,
      ),
      streamBackwards: pagedStatement<[string, number], EventRow>(
        db,
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC`,
      ),
    };
    this.notifier = new ChangeNotifier(
      () => db.pragma('data_version', { simple: true }) as number,
      options.pollMs ?? 20,
    );
    options.appendsElsewhere?.(() => this.notifier.notify());
  }

  append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (this.whenClosed) return Promise.reject(closedError());
    if (events.length === 0)
      return Promise.reject(new TypeError('append needs at least one event'));
    let encoded: EncodedEvent[];
    try {
      encoded = events.map(encode);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({
        streamId,
        events: encoded,
        expected: options.expectedRevision,
        resolve,
        reject,
      });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async *readStream(
    streamId: string,
    options: ReadStreamOptions = {},
  ): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    const statement = backwards ? this.statements.streamBackwards : this.statements.streamForwards;
    let next = options.fromRevision ?? (backwards ? BigInt(Number.MAX_SAFE_INTEGER) : 0n);
    let remaining = options.maxCount ?? Infinity;
    while (remaining > 0 && next >= 0n) {
      const rows = this.read(() =>
        statement(Math.min(PAGE_SIZE, remaining)).all(streamId, Number(next)),
      );
      for (const row of rows) yield toRecordedEvent(row);
      remaining -= rows.length;
      if (rows.length < PAGE_SIZE) return;
      next = BigInt((rows.at(-1) as EventRow).revision) + (backwards ? -1n : 1n);
    }
  }

  readonly revisionOf = async (streamId: string, eventId: string): Promise<bigint | undefined> => {
    const row = this.read(() => this.statements.byId.get(eventId));
    return row && row.stream_id === streamId ? BigInt(row.revision) : undefined;
  };

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    if (options.direction === 'backwards') {
      if (options.fromPosition !== undefined)
        throw new TypeError('a backwards read of $all starts at its end');
      yield* this.readAllBackwards(options);
      return;
    }
    const from =
      options.fromPosition === undefined || options.fromPosition === 'start'
        ? 0n
        : options.fromPosition;
    const page = this.pageReader(options.filter, options.storedJson);
    let after = from - 1n;
    let remaining = options.maxCount ?? Infinity;
    while (remaining > 0) {
      const rows = page(after, Math.min(PAGE_SIZE, remaining)).events;
      for (const event of rows) yield event;
      remaining -= rows.length;
      if (rows.length < PAGE_SIZE) return;
      after = (rows.at(-1) as RecordedEvent).position;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const after =
      options.fromPosition === undefined || options.fromPosition === 'start'
        ? 0n
        : options.fromPosition;
    return subscribeToPagedLog({
      after,
      readPage: this.pageReader(options.filter),
      pageSize: PAGE_SIZE,
      notifier: this.notifier,
      isClosed: () => this.closed,
    });
  }

  async headPosition(filter?: AllFilter): Promise<bigint> {
    if (filter === undefined)
      return BigInt(this.read(() => this.statements.maxPosition.get() as number));
    for await (const event of this.readAllBackwards({ filter, maxCount: 1 })) return event.position;
    return 0n;
  }

  /** Opening the file checked what there is to check: it is readable and writable. */
  async checkAccess(): Promise<void> {
    if (this.closed) throw closedError();
  }

  async ping(): Promise<void> {
    if (this.closed) throw closedError();
    this.read(() => this.statements.maxPosition.get());
  }

  /**
   * Runs a pragma on the connection that commits the appends (the writer thread's, or this
   * store's own): what tests use to make the storage fail (`max_page_count`, `query_only`).
   */
  async writerPragma(pragma: string): Promise<unknown> {
    if (this.whenClosed) throw closedError();
    return this.writer.pragma(pragma);
  }

  /** Commits what was appended before, then closes; appends after the call are refused. */
  async close(): Promise<void> {
    this.whenClosed ??= this.closeOnce();
    return this.whenClosed;
  }

  /** Pages of `$all` from its end towards its start, matching the filter. */
  private async *readAllBackwards(options: ReadAllOptions): AsyncGenerator<RecordedEvent> {
    const where = filterClause(options.filter);
    const statement = this.backwardsStatement(where.sql);
    let before = Number.MAX_SAFE_INTEGER;
    let remaining = options.maxCount ?? Infinity;
    while (remaining > 0) {
      const limit = Math.min(PAGE_SIZE, remaining);
      const rows = this.read(() => statement(limit).all(before, ...where.params));
      for (const row of rows)
        yield options.storedJson ? toRecordedEventWithJson(row) : toRecordedEvent(row);
      remaining -= rows.length;
      if (rows.length < limit) return;
      before = (rows.at(-1) as EventRow).position;
    }
  }

  /** Prepared once per filter shape: the head behind lag figures reads through it often. */
  private backwardsStatement(whereSql: string) {
    let statement = this.backwardsStatements.get(whereSql);
    if (!statement) {
      statement = pagedStatement<unknown[], EventRow>(
        this.db,
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position < ? AND ${whereSql} ORDER BY position DESC`,
      );
      this.backwardsStatements.set(whereSql, statement);
    }
    return statement;
  }

  /**
   * Reads the next page of `$all` after a position, filtered, and tells how far it looked:
   * past the events it returns when the page is not full, up to the head it read in the same
   * snapshot. A filtered subscription then starts its next read there, instead of scanning
   * again every event the filter skipped (SQLite writers are serialized, so every position at
   * or below a committed head is committed).
   */
  private pageReader(filter: AllFilter | undefined, storedJson = false): PageReader {
    const toEvent = storedJson ? toRecordedEventWithJson : toRecordedEvent;
    const where = filterClause(filter);
    const statement = pagedStatement<unknown[], EventRow>(
      this.db,
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND position <= ? AND ${where.sql}
       ORDER BY position`,
    );
    const { maxPosition } = this.statements;
    const readPage = this.db.transaction((after: bigint, limit: number) => {
      const head = BigInt(maxPosition.get() as number);
      const rows = statement(limit).all(after, head, ...where.params);
      const events = rows.map(toEvent);
      const scannedTo = rows.length < limit ? head : (events.at(-1) as RecordedEvent).position;
      return { events, scannedTo: scannedTo > after ? scannedTo : after };
    });
    return (after, limit) => this.read(() => readPage(after, limit));
  }

  private read<T>(query: () => T): T {
    if (this.closed) throw closedError();
    try {
      return query();
    } catch (error) {
      throw toStorageError(error);
    }
  }

  private async closeOnce(): Promise<void> {
    for (this.flush(); this.committing; this.flush()) await this.committing;
    if (this.writer instanceof WriterThread) await this.writer.close();
    this.closed = true;
    this.notifier.close();
    this.db.close();
  }

  /** Hands the queued appends to the writer, unless it holds a batch (then at its answer). */
  private flush(): void {
    this.flushScheduled = false;
    if (this.committing) return;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let outcomes: AppendOutcome[] | Promise<AppendOutcome[]>;
    try {
      outcomes = this.writer.commit(batch);
    } catch (error) {
      fail(batch, error);
      return;
    }
    if (Array.isArray(outcomes)) {
      this.answer(batch, outcomes);
      return;
    }
    this.committing = outcomes.then(
      (answered) => this.answer(batch, answered),
      (error: unknown) => fail(batch, error),
    );
    void this.committing.then(() => {
      this.committing = undefined;
      if (!this.whenClosed) this.flush();
    });
  }

  /** Answers each append of a committed batch with its outcome, and wakes the subscribers. */
  private answer(batch: readonly PendingAppend[], outcomes: AppendOutcome[]): void {
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) pending.resolve(outcome.result);
      else pending.reject(outcome?.error);
    });
    this.notifier.notify();
  }
}

/** Fails every append of a batch the storage refused. */
function fail(batch: readonly PendingAppend[], fault: unknown): void {
  const failure = toStorageError(fault);
  for (const pending of batch) pending.reject(failure);
}

/** RFC 8785 text: what the audit tree hashes, so a verifier hashes the stored text. */
function encode(event: NewEvent): EncodedEvent {
  return {
    eventId: event.eventId,
    type: event.type,
    data: canonicalJson(event.data),
    metadata: canonicalJson(event.metadata),
  };
}

function closedError(): EventStoreUnavailable {
  return new EventStoreUnavailable('closed', 'The event store is closed');
}
