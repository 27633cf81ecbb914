import { join, resolve } from 'node:path';
import { type AppConfig, DataDirectoryError, dataDirSecret } from '@customer-workspace/config';
import { SecretSealer } from './secret-sealing.js';

/** Where the embedded mode keeps its generated webhook key (base64url, mode 0600). */
export const WEBHOOK_KEY_FILE = 'webhooks-key';

const KEY_BYTES = 32;
/** The base64url of 32 bytes, unpadded. */
const KEY_CHARACTERS = 43;

/**
 * The AES-256 key that seals endpoint secrets in events: `WEBHOOKS_SECRET_KEY` when set (base64
 * or base64url of 32 bytes); otherwise, in the embedded mode, a random key generated once and
 * kept in `DATA_DIR/webhooks-key` (mode 0600), so every process on that directory opens the
 * same secrets. With EventStoreDB it must be configured: every instance on the node must open
 * what any of them sealed.
 */
export function resolveWebhookKey(
  config: Pick<AppConfig, 'WEBHOOKS_SECRET_KEY' | 'EVENTSTORE_CONNECTION_STRING' | 'DATA_DIR'>,
): Uint8Array {
  if (config.WEBHOOKS_SECRET_KEY) {
    const key = decodeKey(config.WEBHOOKS_SECRET_KEY);
    if (!key) throw new Error('WEBHOOKS_SECRET_KEY must be the base64 or base64url of 32 bytes');
    return key;
  }
  if (config.EVENTSTORE_CONNECTION_STRING)
    throw new Error('WEBHOOKS_SECRET_KEY must be set when EVENTSTORE_CONNECTION_STRING is set');
  const create = () => Buffer.from(SecretSealer.newKey()).toString('base64url');
  const key = decodeKey(dataDirSecret(config.DATA_DIR, WEBHOOK_KEY_FILE, create, KEY_CHARACTERS));
  if (!key)
    throw new DataDirectoryError(
      `${resolve(join(config.DATA_DIR, WEBHOOK_KEY_FILE))} holds no usable webhook key (the base64url of 32 bytes)`,
    );
  return key;
}

/** The 32 bytes of a base64 or base64url key (Node's decoder reads both); else undefined. */
function decodeKey(encoded: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) return undefined;
  const key = Buffer.from(encoded, 'base64');
  return key.length === KEY_BYTES ? new Uint8Array(key) : undefined;
}
