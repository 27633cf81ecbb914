import { createHash } from 'node:crypto';
import { canonicalJson } from '@customer-workspace/event-store';

/**
 * JSON with object keys sorted, so that `{a,b}` and `{b,a}` are the same request body: RFC
 * 8785 text, the event store's (for parsed JSON bodies, byte for byte what this file wrote
 * before with a copy of its own, so kept fingerprints and derived ids stay the same).
 */
export { canonicalJson };

/** What makes two requests "the same": method, path and canonical body (`null` for none). */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}

/**
 * A UUID derived from a name (SHA-256 based, version 8 per RFC 9562): the events of a command
 * retried under the same idempotency key get the same ids, so the store keeps them once even
 * if the first attempt crashed after appending but before answering.
 */
export function deterministicUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
