import { randomBytes } from 'node:crypto';
import { type AppConfig, dataDirSecret } from '@customer-workspace/config';

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
  const create = () => randomBytes(32).toString('base64url');
  return new TextEncoder().encode(dataDirSecret(config.DATA_DIR, JWT_SECRET_FILE, create, 32));
}
