import { join, resolve } from 'node:path';
import { type AppConfig, DataDirectoryError, dataDirSecret } from '@customer-workspace/config';
import { newNoteKey, type NoteSigner, noteSigner } from './signed-note.js';

/** Where the embedded mode keeps its generated checkpoint signing key (mode 0600). */
export const AUDIT_KEY_FILE = 'audit-signing-key';

/** The key name (and so the checkpoints' origin) of a generated key. */
export const DEFAULT_AUDIT_ORIGIN = 'customer-workspace';

/**
 * The Ed25519 key that signs audit checkpoints: `AUDIT_SIGNING_KEY` when set; otherwise, in the
 * embedded mode, a key generated once into `DATA_DIR/audit-signing-key` (mode 0600), like the
 * JWT secret, so the api and the CLI sign as one. The key's name is the checkpoints' origin.
 * With EventStoreDB it must be set, the same on every instance: each keeps its own tree of the
 * same log, and an auditor checks them all with one public key.
 */
export function resolveAuditSigner(
  config: Pick<AppConfig, 'AUDIT_SIGNING_KEY' | 'EVENTSTORE_CONNECTION_STRING' | 'DATA_DIR'>,
): NoteSigner {
  if (config.AUDIT_SIGNING_KEY) return noteSigner(config.AUDIT_SIGNING_KEY);
  if (config.EVENTSTORE_CONNECTION_STRING)
    throw new Error('AUDIT_SIGNING_KEY must be set when EVENTSTORE_CONNECTION_STRING is set');
  const create = () => newNoteKey(DEFAULT_AUDIT_ORIGIN).privateKey;
  const key = dataDirSecret(config.DATA_DIR, AUDIT_KEY_FILE, create, 'PRIVATE+KEY+'.length + 1);
  try {
    return noteSigner(key);
  } catch (error) {
    throw new DataDirectoryError(
      `${resolve(join(config.DATA_DIR, AUDIT_KEY_FILE))} holds no usable signing key: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
