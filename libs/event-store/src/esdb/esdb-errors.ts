import {
  type CommandError,
  ErrorType,
  type WrongExpectedVersionError,
  convertToCommandError,
  isCommandError,
} from '@eventstore/db-client';
import {
  type ActualRevision,
  EventStoreUnavailable,
  StreamDeleted,
  WrongExpectedVersion,
} from '../event-store.errors.js';
import type { ExpectedRevision } from '../event-store.port.js';

/** Drops a catch-up subscription survives by resubscribing: the server or the link failed. */
const TRANSIENT = new Set<ErrorType>([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  // ABORTED: an operation timed out on the server, or a subscriber was too slow for it.
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
  // CANCELLED by the server (shutting down); the client's own cancellations never surface.
  ErrorType.CANCELLED,
]);

/** The one client failure without a class of its own: no cluster node answered gossip. */
const DISCOVERY_FAILURE = /^Failed to discover after \d+ attempts/;

/** Expected versions as older servers send them (in gRPC metadata), by number. */
const SYMBOLIC_EXPECTED: ReadonlyMap<bigint, ExpectedRevision> = new Map([
  [-1n, 'no_stream'],
  [-2n, 'any'],
  [-4n, 'stream_exists'],
]);

/**
 * Maps an `@eventstore/db-client` failure to the port's errors (raw gRPC errors are first
 * converted the way the client does). Client errors the port has no word for — stream not
 * found (readers handle it), invalid argument, unsupported feature, append too large — and
 * anything that is not a client error pass through unchanged.
 */
export function mapEsdbError(error: unknown, streamId?: string): unknown {
  const clientError = toClientError(error);
  if (isDiscoveryFailure(clientError)) return unavailable('unavailable', clientError);
  if (!(clientError instanceof Error) || !isCommandError(clientError)) return clientError;
  return mapCommandError(clientError, streamId);
}

/** Whether a subscription that failed with `error` should resubscribe rather than fail. */
export function isTransientEsdbError(error: unknown): boolean {
  const clientError = toClientError(error);
  if (isDiscoveryFailure(clientError)) return true;
  return (
    clientError instanceof Error && isCommandError(clientError) && TRANSIENT.has(clientError.type)
  );
}

/** A read of a stream that has no events (never written, or soft-deleted). */
export function isStreamNotFound(error: unknown): boolean {
  const clientError = toClientError(error);
  return (
    clientError instanceof Error &&
    isCommandError(clientError) &&
    clientError.type === ErrorType.STREAM_NOT_FOUND
  );
}

function mapCommandError(error: CommandError, streamId: string | undefined): unknown {
  switch (error.type) {
    case ErrorType.WRONG_EXPECTED_VERSION:
      return wrongExpectedVersion(error, streamId);
    case ErrorType.STREAM_DELETED:
      return new StreamDeleted(streamId ?? error.streamName);
    case ErrorType.NOT_LEADER:
      return unavailable('not-leader', error);
    case ErrorType.DEADLINE_EXCEEDED:
    case ErrorType.TIMEOUT:
      return unavailable('deadline-exceeded', error);
    // The store cannot serve the request; the cause says why (down, refused credentials, fault).
    case ErrorType.UNAVAILABLE:
    case ErrorType.CANCELLED:
    case ErrorType.UNKNOWN:
    case ErrorType.ACCESS_DENIED:
      return unavailable('unavailable', error);
    default:
      return error;
  }
}

function wrongExpectedVersion(
  error: WrongExpectedVersionError,
  streamId: string | undefined,
): WrongExpectedVersion {
  const expected = error.expectedVersion;
  const symbolic = typeof expected === 'bigint' ? SYMBOLIC_EXPECTED.get(expected) : undefined;
  const actual = error.actualVersion;
  const actualRevision: ActualRevision =
    typeof actual === 'bigint' && actual >= 0n ? actual : 'no_stream';
  return new WrongExpectedVersion(
    streamId ?? error.streamName,
    symbolic ?? expected,
    actualRevision,
  );
}

function unavailable(reason: EventStoreUnavailable['reason'], cause: Error): EventStoreUnavailable {
  return new EventStoreUnavailable(reason, `EventStoreDB ${reason}: ${cause.message}`, { cause });
}

function toClientError(error: unknown): unknown {
  return error instanceof Error ? convertToCommandError(error) : error;
}

function isDiscoveryFailure(error: unknown): error is Error {
  return error instanceof Error && !isCommandError(error) && DISCOVERY_FAILURE.test(error.message);
}
