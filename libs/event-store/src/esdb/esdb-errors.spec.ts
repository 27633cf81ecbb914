import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  InvalidArgumentError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  EventStoreUnavailable,
  StreamDeleted,
  WrongExpectedVersion,
} from '../event-store.errors.js';
import { isStreamNotFound, isTransientEsdbError, mapEsdbError } from './esdb-errors.js';

type ServiceError = ConstructorParameters<typeof NotLeaderError>[0];

/** gRPC status codes, as @grpc/grpc-js numbers them. */
const GRPC = {
  CANCELLED: 1,
  UNKNOWN: 2,
  DEADLINE_EXCEEDED: 4,
  ABORTED: 10,
  UNAVAILABLE: 14,
} as const;

/** The least of a gRPC ServiceError the client's error classes read: code, details, metadata. */
function serviceError(
  code: number,
  details: string,
  metadata: Record<string, string> = {},
): ServiceError {
  const error = Object.assign(new Error(`${code} ${details}`), {
    code,
    details,
    metadata: { getMap: () => metadata },
  });
  return error as unknown as ServiceError;
}

function expectUnavailable(mapped: unknown, reason: string, cause: unknown): void {
  expect(mapped).toBeInstanceOf(EventStoreUnavailable);
  expect(mapped).toMatchObject({
    reason,
    kind: 'unavailable',
    code: `event-store-${reason}`,
    cause,
  });
}

describe('mapEsdbError', () => {
  it('maps WrongExpectedVersionError to WrongExpectedVersion with the stream, expected and actual revisions', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'customer-1',
      expected: 'no_stream',
      current: 2n,
    });
    const mapped = mapEsdbError(error, 'customer-1');
    expect(mapped).toBeInstanceOf(WrongExpectedVersion);
    expect(mapped).toMatchObject({
      streamId: 'customer-1',
      expected: 'no_stream',
      actual: 2n,
      kind: 'conflict',
    });
  });

  it('maps a WrongExpectedVersionError on a missing stream to actual no_stream', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'customer-2',
      expected: 'stream_exists',
      current: 'no_stream',
    });
    expect(mapEsdbError(error)).toMatchObject({
      streamId: 'customer-2',
      expected: 'stream_exists',
      actual: 'no_stream',
    });
  });

  it('maps the numeric versions older servers send in metadata to symbolic ones', () => {
    const raw = serviceError(GRPC.UNKNOWN, 'Wrong expected version', {
      exception: 'wrong-expected-version',
      'stream-name': 'order-9',
      'expected-version': '-4',
      'actual-version': '',
    });
    const mapped = mapEsdbError(raw);
    expect(mapped).toBeInstanceOf(WrongExpectedVersion);
    expect(mapped).toMatchObject({
      streamId: 'order-9',
      expected: 'stream_exists',
      actual: 'no_stream',
    });
    expect(
      mapEsdbError(
        new WrongExpectedVersionError(
          serviceError(GRPC.UNKNOWN, 'x', {
            'stream-name': 'order-9',
            'expected-version': '-1',
            'actual-version': '4',
          }),
        ),
      ),
    ).toMatchObject({ expected: 'no_stream', actual: 4n });
  });

  it('maps StreamDeletedError to StreamDeleted', () => {
    const mapped = mapEsdbError(StreamDeletedError.fromStreamName('customer-3'));
    expect(mapped).toBeInstanceOf(StreamDeleted);
    expect(mapped).toMatchObject({ streamId: 'customer-3', kind: 'gone', code: 'stream-deleted' });
  });

  it('maps NotLeaderError to EventStoreUnavailable(not-leader)', () => {
    const error = new NotLeaderError(
      serviceError(GRPC.UNKNOWN, 'Leader info available', {
        exception: 'not-leader',
        'leader-endpoint-host': '10.0.0.2',
        'leader-endpoint-port': '2113',
      }),
    );
    expectUnavailable(mapEsdbError(error), 'not-leader', error);
  });

  it('maps UnavailableError to EventStoreUnavailable(unavailable)', () => {
    const error = new UnavailableError(serviceError(GRPC.UNAVAILABLE, 'No connection established'));
    expectUnavailable(mapEsdbError(error), 'unavailable', error);
  });

  it('maps DeadlineExceededError to EventStoreUnavailable(deadline-exceeded)', () => {
    const error = new DeadlineExceededError(
      serviceError(GRPC.DEADLINE_EXCEEDED, 'Deadline exceeded'),
    );
    expectUnavailable(mapEsdbError(error), 'deadline-exceeded', error);
  });

  it('maps TimeoutError (a server-side timeout, or a subscriber too slow) to deadline-exceeded', () => {
    const error = new TimeoutError(serviceError(GRPC.ABORTED, 'Operation timed out'));
    expectUnavailable(mapEsdbError(error), 'deadline-exceeded', error);
  });

  it('maps CancelledError (cancelled by the server) to EventStoreUnavailable(unavailable)', () => {
    const error = new CancelledError(serviceError(GRPC.CANCELLED, 'Server shutting down'));
    expectUnavailable(mapEsdbError(error), 'unavailable', error);
  });

  it('maps UnknownError to EventStoreUnavailable(unavailable)', () => {
    const error = new UnknownError(serviceError(GRPC.UNKNOWN, 'Exception was thrown by handler'));
    expectUnavailable(mapEsdbError(error), 'unavailable', error);
  });

  it('maps AccessDeniedError to EventStoreUnavailable(unavailable), the denial kept as cause', () => {
    const error = new AccessDeniedError(serviceError(GRPC.UNKNOWN, 'Access denied'));
    expectUnavailable(mapEsdbError(error), 'unavailable', error);
  });

  it('converts a raw gRPC error the way the client does before mapping it', () => {
    const raw = serviceError(GRPC.UNAVAILABLE, 'No connection established');
    const mapped = mapEsdbError(raw);
    expectUnavailable(mapped, 'unavailable', expect.any(UnavailableError));
  });

  it('maps a failed cluster discovery to EventStoreUnavailable(unavailable)', () => {
    const error = new Error('Failed to discover after 10 attempts.');
    expectUnavailable(mapEsdbError(error), 'unavailable', error);
  });

  it('uses the stream id it is given over the one in the error', () => {
    const error = StreamDeletedError.fromStreamName('');
    expect(mapEsdbError(error, 'customer-4')).toMatchObject({ streamId: 'customer-4' });
  });

  it('passes StreamNotFoundError through: readers end on it, isStreamNotFound recognises it', () => {
    const error = new StreamNotFoundError(undefined, 'customer-5');
    expect(mapEsdbError(error)).toBe(error);
    expect(isStreamNotFound(error)).toBe(true);
    expect(isStreamNotFound(new Error('customer-5 not found'))).toBe(false);
  });

  it('passes through client errors the port has no word for, and anything else', () => {
    const unmapped = [
      MaxAppendSizeExceededError.fromMaxAppendSize(1024),
      new InvalidArgumentError('fromRevision must be positive'),
      new Error('boom'),
      new WrongExpectedVersion('s-1', 0n, 1n),
      'a string',
      undefined,
    ];
    for (const error of unmapped) expect(mapEsdbError(error)).toBe(error);
  });
});

describe('isTransientEsdbError', () => {
  it('is true for drops worth resubscribing after', () => {
    const transient = [
      new UnavailableError(serviceError(GRPC.UNAVAILABLE, 'down')),
      new DeadlineExceededError(serviceError(GRPC.DEADLINE_EXCEEDED, 'late')),
      new TimeoutError(serviceError(GRPC.ABORTED, 'Consumer too slow')),
      new CancelledError(serviceError(GRPC.CANCELLED, 'shutting down')),
      serviceError(GRPC.UNAVAILABLE, 'raw'),
      new Error('Failed to discover after 10 attempts.'),
    ];
    for (const error of transient) expect(isTransientEsdbError(error)).toBe(true);
  });

  it('is false for failures a retry would not cure', () => {
    const fatal = [
      new AccessDeniedError(serviceError(GRPC.UNKNOWN, 'Access denied')),
      new UnknownError(serviceError(GRPC.UNKNOWN, 'bug')),
      StreamDeletedError.fromStreamName('s'),
      new Error('boom'),
      'a string',
    ];
    for (const error of fatal) expect(isTransientEsdbError(error)).toBe(false);
  });
});
