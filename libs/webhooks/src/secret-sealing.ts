import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '@customer-workspace/kernel';
import type { SealedSecret } from './endpoint/webhook.events.js';

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const VERSION = 'v1';

/** A sealed secret that does not open with this key for this endpoint (tampered or moved). */
export class SealedSecretUnreadable extends AppError {
  readonly kind = 'unavailable';
  constructor(endpoint: string) {
    super('sealed-secret-unreadable', `The signing secret of ${endpoint} cannot be opened`);
  }
}

/**
 * Seals endpoint secrets for the events that keep them: AES-256-GCM with the deployment's
 * webhook key and the endpoint's id as associated data, so a sealed secret opens only for the
 * endpoint it was made for, and the log, its exports and a replay show ciphertext alone.
 */
export class SecretSealer {
  constructor(private readonly key: Uint8Array) {
    if (key.length !== KEY_BYTES) throw new RangeError(`A webhook key has ${KEY_BYTES} bytes`);
  }

  /** A fresh key (32 random bytes). */
  static newKey(): Uint8Array {
    return randomBytes(KEY_BYTES);
  }

  seal(secret: string, endpoint: string): SealedSecret {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv);
    cipher.setAAD(Buffer.from(endpoint, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    const parts = [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString('base64url'));
    return [VERSION, ...parts].join('.');
  }

  open(sealed: SealedSecret, endpoint: string): string {
    const [version, iv, ciphertext, tag, ...rest] = sealed.split('.');
    if (version !== VERSION || !iv || !ciphertext || !tag || rest.length > 0)
      throw new SealedSecretUnreadable(endpoint);
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(endpoint, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const opened = Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]);
      return opened.toString('utf8');
    } catch {
      throw new SealedSecretUnreadable(endpoint);
    }
  }
}
