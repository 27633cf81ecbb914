import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '@customer-workspace/kernel';
import type { DataKey } from '../keys/personal-data-keys.js';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The format's name, first of the five dot-separated parts: `pd1.<keyId>.<iv>.<ciphertext>.<tag>`. */
const FORMAT = 'pd1';

/**
 * A sealed value that does not open: tampered, moved to another event or field (its associated
 * data differs), or sealed with another key under the same id. Reading stops, loudly.
 */
export class SealedValueUnreadable extends AppError {
  readonly kind = 'unavailable';
  constructor(where: string) {
    super('sealed-personal-data-unreadable', `The sealed personal data of ${where} does not open`);
  }
}

/** Whether `value` is a sealed value's text (what `seal` writes). */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(`${FORMAT}.`);
}

/** The id of the key a sealed value needs; `SealedValueUnreadable` when it is malformed. */
export function keyIdOf(sealed: string, where: string): string {
  return parts(sealed, where).keyId;
}

/**
 * Seals `plaintext` with AES-256-GCM: a fresh 96-bit IV each time, `associatedData` bound to
 * it (a ciphertext copied elsewhere does not open there), the key's id in clear so the reader
 * knows which key to ask for. Text, base64url parts: it sits in a JSON field.
 */
export function seal(plaintext: string, key: DataKey, associatedData: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key.key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const encoded = [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString('base64url'));
  return [FORMAT, key.keyId, ...encoded].join('.');
}

/** Opens what `seal` made with the same key and associated data; `where` names it in errors. */
export function open(sealed: string, key: DataKey, associatedData: string, where: string): string {
  const { keyId, iv, ciphertext, tag } = parts(sealed, where);
  if (keyId !== key.keyId || iv.length !== IV_BYTES || tag.length !== TAG_BYTES)
    throw new SealedValueUnreadable(where);
  try {
    const decipher = createDecipheriv(ALGORITHM, key.key, iv);
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedValueUnreadable(where);
  }
}

function parts(sealed: string, where: string) {
  const [format, keyId, iv, ciphertext, tag, ...rest] = sealed.split('.');
  if (format !== FORMAT || !keyId || !iv || !ciphertext || !tag || rest.length > 0)
    throw new SealedValueUnreadable(where);
  const decoded = (part: string) => Buffer.from(part, 'base64url');
  return { keyId, iv: decoded(iv), ciphertext: decoded(ciphertext), tag: decoded(tag) };
}
