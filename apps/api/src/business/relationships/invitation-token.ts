import { createHash, randomBytes } from 'node:crypto';

/** The secret of an invitation URL and the only thing ever stored about it: its hash. */
export interface InvitationSecret {
  /** 256 random bits, base64url: goes into the URL once and is never logged nor stored. */
  readonly token: string;
  /** SHA-256 of the token, lowercase hex: what the invitation event records. */
  readonly tokenHash: string;
}

/** A fresh, unguessable invitation secret. */
export function newInvitationSecret(): InvitationSecret {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

/**
 * SHA-256 of a token as the customer presents it. The decider compares hashes with `===`: the
 * secret has 256 bits of entropy and only its hash is compared, so timing reveals nothing useful.
 */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
