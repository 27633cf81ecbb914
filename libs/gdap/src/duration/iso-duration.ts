/**
 * ISO 8601 durations of a fixed length, as GDAP reads them: a year is 365 days and a month 30
 * (the usual reading of `xs:duration` as a span of time, so `P2Y` is `P730D`), a week 7 days,
 * a day 24 hours; leap days and leap seconds never change a length. Only whole numbers: a
 * fraction (`P0.5D`), a sign (`-P1D`) or a lowercase designator is no duration here.
 */

const SECONDS_PER = { Y: 365 * 86_400, M: 30 * 86_400, W: 7 * 86_400, D: 86_400 } as const;

/** `PnYnMnDTnHnMnS`, each part optional but at least one, the `T` only before a time part. */
const CALENDAR =
  /^P(?:(\d{1,15})Y)?(?:(\d{1,15})M)?(?:(\d{1,15})D)?(?:T(?:(\d{1,15})H)?(?:(\d{1,15})M)?(?:(\d{1,15})S)?)?$/;
/** `PnW` stands alone in ISO 8601: weeks never combine with other parts. */
const WEEKS = /^P(\d{1,15})W$/;

/** A duration as a length in whole seconds, and its canonical text. */
export interface IsoDuration {
  readonly seconds: number;
  /** Days and a time part: `P730D`, `P1DT12H`, `PT0S` for zero (what `formatDuration` writes). */
  readonly canonical: string;
}

/** The duration `text` means, or undefined when it is not one this reading accepts. */
export function parseIsoDuration(text: string): IsoDuration | undefined {
  const weeks = WEEKS.exec(text);
  if (weeks) return fromSeconds(Number(weeks[1]) * SECONDS_PER.W);
  const parts = CALENDAR.exec(text);
  if (!parts || text === 'P' || text.endsWith('T')) return undefined;
  const [, years, months, days, hours, minutes, seconds] = parts;
  const n = (digits: string | undefined): number => Number(digits ?? 0);
  const total =
    n(years) * SECONDS_PER.Y +
    n(months) * SECONDS_PER.M +
    n(days) * SECONDS_PER.D +
    n(hours) * 3600 +
    n(minutes) * 60 +
    n(seconds);
  return fromSeconds(total);
}

function fromSeconds(seconds: number): IsoDuration | undefined {
  if (!Number.isSafeInteger(seconds)) return undefined;
  return { seconds, canonical: formatDuration(seconds) };
}

/** The canonical text of a length in whole seconds: days, then hours, minutes and seconds. */
export function formatDuration(seconds: number): string {
  if (!Number.isSafeInteger(seconds) || seconds < 0)
    throw new RangeError(`No duration lasts ${seconds} seconds`);
  if (seconds === 0) return 'PT0S';
  const days = Math.floor(seconds / 86_400);
  const rest = seconds % 86_400;
  const parts: [number, string][] = [
    [Math.floor(rest / 3600), 'H'],
    [Math.floor((rest % 3600) / 60), 'M'],
    [rest % 60, 'S'],
  ];
  const time = parts
    .filter(([amount]) => amount !== 0)
    .map(([amount, unit]) => `${amount}${unit}`)
    .join('');
  return `P${days > 0 ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

/**
 * The instant `duration` after `instant` (an ISO 8601 date-time), in UTC with milliseconds
 * (`toISOString`): plain arithmetic on the length, the same on every machine and time zone.
 */
export function addDuration(instant: string, duration: IsoDuration | string): string {
  const length = typeof duration === 'string' ? parseIsoDuration(duration) : duration;
  if (length === undefined) throw new RangeError(`${String(duration)} is no ISO 8601 duration`);
  return new Date(instantMs(instant) + length.seconds * 1000).toISOString();
}

/** Milliseconds since the epoch of an ISO 8601 date-time; a text that is none is a bug. */
export function instantMs(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`${instant} is no ISO 8601 date-time`);
  return ms;
}

/** The canonical form of an instant (UTC, milliseconds), so equal instants compare as text. */
export const canonicalInstant = (instant: string): string =>
  new Date(instantMs(instant)).toISOString();
