import type { Principal } from './roles.js';
import { type VerifiedToken, verifyTokenLifetime } from './tokens.js';

/** How many distinct verified tokens are remembered (oldest forgotten first). */
const DEFAULT_MAX_TOKENS = 5_000;

/**
 * Verifies each bearer token once: a client sends the same token with every request, and the
 * signature check (HMAC through WebCrypto, key import included) is the guard's main cost. A
 * remembered token is answered only within its `nbf`/`exp` span, checked on every use as jose
 * checks it (whole seconds); outside it the token is verified again, so an expired token gets
 * the same 401 as before. Only tokens that passed verification are remembered, and at most
 * `maxTokens`, so unsigned garbage cannot grow the map.
 */
export class VerifiedTokens {
  private readonly tokens = new Map<string, VerifiedToken>();

  constructor(
    private readonly key: Uint8Array,
    private readonly maxTokens = DEFAULT_MAX_TOKENS,
    private readonly now: () => number = Date.now,
  ) {}

  async principalOf(token: string): Promise<Principal> {
    const known = this.tokens.get(token);
    if (known && this.isValidNow(known)) return known.principal;
    this.tokens.delete(token);
    const verified = await verifyTokenLifetime(token, this.key);
    this.tokens.set(token, verified);
    if (this.tokens.size > this.maxTokens) {
      this.tokens.delete(this.tokens.keys().next().value as string);
    }
    return verified.principal;
  }

  private isValidNow({ notBefore, expiresAt }: VerifiedToken): boolean {
    const seconds = Math.floor(this.now() / 1000);
    return seconds < expiresAt && (notBefore === undefined || notBefore <= seconds);
  }
}
