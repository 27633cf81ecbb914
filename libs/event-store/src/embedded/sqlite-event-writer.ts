import type Database from 'better-sqlite3';
import {
  DuplicateEventId,
  EventStoreUnavailable,
  WrongExpectedVersion,
} from '../event-store.errors.js';
import type { AppendResult, ExpectedRevision } from '../event-store.port.js';
import { toStorageError } from './sqlite-errors.js';

/** An event ready for the file: its data and metadata already RFC 8785 text. */
export interface EncodedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/** One append of a group commit. */
export interface EncodedAppend {
  readonly streamId: string;
  readonly events: readonly EncodedEvent[];
  readonly expected: ExpectedRevision;
}

/** What became of one append of a committed batch. */
export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/**
 * Writes group commits into the events file: one immediate transaction per batch, each append
 * succeeding or failing on its own inside it. The same code runs on the store's own connection
 * or in the writer thread (`sqlite-writer.worker.ts`).
 */
export class SqliteEventWriter {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      head: db.prepare('SELECT max(revision) AS revision FROM events WHERE stream_id = ?').pluck(),
      byId: db.prepare<[string], { stream_id: string; revision: number; position: number }>(
        'SELECT stream_id, revision, position FROM events WHERE event_id = ?',
      ),
      insert: db.prepare(
        'INSERT INTO events (event_id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
      ),
    };
  }

  /**
   * Commits a batch and tells each append's outcome, in order. Throws (nothing committed) when
   * the storage fails: SQLite may have rolled the transaction back already, and the appends
   * after the fault must not run outside of it.
   */
  commit(batch: readonly EncodedAppend[]): AppendOutcome[] {
    const outcomes: AppendOutcome[] = [];
    this.db
      .transaction(() => {
        for (const append of batch) {
          try {
            outcomes.push({ ok: true, result: this.appendOne(append) });
          } catch (error) {
            if (toStorageError(error) instanceof EventStoreUnavailable) throw error;
            outcomes.push({ ok: false, error });
          }
        }
      })
      .immediate();
    return outcomes;
  }

  /** Runs a pragma on the writing connection (`SqliteEventStore.writerPragma`). */
  pragma(pragma: string): unknown {
    return this.db.pragma(pragma);
  }

  /**
   * Runs inside the batch transaction. A multi-event append gets a savepoint of its own; a
   * single insert is atomic by itself. The retry lookup runs only when the append fails, so
   * the common path costs one head read and the inserts.
   */
  private appendOne(append: EncodedAppend): AppendResult {
    try {
      return append.events.length === 1
        ? this.writeEvents(append)
        : this.db.transaction(() => this.writeEvents(append))();
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion) && !isEventIdConflict(error)) throw error;
      const retried = this.findRetriedAppend(append);
      if (retried) return retried;
      if (error instanceof WrongExpectedVersion) throw error;
      const ids = append.events.map((event) => event.eventId);
      const repeated = ids.find((id, i) => ids.indexOf(id) !== i) ?? (ids[0] as string);
      throw new DuplicateEventId(append.streamId, repeated);
    }
  }

  private writeEvents({ streamId, events, expected }: EncodedAppend): AppendResult {
    const head = this.statements.head.get(streamId) as number | null;
    const current = head === null ? -1n : BigInt(head);
    checkExpected(streamId, expected, current);
    let revision = current;
    let position = 0n;
    for (const event of events) {
      revision++;
      const { insert } = this.statements;
      const info = insert.run(
        event.eventId,
        streamId,
        revision,
        event.type,
        event.data,
        event.metadata,
      );
      position = BigInt(info.lastInsertRowid);
    }
    return { nextRevision: revision, position };
  }

  /**
   * A retried append (same event ids, same stream, same order) returns the first result and
   * stores nothing. Ids stored in any other arrangement are refused.
   */
  private findRetriedAppend({ streamId, events }: EncodedAppend): AppendResult | undefined {
    const stored = events.map((event) => this.statements.byId.get(event.eventId));
    if (stored.every((row) => row === undefined)) return undefined;
    const first = stored[0];
    stored.forEach((row, i) => {
      const event = events[i] as EncodedEvent;
      if (!row || !first || row.stream_id !== streamId || row.revision !== first.revision + i) {
        throw new DuplicateEventId(streamId, event.eventId);
      }
    });
    const last = stored.at(-1) as { revision: number; position: number };
    return { nextRevision: BigInt(last.revision), position: BigInt(last.position) };
  }
}

function checkExpected(streamId: string, expected: ExpectedRevision, current: bigint): void {
  const actual = current < 0n ? 'no_stream' : current;
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current < 0n) ||
    (expected === 'stream_exists' && current >= 0n) ||
    (typeof expected === 'bigint' && expected === current);
  if (!ok) throw new WrongExpectedVersion(streamId, expected, actual);
}

function isEventIdConflict(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    typeof message === 'string' &&
    message.includes('event_id')
  );
}

/** An error as it crosses between threads: structured clone keeps no classes. */
export type SentError =
  | {
      readonly kind: 'wrong-expected-version';
      readonly streamId: string;
      readonly expected: ExpectedRevision;
      readonly actual: bigint | 'no_stream';
    }
  | { readonly kind: 'duplicate-event-id'; readonly streamId: string; readonly eventId: string }
  | {
      readonly kind: 'error';
      readonly name: string;
      readonly message: string;
      readonly code?: string;
    };

export function toSentError(error: unknown): SentError {
  if (error instanceof WrongExpectedVersion) {
    return {
      kind: 'wrong-expected-version',
      streamId: error.streamId,
      expected: error.expected as ExpectedRevision,
      actual: error.actual,
    };
  }
  if (error instanceof DuplicateEventId) {
    return { kind: 'duplicate-event-id', streamId: error.streamId, eventId: error.eventId };
  }
  const { name, message, code } = (error ?? {}) as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
  };
  return {
    kind: 'error',
    name: typeof name === 'string' ? name : 'Error',
    message: typeof message === 'string' ? message : String(error),
    ...(typeof code === 'string' && { code }),
  };
}

/** The error `toSentError` described, rebuilt; SQLite's own errors mapped as on the store's thread. */
export function fromSentError(sent: SentError): unknown {
  switch (sent.kind) {
    case 'wrong-expected-version':
      return new WrongExpectedVersion(sent.streamId, sent.expected, sent.actual);
    case 'duplicate-event-id':
      return new DuplicateEventId(sent.streamId, sent.eventId);
    case 'error': {
      const error = Object.assign(new Error(sent.message), {
        name: sent.name,
        ...(sent.code !== undefined && { code: sent.code }),
      });
      return toStorageError(error);
    }
  }
}
