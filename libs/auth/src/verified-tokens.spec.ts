import { SignJWT } from 'jose';
import { Unauthenticated } from './auth.errors.js';
import { issueToken } from './tokens.js';
import { VerifiedTokens } from './verified-tokens.js';

// Changing the key after the first use shows whether a token was verified again: a remembered
// token still passes, a verified one fails its signature check.
const newKey = () => new TextEncoder().encode('k'.repeat(32));
const forgetKey = (key: Uint8Array) => key.fill(0);
const token = (key: Uint8Array, partnerId = 'p-1') =>
  issueToken({ partnerId, roles: ['sales-agent'], expiresIn: '1h' }, key);

describe('VerifiedTokens', () => {
  it('verifies a token once and answers its principal again while it is valid', async () => {
    const key = newKey();
    const tokens = new VerifiedTokens(key);
    const bearer = await token(key);
    const first = await tokens.principalOf(bearer);
    forgetKey(key);
    expect(await tokens.principalOf(bearer)).toEqual(first);
    expect(first).toMatchObject({ partnerId: 'p-1', roles: ['sales-agent'] });
  });

  it('verifies a remembered token again once it has expired (so it gets the same 401)', async () => {
    const key = newKey();
    let now = Date.now();
    const tokens = new VerifiedTokens(key, 10, () => now);
    const bearer = await token(key);
    await tokens.principalOf(bearer);
    forgetKey(key);
    now += 3_600_000;
    await expect(tokens.principalOf(bearer)).rejects.toBeInstanceOf(Unauthenticated);
  });

  it('verifies a remembered token again before its "nbf"', async () => {
    const key = newKey();
    const seconds = Math.floor(Date.now() / 1000);
    let now = seconds * 1000;
    const tokens = new VerifiedTokens(key, 10, () => now);
    const bearer = await new SignJWT({ upn: 'a@p.example', tid: 'p-1', roles: ['admin-agent'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-1')
      .setNotBefore(seconds)
      .setExpirationTime('1h')
      .sign(key);
    await tokens.principalOf(bearer);
    forgetKey(key);
    now -= 1_000;
    await expect(tokens.principalOf(bearer)).rejects.toBeInstanceOf(Unauthenticated);
  });

  it('remembers at most `maxTokens` tokens, forgetting the oldest first', async () => {
    const key = newKey();
    const tokens = new VerifiedTokens(key, 2);
    const bearers = [await token(key, 'p-1'), await token(key, 'p-2'), await token(key, 'p-3')];
    for (const bearer of bearers) await tokens.principalOf(bearer);
    forgetKey(key);
    await expect(tokens.principalOf(bearers[2] as string)).resolves.toMatchObject({
      partnerId: 'p-3',
    });
    await expect(tokens.principalOf(bearers[0] as string)).rejects.toBeInstanceOf(Unauthenticated);
  });
});
