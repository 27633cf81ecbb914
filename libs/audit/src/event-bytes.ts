import { hash } from 'node:crypto';
import { canonicalJson, type StoredJson } from '@customer-workspace/event-store';
import type { Hash } from './merkle.js';

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
 * The RFC 8785 (JCS) canonical JSON of `{ streamId, revision, eventId, type, data, metadata }`,
 * identical to the `canonicalize` package's (the RFC authors' implementation; see
 * `canonicalJson`). The same stored event gives the same text on any machine, whatever the
 * order its JSON keys were written in.
 */
export function canonicalEventText(event: AuditedEvent): string {
  const revision = Number(event.revision);
  if (!Number.isSafeInteger(revision) || revision < 0)
    throw new RangeError(`Revision ${event.revision} of ${event.streamId} is not a safe integer`);
  return canonicalJson({
    streamId: event.streamId,
    revision,
    eventId: event.eventId,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  });
}

/** The bytes a leaf hashes: `canonicalEventText` in UTF-8. */
export function canonicalEventBytes(event: AuditedEvent): Uint8Array {
  return Buffer.from(canonicalEventText(event), 'utf8');
}

/**
 * `leafHash(canonicalEventBytes(event))`, without the copy into a buffer: the leaf prefix 0x00
 * and the text, hashed in one call. What the tree holds for `event`, and what a verifier
 * recomputes.
 */
export function eventLeafHash(event: AuditedEvent): Hash {
  return hash('sha256', `\u0000${canonicalEventText(event)}`, 'buffer');
}

/**
 * The leaf hash, in lower-case hex, of an event read with its stored text (`storedJson`):
 * the RFC 8785 text of the
 * event put together from the stored `data` and `metadata` as they are, without parsing them.
 * It is the event's leaf exactly when that text is canonical, as the embedded store writes it;
 * a verifier takes it only where it equals the leaf the tree holds (a match of SHA-256 means
 * the same bytes) and otherwise recomputes `eventLeafHash` from the parsed event, so events
 * written before the store wrote canonical text verify too, only slower. Hex: compared with a
 * page of the tree's leaves, no buffer is made per event. Undefined for an event read without
 * its text.
 */
export function storedEventLeafHex(
  event: AuditedEvent & { storedJson?: StoredJson },
): string | undefined {
  const text = storedLeafText(event);
  return text === undefined ? undefined : hash('sha256', text, 'hex');
}

/** The leaf prefix and the event's RFC 8785 text put together from its stored text. */
function storedLeafText(event: AuditedEvent & { storedJson?: StoredJson }): string | undefined {
  const stored = event.storedJson;
  if (stored === undefined) return undefined;
  const revision = Number(event.revision);
  if (!Number.isSafeInteger(revision) || revision < 0) return undefined;
  // The leaf prefix 0x00, then RFC 8785 member order: data, eventId, metadata, revision,
  // streamId, type; one string, hashed in one call (the one-shot `hash`: no Hash object).
  return (
    `\u0000{"data":${stored.data},"eventId":${JSON.stringify(event.eventId)},` +
    `"metadata":${stored.metadata},"revision":${revision},` +
    `"streamId":${JSON.stringify(event.streamId)},"type":${JSON.stringify(event.type)}}`
  );
}
