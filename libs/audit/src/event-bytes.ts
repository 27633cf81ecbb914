import canonicalize from 'canonicalize';

/** A stored event as the audit tree hashes it: exactly these fields, as stored. */
export interface AuditedEvent {
  readonly streamId: string;
  readonly revision: bigint | number;
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

/**
 * The bytes a leaf hashes: the RFC 8785 (JCS) canonical JSON of `{ streamId, revision,
 * eventId, type, data, metadata }`, UTF-8, by the `canonicalize` package (the RFC authors'
 * implementation). The same stored event gives the same bytes on any machine, whatever the
 * order its JSON keys were written in.
 */
export function canonicalEventBytes(event: AuditedEvent): Uint8Array {
  const revision = Number(event.revision);
  if (!Number.isSafeInteger(revision) || revision < 0)
    throw new RangeError(`Revision ${event.revision} of ${event.streamId} is not a safe integer`);
  const text = canonicalize({
    streamId: event.streamId,
    revision,
    eventId: event.eventId,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  });
  if (text === undefined) throw new TypeError(`Event ${event.eventId} has no JSON form`);
  return Buffer.from(text, 'utf8');
}
