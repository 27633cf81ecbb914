import { z } from 'zod';

const port = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

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
    const got = env[name];
    return `${name} ${issue.message}${got === undefined ? '' : ` (got ${JSON.stringify(got)})`}`;
  });
  throw new ConfigurationError(problems);
}
