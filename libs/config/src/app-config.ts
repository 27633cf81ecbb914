import { z } from 'zod';
import { isWebhookHostEntry, isWebhookSecretKey } from './webhook-settings.js';

const port = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

/** A comma-separated list: entries trimmed, empty ones dropped; unset or blank: none. */
const commaSeparated = z.string().transform((value) =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== ''),
);

/** Settings whose value a start-up error never repeats: they are keys. */
const SECRET_SETTINGS = new Set(['AUTH_JWT_SECRET', 'WEBHOOKS_SECRET_KEY', 'AUDIT_SIGNING_KEY']);

/** Every setting of the api, read from the environment (README: Configuration). */
export const appConfigSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  AUTH_JWT_SECRET: optionalText.refine((value) => value === undefined || value.length >= 32, {
    message: 'must be at least 32 characters (an HS256 key)',
  }),
  EVENTSTORE_CONNECTION_STRING: optionalText.refine(
    (value) =>
      value === undefined ||
      /^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover|kdb|kdb\+discover):\/\/.+/.test(value),
    {
      message: 'must be an EventStoreDB connection string such as esdb://localhost:2113?tls=false',
    },
  ),
  /** Prefixed to every stream this deployment writes and reads, so deployments share a node. */
  EVENTSTORE_STREAM_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:]{0,64}$/, 'must be at most 64 letters, digits, "_", "." or ":" (no "-")')
    .default(''),
  EVENTSTORE_SQLITE_SYNCHRONOUS: z.enum(['FULL', 'EXTRA', 'NORMAL']).default('FULL'),
  /** Where the api's embedded store commits: a writer thread of its own, or the request thread. */
  EVENTSTORE_SQLITE_WRITER: z.enum(['thread', 'inline']).default('thread'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024, 'must be at least 1024')
    .default(1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  INVITATION_TTL_DAYS: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be between 1 and 365')
    .max(365, 'must be between 1 and 365')
    .default(30),
  /** Requests per minute per partner (Partner Center allows 500 per tenant); 0 turns it off. */
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be 0 (off) or more')
    .default(500),
  /** Where the projections run: a worker thread of their own, or the request thread. */
  READ_MODELS_THREAD: z.enum(['worker', 'main']).default('worker'),
  /**
   * Mebibytes of each read model's file a query connection maps into memory (0: none; SQLite
   * maps at most ~2 GiB).
   */
  READ_MODEL_MMAP_MB: z.coerce
    .number({ error: 'must be a whole number of mebibytes' })
    .int('must be a whole number of mebibytes')
    .min(0, 'must be between 0 and 2047')
    .max(2047, 'must be between 0 and 2047')
    .default(1024),
  /** How long a query with `minPosition` waits for the read model to catch up. */
  READ_MODEL_WAIT_MS: z.coerce
    .number({ error: 'must be a whole number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(0, 'must be between 0 and 60000')
    .max(60_000, 'must be between 0 and 60000')
    .default(5000),
  PUBLIC_BASE_URL: optionalText.refine(
    (value) => value === undefined || /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(value),
    {
      message: 'must be an http(s) URL such as https://workspace.example.com',
    },
  ),
  /** Plain `http://` webhook targets too (development); otherwise `https://` only. */
  WEBHOOKS_ALLOW_HTTP: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true'),
  /** Loopback or private hosts webhooks may reach anyway: names, addresses or CIDR ranges. */
  WEBHOOKS_ALLOWED_HOSTS: commaSeparated
    .superRefine((entries, context) => {
      const bad = entries.filter((entry) => !isWebhookHostEntry(entry));
      if (bad.length > 0)
        context.addIssue({
          code: 'custom',
          message: `must be comma-separated host names, IP addresses or CIDR ranges, such as "127.0.0.1,10.0.0.0/8"; not ${bad.map((entry) => JSON.stringify(entry)).join(', ')}`,
        });
    })
    .default([]),
  /** The pauses between delivery attempts in seconds; unset: the default schedule. */
  WEBHOOKS_RETRY_SCHEDULE: optionalText
    .refine(
      (value) =>
        value === undefined || value.split(',').every((part) => /^\d+(\.\d+)?$/.test(part.trim())),
      { message: 'must be comma-separated pauses in seconds, such as "1,2,5"' },
    )
    .transform((value) => value?.split(',').map((part) => Number(part.trim()))),
  /** How long one delivery attempt may take. */
  WEBHOOKS_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a whole number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(100, 'must be between 100 and 60000')
    .max(60_000, 'must be between 100 and 60000')
    .default(15_000),
  /** The AES-256 key sealing endpoint secrets in events (see `resolveWebhookKey`). */
  WEBHOOKS_SECRET_KEY: optionalText.refine(
    (value) => value === undefined || isWebhookSecretKey(value),
    { message: 'must be the base64 or base64url of exactly 32 bytes' },
  ),
  /**
   * Where the personal-data key store (`personal-data-keys.db`) lives; unset: `DATA_DIR`.
   * Api instances on one machine sharing an EventStoreDB must share it.
   */
  PERSONAL_DATA_KEYS_DIR: optionalText,
  /** Whether this instance delivers webhooks (`off`: it only serves the api). */
  WEBHOOKS_DELIVERY: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  /**
   * The Ed25519 key that signs audit checkpoints, as a note key
   * (`PRIVATE+KEY+<name>+<hash>+<key>`, see `resolveAuditSigner`).
   */
  AUDIT_SIGNING_KEY: optionalText.refine(
    (value) =>
      value === undefined || /^PRIVATE\+KEY\+[^\s+]+\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/.test(value),
    { message: 'must be a note signing key: PRIVATE+KEY+<name>+<8 hex digits>+<base64 key>' },
  ),
  /** How often the audit tree signs a checkpoint while it grows (0: after every batch). */
  AUDIT_CHECKPOINT_INTERVAL_MS: z.coerce
    .number({ error: 'must be a whole number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(0, 'must be between 0 and 3600000')
    .max(3_600_000, 'must be between 0 and 3600000')
    .default(10_000),
  /** Whether this instance keeps the audit tree (`off`: no checkpoints, proofs or leaf hashes). */
  AUDIT_TREE: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  /**
   * Whether this instance records GDAP relationships' expiries and auto-extensions (`off`: it
   * only serves the api). Several instances may: each transition is stored once.
   */
  GDAP_TRANSITIONS: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  /** The longest the GDAP transition process sleeps before it looks at the clock again. */
  GDAP_TRANSITIONS_MAX_SLEEP_MS: z.coerce
    .number({ error: 'must be a whole number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(10, 'must be between 10 and 3600000')
    .max(3_600_000, 'must be between 10 and 3600000')
    .default(60_000),
});

export type AppConfig = z.infer<typeof appConfigSchema>;

/** A setting is missing or malformed: start-up stops with a message naming each one. */
export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigurationError';
  }
}

/** Validates the environment; unknown variables are ignored, bad settings are all reported. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = appConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const got = SECRET_SETTINGS.has(name) ? undefined : env[name];
    return `${name} ${issue.message}${got === undefined ? '' : ` (got ${JSON.stringify(got)})`}`;
  });
  throw new ConfigurationError(problems);
}

/** The directory of the personal-data key store: `PERSONAL_DATA_KEYS_DIR`, else `DATA_DIR`. */
export function personalDataKeysDir(
  config: Pick<AppConfig, 'DATA_DIR' | 'PERSONAL_DATA_KEYS_DIR'>,
): string {
  return config.PERSONAL_DATA_KEYS_DIR ?? config.DATA_DIR;
}
