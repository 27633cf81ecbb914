import { ConfigurationError, loadConfig, personalDataKeysDir } from './app-config.js';

describe('configuration', () => {
  it('has a safe default for every setting in the embedded mode', () => {
    expect(loadConfig({})).toEqual({
      PORT: 3000,
      HOST: '0.0.0.0',
      DATA_DIR: './data',
      AUTH_JWT_SECRET: undefined,
      EVENTSTORE_CONNECTION_STRING: undefined,
      EVENTSTORE_STREAM_PREFIX: '',
      EVENTSTORE_SQLITE_SYNCHRONOUS: 'FULL',
      EVENTSTORE_SQLITE_WRITER: 'thread',
      LOG_LEVEL: 'info',
      BODY_LIMIT_BYTES: 1048576,
      SHUTDOWN_TIMEOUT_MS: 10000,
      RATE_LIMIT_PER_MINUTE: 500,
      READ_MODEL_WAIT_MS: 5000,
      READ_MODELS_THREAD: 'worker',
      READ_MODEL_MMAP_MB: 1024,
      INVITATION_TTL_DAYS: 30,
      PUBLIC_BASE_URL: undefined,
      WEBHOOKS_ALLOW_HTTP: false,
      WEBHOOKS_ALLOWED_HOSTS: [],
      WEBHOOKS_RETRY_SCHEDULE: undefined,
      WEBHOOKS_TIMEOUT_MS: 15000,
      WEBHOOKS_SECRET_KEY: undefined,
      PERSONAL_DATA_KEYS_DIR: undefined,
      WEBHOOKS_DELIVERY: 'on',
      AUDIT_CHECKPOINT_INTERVAL_MS: 10_000,
      AUDIT_SIGNING_KEY: undefined,
      AUDIT_TREE: 'on',
      GDAP_TRANSITIONS: 'on',
      GDAP_TRANSITIONS_MAX_SLEEP_MS: 60_000,
    });
  });

  it('keeps the personal-data key store in DATA_DIR unless told another directory', () => {
    expect(personalDataKeysDir(loadConfig({ DATA_DIR: '/srv/a' }))).toBe('/srv/a');
    const shared = loadConfig({ DATA_DIR: '/srv/a', PERSONAL_DATA_KEYS_DIR: '/srv/keys' });
    expect(personalDataKeysDir(shared)).toBe('/srv/keys');
    expect(personalDataKeysDir(loadConfig({ PERSONAL_DATA_KEYS_DIR: ' ' }))).toBe('./data');
  });

  it('takes a stream prefix that keeps categories intact, and refuses one with "-"', () => {
    expect(loadConfig({ EVENTSTORE_STREAM_PREFIX: 'staging_' }).EVENTSTORE_STREAM_PREFIX).toBe(
      'staging_',
    );
    for (const prefix of ['staging-', '$all', 'x'.repeat(65)]) {
      expect(() => loadConfig({ EVENTSTORE_STREAM_PREFIX: prefix })).toThrow(
        /EVENTSTORE_STREAM_PREFIX must be at most 64 letters/,
      );
    }
  });

  it('reads the settings given', () => {
    const config = loadConfig({
      PORT: '8080',
      DATA_DIR: '/var/lib/cw',
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
      AUTH_JWT_SECRET: 's'.repeat(32),
    });
    expect(config).toMatchObject({
      PORT: 8080,
      DATA_DIR: '/var/lib/cw',
      AUTH_JWT_SECRET: 's'.repeat(32),
    });
    expect(config.EVENTSTORE_CONNECTION_STRING).toBe('esdb://localhost:2113?tls=false');
  });

  it('treats an empty optional setting as unset', () => {
    expect(loadConfig({ EVENTSTORE_CONNECTION_STRING: '', AUTH_JWT_SECRET: ' ' })).toMatchObject({
      EVENTSTORE_CONNECTION_STRING: undefined,
      AUTH_JWT_SECRET: undefined,
    });
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be a whole number \(got "abc"\)$/],
    [{ PORT: '70000' }, /^PORT must be between 1 and 65535/],
    [{ AUTH_JWT_SECRET: 'short' }, /^AUTH_JWT_SECRET must be at least 32 characters/],
    [
      { EVENTSTORE_CONNECTION_STRING: 'http://x' },
      /^EVENTSTORE_CONNECTION_STRING must be an EventStoreDB connection string/,
    ],
    [{ EVENTSTORE_SQLITE_SYNCHRONOUS: 'OFF' }, /^EVENTSTORE_SQLITE_SYNCHRONOUS /],
    [{ EVENTSTORE_SQLITE_WRITER: 'process' }, /^EVENTSTORE_SQLITE_WRITER /],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL /],
    [{ INVITATION_TTL_DAYS: '0' }, /^INVITATION_TTL_DAYS must be between 1 and 365/],
    [{ PUBLIC_BASE_URL: 'ftp://x' }, /^PUBLIC_BASE_URL must be an http\(s\) URL/],
    [{ RATE_LIMIT_PER_MINUTE: '-1' }, /^RATE_LIMIT_PER_MINUTE must be 0 \(off\) or more/],
    [{ RATE_LIMIT_PER_MINUTE: 'lots' }, /^RATE_LIMIT_PER_MINUTE must be a whole number/],
    [{ READ_MODEL_WAIT_MS: '60001' }, /^READ_MODEL_WAIT_MS must be between 0 and 60000/],
    [{ READ_MODELS_THREAD: 'both' }, /^READ_MODELS_THREAD /],
    [{ READ_MODEL_MMAP_MB: '2048' }, /^READ_MODEL_MMAP_MB must be between 0 and 2047/],
    [{ READ_MODEL_MMAP_MB: '1.5' }, /^READ_MODEL_MMAP_MB must be a whole number of mebibytes/],
    [{ GDAP_TRANSITIONS: 'maybe' }, /^GDAP_TRANSITIONS must be on or off/],
    [{ GDAP_TRANSITIONS_MAX_SLEEP_MS: '5' }, /^GDAP_TRANSITIONS_MAX_SLEEP_MS must be between 10/],
    [{ WEBHOOKS_ALLOW_HTTP: 'yes' }, /^WEBHOOKS_ALLOW_HTTP must be true or false \(got "yes"\)$/],
    [{ WEBHOOKS_ALLOWED_HOSTS: 'localhost,a b' }, /^WEBHOOKS_ALLOWED_HOSTS .*; not "a b"/],
    [{ WEBHOOKS_ALLOWED_HOSTS: '10.0.0.0/33' }, /^WEBHOOKS_ALLOWED_HOSTS .*; not "10.0.0.0\/33"/],
    [{ WEBHOOKS_ALLOWED_HOSTS: '::1/129' }, /^WEBHOOKS_ALLOWED_HOSTS .*; not "::1\/129"/],
    [{ WEBHOOKS_ALLOWED_HOSTS: 'http://x' }, /^WEBHOOKS_ALLOWED_HOSTS .*; not "http:\/\/x"/],
    [{ WEBHOOKS_RETRY_SCHEDULE: '1,x' }, /^WEBHOOKS_RETRY_SCHEDULE must be comma-separated pauses/],
    [{ WEBHOOKS_RETRY_SCHEDULE: '1,,2' }, /^WEBHOOKS_RETRY_SCHEDULE must be comma-separated/],
    [{ WEBHOOKS_RETRY_SCHEDULE: '-1' }, /^WEBHOOKS_RETRY_SCHEDULE must be comma-separated/],
    [{ WEBHOOKS_TIMEOUT_MS: '99' }, /^WEBHOOKS_TIMEOUT_MS must be between 100 and 60000/],
    [{ WEBHOOKS_TIMEOUT_MS: '60001' }, /^WEBHOOKS_TIMEOUT_MS must be between 100 and 60000/],
    [{ WEBHOOKS_TIMEOUT_MS: '1.5' }, /^WEBHOOKS_TIMEOUT_MS must be a whole number/],
    [{ WEBHOOKS_SECRET_KEY: 'c2hvcnQ=' }, /^WEBHOOKS_SECRET_KEY must be the base64 or base64url/],
    [
      { WEBHOOKS_SECRET_KEY: Buffer.alloc(33).toString('base64') },
      /^WEBHOOKS_SECRET_KEY must be the base64 or base64url of exactly 32 bytes$/,
    ],
    [{ WEBHOOKS_DELIVERY: 'yes' }, /^WEBHOOKS_DELIVERY must be on or off/],
    [{ AUDIT_TREE: 'false' }, /^AUDIT_TREE must be on or off/],
  ])('refuses %j with a message naming the setting', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).problems).toEqual([expect.stringMatching(message)]);
  });

  it('reads the webhook settings: allowance of http, allowed hosts, schedule, timeout, key', () => {
    const key = Buffer.alloc(32, 0xfb);
    const config = loadConfig({
      WEBHOOKS_ALLOW_HTTP: 'true',
      WEBHOOKS_ALLOWED_HOSTS: ' 127.0.0.1, ::1,10.0.0.0/8 ,fd00::/8,hooks.internal, ',
      WEBHOOKS_RETRY_SCHEDULE: '1, 2.5,300',
      WEBHOOKS_TIMEOUT_MS: '100',
      WEBHOOKS_SECRET_KEY: key.toString('base64url'),
      WEBHOOKS_DELIVERY: 'off',
    });
    expect(config).toMatchObject({
      WEBHOOKS_ALLOW_HTTP: true,
      WEBHOOKS_ALLOWED_HOSTS: ['127.0.0.1', '::1', '10.0.0.0/8', 'fd00::/8', 'hooks.internal'],
      WEBHOOKS_RETRY_SCHEDULE: [1, 2.5, 300],
      WEBHOOKS_TIMEOUT_MS: 100,
      WEBHOOKS_SECRET_KEY: key.toString('base64url'),
      WEBHOOKS_DELIVERY: 'off',
    });
    expect(loadConfig({ WEBHOOKS_SECRET_KEY: key.toString('base64') }).WEBHOOKS_SECRET_KEY).toBe(
      key.toString('base64'),
    );
    expect(loadConfig({ WEBHOOKS_ALLOW_HTTP: 'false' }).WEBHOOKS_ALLOW_HTTP).toBe(false);
    expect(loadConfig({ WEBHOOKS_RETRY_SCHEDULE: ' ' }).WEBHOOKS_RETRY_SCHEDULE).toBeUndefined();
    expect(loadConfig({ WEBHOOKS_ALLOWED_HOSTS: '' }).WEBHOOKS_ALLOWED_HOSTS).toEqual([]);
  });

  it('never repeats a key in its start-up error', () => {
    const bad = 'not-a-key-but-still-secret';
    for (const name of ['WEBHOOKS_SECRET_KEY', 'AUTH_JWT_SECRET']) {
      expect(() => loadConfig({ [name]: bad })).toThrow(
        new RegExp(`^Invalid configuration: ${name} `),
      );
      expect(() => loadConfig({ [name]: bad })).not.toThrow(bad);
    }
  });

  it('reports every bad setting at once', () => {
    expect(() => loadConfig({ PORT: '0', LOG_LEVEL: 'x' })).toThrow(/PORT .*; LOG_LEVEL /);
  });
});
