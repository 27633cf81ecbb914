import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { newWebhookSecret } from './webhook-secret.js';
import { signDelivery } from './webhook-signer.js';

/** An independent verifier: the specification's HMAC, computed with node:crypto alone. */
function expectedSignature(secret: string, id: string, seconds: string, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${seconds}.${body}`).digest('base64')}`;
}

describe('signDelivery (Standard Webhooks v1)', () => {
  it("matches the specification's published example", () => {
    const headers = signDelivery(
      ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      new Date(1614265330 * 1000),
      '{"test": 2432232314}',
    );
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('signs with both secrets during a rotation, each verifiable on its own', () => {
    const [newer, older] = [newWebhookSecret(), newWebhookSecret()];
    const at = new Date();
    const body = JSON.stringify({ id: 'e-1', eventName: 'customer-created' });
    const headers = signDelivery([newer, older], 'e-1', at, body);
    const seconds = headers['webhook-timestamp'];
    expect(headers['webhook-signature'].split(' ')).toEqual([
      expectedSignature(newer, 'e-1', seconds, body),
      expectedSignature(older, 'e-1', seconds, body),
    ]);
    for (const secret of [newer, older])
      expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('refuses a body changed after signing', () => {
    const secret = newWebhookSecret();
    const headers = signDelivery([secret], 'e-2', new Date(), '{"position":"7"}');
    expect(() => new Webhook(secret).verify('{"position":"8"}', { ...headers })).toThrow();
  });

  it('refuses to sign without a secret', () => {
    expect(() => signDelivery([], 'e-3', new Date(), '{}')).toThrow('has no secret');
  });
});

describe('newWebhookSecret', () => {
  it('is whsec_ and the base64 of 32 random bytes, never the same twice', () => {
    const [a, b] = [newWebhookSecret(), newWebhookSecret()];
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(a).not.toBe(b);
  });
});
