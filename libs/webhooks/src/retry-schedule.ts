/**
 * The pauses between a delivery's attempts, in seconds: about 5 s, 5 min, 30 min, 2 h, 5 h,
 * 10 h, 14 h, 20 h and 24 h. An endpoint that fails all of them is disabled.
 */
export const DEFAULT_RETRY_SCHEDULE: readonly number[] = [
  5,
  5 * 60,
  30 * 60,
  2 * 3600,
  5 * 3600,
  10 * 3600,
  14 * 3600,
  20 * 3600,
  24 * 3600,
];

/** The longest pause an endpoint's `Retry-After` can ask for. */
export const MAX_RETRY_AFTER_SECONDS = 24 * 3600;

/** A `WEBHOOKS_RETRY_SCHEDULE` that is not a comma-separated list of pauses in seconds. */
export class InvalidRetrySchedule extends Error {
  constructor(value: string) {
    super(
      `WEBHOOKS_RETRY_SCHEDULE must be comma-separated pauses in seconds, such as "1,2,5" (got ${JSON.stringify(value)})`,
    );
    this.name = 'InvalidRetrySchedule';
  }
}

/** `WEBHOOKS_RETRY_SCHEDULE` (e.g. `1,2,5` in tests); unset or blank: the default schedule. */
export function parseRetrySchedule(value: string | undefined): readonly number[] {
  if (value === undefined || value.trim() === '') return DEFAULT_RETRY_SCHEDULE;
  const pauses = value.split(',').map((part) => part.trim());
  if (!pauses.every((part) => /^\d+(\.\d+)?$/.test(part))) throw new InvalidRetrySchedule(value);
  return pauses.map(Number);
}

/**
 * When to try again after failed attempt number `attempt` (1-based), or undefined when the
 * schedule is spent. A `Retry-After` the endpoint sent (429, 503) is honoured when it asks
 * for longer (a day at most); the schedule's pause gets ±10 % jitter so that endpoints recovering together are
 * not all tried in the same second.
 */
export function nextAttemptAt(
  schedule: readonly number[],
  attempt: number,
  now: Date,
  retryAfterSeconds?: number,
  random: () => number = Math.random,
): Date | undefined {
  const pause = schedule[attempt - 1];
  if (pause === undefined) return undefined;
  const jittered = pause * (0.9 + 0.2 * random());
  // An endpoint may ask for more time, but for a day at most.
  const seconds = Math.max(jittered, Math.min(retryAfterSeconds ?? 0, MAX_RETRY_AFTER_SECONDS));
  return new Date(now.getTime() + Math.round(seconds * 1000));
}

/** A `Retry-After` header (delta seconds or an HTTP date) as seconds from `now`; else undefined. */
export function retryAfterSeconds(header: string | undefined, now: Date): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, (at - now.getTime()) / 1000);
}
