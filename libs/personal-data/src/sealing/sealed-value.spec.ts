import { randomBytes } from 'node:crypto';
import { keyIdOf, open, seal, SealedValueUnreadable } from './sealed-value.js';

const key = { keyId: 'k-1', key: randomBytes(32) };
const PLAIN = JSON.stringify({ email: 'jana.novakova@contoso.cz', firstName: 'Jana' });
const AAD = JSON.stringify(['event', 'e-1', 'customer-c-1', 'CustomerAdded', 'billingProfile']);

/** The sealed text with one byte of its `index`th part (0 format … 4 tag) flipped. */
function tampered(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[index]!, 'base64url');
  bytes[0] = bytes[0]! ^ 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('sealed values (AES-256-GCM)', () => {
  it('open what they sealed, naming the key in clear and nothing of the plaintext', () => {
    const sealed = seal(PLAIN, key, AAD);
    expect(open(sealed, key, AAD, 'test')).toBe(PLAIN);
    expect(keyIdOf(sealed, 'test')).toBe('k-1');
    expect(sealed).not.toContain('jana');
    expect(Buffer.from(sealed).includes(Buffer.from('Jana'))).toBe(false);
  });

  it('use a fresh 96-bit IV each time: the same plaintext never seals the same twice', () => {
    const [a, b] = [seal(PLAIN, key, AAD), seal(PLAIN, key, AAD)];
    expect(a).not.toBe(b);
    expect(Buffer.from(a.split('.')[2]!, 'base64url')).toHaveLength(12);
  });

  it.each([
    ['another event', ['event', 'e-2', 'customer-c-1', 'CustomerAdded', 'billingProfile']],
    ['another stream', ['event', 'e-1', 'customer-c-2', 'CustomerAdded', 'billingProfile']],
    ['another type', ['event', 'e-1', 'customer-c-1', 'BillingProfileUpdated', 'billingProfile']],
    ['another field', ['event', 'e-1', 'customer-c-1', 'CustomerAdded', 'new']],
  ])('do not open as %s (associated data)', (_where, context) => {
    const sealed = seal(PLAIN, key, AAD);
    expect(() => open(sealed, key, JSON.stringify(context), 'test')).toThrow(SealedValueUnreadable);
  });

  it.each([
    ['IV', 2],
    ['ciphertext', 3],
    ['tag', 4],
  ])('do not open with a flipped bit in the %s', (_part, index) => {
    const sealed = seal(PLAIN, key, AAD);
    expect(() => open(tampered(sealed, index), key, AAD, 'test')).toThrow(SealedValueUnreadable);
  });

  it('do not open with another key, even under the same id, nor when malformed', () => {
    const sealed = seal(PLAIN, key, AAD);
    const other = { keyId: 'k-1', key: randomBytes(32) };
    expect(() => open(sealed, other, AAD, 'test')).toThrow(SealedValueUnreadable);
    expect(() => open(sealed.replace('k-1', 'k-2'), key, AAD, 'x')).toThrow(SealedValueUnreadable);
    expect(() => open('pd1.k-1.AAAA', key, AAD, 'x')).toThrow(SealedValueUnreadable);
    expect(() => keyIdOf('pd0.k-1.a.b.c', 'x')).toThrow(SealedValueUnreadable);
  });
});
