import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureWritableDirectory } from '@customer-workspace/event-store';
import type { AppConfig } from '@customer-workspace/config';

export const JWT_SECRET_FILE = 'jwt-secret';

/**
 * The HS256 key: `AUTH_JWT_SECRET` when set; otherwise, in the embedded mode, a random secret
 * generated once and kept in `DATA_DIR/jwt-secret` (mode 0600), so the CLI can mint tokens
 * that the api accepts. With EventStoreDB the secret must be configured.
 */
export function resolveJwtSecret(
  config: Pick<AppConfig, 'AUTH_JWT_SECRET' | 'EVENTSTORE_CONNECTION_STRING' | 'DATA_DIR'>,
): Uint8Array {
  if (config.AUTH_JWT_SECRET) return new TextEncoder().encode(config.AUTH_JWT_SECRET);
  if (config.EVENTSTORE_CONNECTION_STRING) {
    throw new Error('AUTH_JWT_SECRET must be set when EVENTSTORE_CONNECTION_STRING is set');
  }
  const file = join(ensureWritableDirectory(config.DATA_DIR), JWT_SECRET_FILE);
  if (!existsSync(file)) {
    // 'wx' fails if another process created it meanwhile; then we read theirs.
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32)
    throw new Error(`${resolve(file)} holds no usable secret (expected at least 32 characters)`);
  return new TextEncoder().encode(secret);
}
