import { AppError } from '@customer-workspace/kernel';

export type ActualRevision = bigint | 'no_stream';

function describe(revision: unknown): string {
  return typeof revision === 'bigint' ? revision.toString() : String(revision);
}

/** The stream was not at the revision the writer expected. */
export class WrongExpectedVersion extends AppError {
  readonly kind = 'conflict';
  constructor(
    readonly streamId: string,
    readonly expected: unknown,
    readonly actual: ActualRevision,
  ) {
    super(
      'wrong-expected-version',
      `Stream ${streamId}: expected revision ${describe(expected)}, actual ${describe(actual)}`,
    );
  }
}

/** The stream has been deleted (EventStoreDB tombstone or soft delete). */
export class StreamDeleted extends AppError {
  readonly kind = 'gone';
  constructor(readonly streamId: string) {
    super('stream-deleted', `Stream ${streamId} has been deleted`);
  }
}

/** Event ids already stored elsewhere than a plain retry of the same append would put them. */
export class DuplicateEventId extends AppError {
  readonly kind = 'conflict';
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(
      'duplicate-event-id',
      `Event ${eventId} is already stored, not as a retry of this append to ${streamId}`,
    );
  }
}

/**
 * The store cannot serve the request now: unreachable, not the leader, timed out, or its
 * storage refuses writes. Retrying later may succeed; nothing was written.
 */
export class EventStoreUnavailable extends AppError {
  readonly kind = 'unavailable';
  constructor(
    readonly reason: 'unavailable' | 'not-leader' | 'deadline-exceeded' | 'storage' | 'closed',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`event-store-${reason}`, message, options);
  }
}

/** The store's files or settings are unusable: start-up must stop (the message names the path). */
export class EventStoreStartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreStartupError';
  }
}
