import type { CatchUpProgress } from '@customer-workspace/read-models';

/** How far a rebuild has come, in events, and how fast it goes. */
export interface ProgressStats {
  readonly done: number;
  /** Exact for the embedded store (positions count events); estimated for EventStoreDB. */
  readonly total: number;
  /** Whole percent, 100 only once the head is reached. */
  readonly percent: number;
  /** Events per second since the start. */
  readonly rate: number;
  /** Seconds left at the current rate; undefined before any rate is known. */
  readonly etaSeconds: number | undefined;
}

/** The stats of a rebuild that has reached `progress` after `elapsedMs`. */
export function progressStats(progress: CatchUpProgress, elapsedMs: number): ProgressStats {
  const { position, head, events: done } = progress;
  const fraction = head > 0n ? Math.min(1, Number(position) / Number(head)) : 1;
  // EventStoreDB positions are byte offsets: the share of the log read estimates the total.
  const total = fraction > 0 ? Math.max(done, Math.round(done / fraction)) : done;
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const etaSeconds = done >= total ? 0 : rate > 0 ? (total - done) / rate : undefined;
  return { done, total, percent: Math.floor(fraction * 100), rate, etaSeconds };
}

/** A duration for a human: `0s`, `42s`, `3m07s`, `2h05m` (rounded up: an ETA never says 0 early). */
export function formatEta(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '?';
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole}s`;
  if (whole < 3600) return `${Math.floor(whole / 60)}m${pad(whole % 60)}s`;
  return `${Math.floor(whole / 3600)}h${pad(Math.floor((whole % 3600) / 60))}m`;
}

/** Elapsed time with tenths under a minute (`2.3s`), else like `formatEta`. */
export function formatElapsed(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)}s` : formatEta(ms / 1000);
}

/** `customer-list: 120000/200000 events (60%), 85000 events/s, ETA 1s` */
export function formatProgressLine(name: string, stats: ProgressStats): string {
  return (
    `${name}: ${stats.done}/${stats.total} events (${stats.percent}%), ` +
    `${Math.round(stats.rate)} events/s, ETA ${formatEta(stats.etaSeconds)}`
  );
}

/** What one finished rebuild reports. */
export interface RebuildSummary {
  readonly name: string;
  readonly events: number;
  readonly durationMs: number;
  /** The new serving generation. */
  readonly file: string;
}

/** `customer-list: rebuilt 200000 events in 2.3s (86956 events/s), serving …/customer-list.x.db` */
export function formatSummary(summary: RebuildSummary): string {
  const rate = summary.durationMs > 0 ? (summary.events * 1000) / summary.durationMs : 0;
  return (
    `${summary.name}: rebuilt ${summary.events} events in ${formatElapsed(summary.durationMs)} ` +
    `(${Math.round(rate)} events/s), serving ${summary.file}`
  );
}

function pad(value: number): string {
  return value.toString().padStart(2, '0');
}
