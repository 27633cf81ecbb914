import { createDecipheriv } from 'node:crypto';
import { SealedSecretUnreadable, SecretSealer } from './secret-sealing.js';
import { newWebhookSecret } from './webhook-secret.js';

describe('SecretSealer (endpoint secrets as the events keep them)', () => {
  const key = SecretSealer.newKey();
  const sealer = new SecretSealer(key);
  const secret = newWebhookSecret();

  it('opens what it sealed, for the same endpoint', () => {
    expect(sealer.open(sealer.seal(secret, 'w-1'), 'w-1')).toBe(secret);
  });

  it('never shows the secret, and seals it differently each time', () => {
    const [a, b] = [sealer.seal(secret, 'w-1'), sealer.seal(secret, 'w-1')];
    expect(a).not.toContain(secret.slice(6, 20));
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('is standard AES-256-GCM with the endpoint id as associated data (opened here by node:crypto alone)', () => {
    const [, iv, ciphertext, tag] = sealer.seal(secret, 'w-1').split('.') as string[];
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv!, 'base64url'));
    decipher.setAAD(Buffer.from('w-1'));
    decipher.setAuthTag(Buffer.from(tag!, 'base64url'));
    const opened = Buffer.concat([
      decipher.update(Buffer.from(ciphertext!, 'base64url')),
      decipher.final(),
    ]);
    expect(opened.toString()).toBe(secret);
  });

  it('refuses a secret moved to another endpoint, changed, or sealed with another key', () => {
    const sealed = sealer.seal(secret, 'w-1');
    expect(() => sealer.open(sealed, 'w-2')).toThrow(SealedSecretUnreadable);
    const at = sealed.length - 2;
    const flipped = sealed.slice(0, at) + (sealed[at] === 'A' ? 'B' : 'A') + sealed.slice(at + 1);
    expect(() => sealer.open(flipped, 'w-1')).toThrow(SealedSecretUnreadable);
    expect(() => new SecretSealer(SecretSealer.newKey()).open(sealed, 'w-1')).toThrow(
      SealedSecretUnreadable,
    );
    expect(() => sealer.open('not sealed', 'w-1')).toThrow(SealedSecretUnreadable);
  });

  it('takes only a 32-byte key', () => {
    expect(() => new SecretSealer(new Uint8Array(16))).toThrow('32 bytes');
  });
});
