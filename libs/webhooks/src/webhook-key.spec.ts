import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretSealer } from './secret-sealing.js';
import { resolveWebhookKey, WEBHOOK_KEY_FILE } from './webhook-key.js';

describe('the webhook key that seals endpoint secrets', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cw-webhook-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const embedded = () => ({
    WEBHOOKS_SECRET_KEY: undefined,
    EVENTSTORE_CONNECTION_STRING: undefined,
    DATA_DIR: dir,
  });
  const configured = Buffer.alloc(32, 0xfb);

  it('uses WEBHOOKS_SECRET_KEY when it is set, given as base64 or as base64url', () => {
    for (const encoded of [configured.toString('base64'), configured.toString('base64url')]) {
      expect(resolveWebhookKey({ ...embedded(), WEBHOOKS_SECRET_KEY: encoded })).toEqual(
        new Uint8Array(configured),
      );
    }
  });

  it('generates one key in the embedded mode, owner-readable, and reuses it after a restart', () => {
    const first = resolveWebhookKey(embedded());
    expect(first).toHaveLength(32);
    expect(statSync(join(dir, WEBHOOK_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(resolveWebhookKey(embedded())).toEqual(first);
    // A secret sealed before the restart opens after it.
    const sealed = new SecretSealer(first).seal('whsec_abc', 'w-1');
    expect(new SecretSealer(resolveWebhookKey(embedded())).open(sealed, 'w-1')).toBe('whsec_abc');
  });

  it('refuses a key file that holds too short a key, naming the file, and leaves it alone', () => {
    writeFileSync(join(dir, WEBHOOK_KEY_FILE), Buffer.alloc(16).toString('base64url'));
    expect(() => resolveWebhookKey(embedded())).toThrow(join(dir, WEBHOOK_KEY_FILE));
    writeFileSync(join(dir, WEBHOOK_KEY_FILE), 'x'.repeat(60));
    expect(() => resolveWebhookKey(embedded())).toThrow(
      `${join(dir, WEBHOOK_KEY_FILE)} holds no usable webhook key`,
    );
    expect(readFileSync(join(dir, WEBHOOK_KEY_FILE), 'utf8')).toBe('x'.repeat(60));
  });

  it('refuses a configured key that is not 32 bytes', () => {
    expect(() =>
      resolveWebhookKey({
        ...embedded(),
        WEBHOOKS_SECRET_KEY: Buffer.alloc(31).toString('base64'),
      }),
    ).toThrow('WEBHOOKS_SECRET_KEY must be the base64 or base64url of 32 bytes');
  });

  it('requires WEBHOOKS_SECRET_KEY with EventStoreDB, and writes no key file', () => {
    expect(() =>
      resolveWebhookKey({ ...embedded(), EVENTSTORE_CONNECTION_STRING: 'esdb://x:2113' }),
    ).toThrow('WEBHOOKS_SECRET_KEY must be set when EVENTSTORE_CONNECTION_STRING is set');
    expect(() => statSync(join(dir, WEBHOOK_KEY_FILE))).toThrow();
    expect(
      resolveWebhookKey({
        ...embedded(),
        EVENTSTORE_CONNECTION_STRING: 'esdb://x:2113',
        WEBHOOKS_SECRET_KEY: configured.toString('base64url'),
      }),
    ).toEqual(new Uint8Array(configured));
  });
});
