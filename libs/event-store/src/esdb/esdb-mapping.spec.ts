import { EVENT_TYPE, STREAM_NAME } from '@eventstore/db-client';
import { testEvent } from '../testing/event-factory.js';
import {
  type ClientResolvedEvent,
  isUserEvent,
  toClientExpectedRevision,
  toClientFilter,
  toClientReadStreamOptions,
  toEventData,
  toReadPosition,
  toRecordedEvent,
} from './esdb-mapping.js';

const written = testEvent('CustomerAdded', { name: 'Contoso' });

/** A resolved event as the client hands it out for `customer-1` at revision 3. */
function resolved(
  overrides: Partial<NonNullable<ClientResolvedEvent['event']>> = {},
): ClientResolvedEvent {
  return {
    event: {
      streamId: 'customer-1',
      id: written.eventId,
      revision: 3n,
      type: written.type,
      data: written.data,
      metadata: written.metadata,
      position: { commit: 1234n, prepare: 1234n },
      ...overrides,
    },
  };
}

describe('esdb mapping', () => {
  it('writes our event as a JSON event with its id, type, data and metadata', () => {
    expect(toEventData(written)).toEqual({
      id: written.eventId,
      contentType: 'application/json',
      type: 'CustomerAdded',
      data: { name: 'Contoso' },
      metadata: written.metadata,
    });
  });

  it('reads the client event back as the whole envelope, position = commit position', () => {
    expect(toRecordedEvent(resolved())).toEqual({
      ...written,
      streamId: 'customer-1',
      revision: 3n,
      position: 1234n,
    });
  });

  it('takes the position of the resolved event when a stream read (server < 22.6) has none', () => {
    const noPosition = {
      ...resolved({ position: { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n } }),
      commitPosition: 99n,
    };
    expect(toRecordedEvent(noPosition)?.position).toBe(99n);
    expect(() => toRecordedEvent(resolved({ position: undefined }))).toThrow('22.6');
  });

  it('refuses an event whose metadata is not a JSON object', () => {
    expect(() => toRecordedEvent(resolved({ metadata: undefined }))).toThrow('metadata');
    expect(() => toRecordedEvent(resolved({ metadata: new Uint8Array([1]) }))).toThrow('metadata');
  });

  it('skips a link without its event', () => {
    expect(toRecordedEvent({ commitPosition: 5n })).toBeUndefined();
    expect(isUserEvent({ commitPosition: 5n })).toBe(false);
  });

  it('keeps only user events of $all, matching a stream-name or event-type prefix', () => {
    expect(isUserEvent(resolved())).toBe(true);
    expect(isUserEvent(resolved({ type: '$metadata' }))).toBe(false);
    expect(isUserEvent(resolved({ type: '$>', streamId: '$ce-customer' }))).toBe(false);
    expect(isUserEvent(resolved({ streamId: '$$customer-1' }))).toBe(false);
    expect(isUserEvent(resolved(), { streamNamePrefixes: ['order', 'customer'] })).toBe(true);
    expect(isUserEvent(resolved(), { streamNamePrefixes: ['order'] })).toBe(false);
    expect(isUserEvent(resolved(), { eventTypePrefixes: ['Customer'] })).toBe(true);
    expect(isUserEvent(resolved(), { eventTypePrefixes: ['Order'] })).toBe(false);
  });

  it('filters subscriptions on the server by prefix, and leaves system events out by default', () => {
    expect(toClientFilter({ streamNamePrefixes: ['customer'] })).toMatchObject({
      filterOn: STREAM_NAME,
      prefixes: ['customer'],
    });
    expect(toClientFilter({ eventTypePrefixes: ['Customer'] })).toMatchObject({
      filterOn: EVENT_TYPE,
      prefixes: ['Customer'],
    });
    expect(toClientFilter(undefined)).toMatchObject({ filterOn: EVENT_TYPE, regex: '^[^$].*' });
  });

  it('passes every expected revision explicitly', () => {
    expect(toClientExpectedRevision('any')).toBe('any');
    expect(toClientExpectedRevision('no_stream')).toBe('no_stream');
    expect(toClientExpectedRevision('stream_exists')).toBe('stream_exists');
    expect(toClientExpectedRevision(7n)).toBe(7n);
  });

  it('turns a global position into both sides of the client position; none or 0 is the start', () => {
    expect(toReadPosition(42n)).toEqual({ commit: 42n, prepare: 42n });
    expect(toReadPosition('start')).toBe('start');
    expect(toReadPosition(undefined)).toBe('start');
    expect(toReadPosition(0n)).toBe('start');
  });

  it('reads a stream from its first event forwards and from its last one backwards by default', () => {
    expect(toClientReadStreamOptions({})).toEqual({ direction: 'forwards', fromRevision: 'start' });
    expect(toClientReadStreamOptions({ direction: 'backwards' })).toEqual({
      direction: 'backwards',
      fromRevision: 'end',
    });
    expect(toClientReadStreamOptions({ fromRevision: 2n, maxCount: 2 })).toEqual({
      direction: 'forwards',
      fromRevision: 2n,
      maxCount: 2,
    });
  });
});
