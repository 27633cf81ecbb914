import { Presets, SingleBar } from 'cli-progress';
import type { CatchUpProgress } from '@customer-workspace/read-models';
import type { CliOutput } from './cli-command.js';
import { formatEta, formatProgressLine, progressStats } from './rebuild-progress.js';

/** Shows the progress of one rebuild. */
export interface ProgressReporter {
  update(progress: CatchUpProgress): void;
  /** Ends the display (also after a failure or an interruption). */
  stop(): void;
}

export interface LineReporterOptions {
  /** A line at least this often (ms)... */
  readonly everyMs?: number;
  /** ...and whenever another step of this many percent is done. */
  readonly everyPercent?: number;
  readonly now?: () => number;
}

/**
 * Plain lines for logs and pipes (no terminal): one every `everyPercent` percent or
 * `everyMs`, whichever comes first, so a long rebuild still shows signs of life.
 */
export function lineReporter(
  name: string,
  out: CliOutput,
  options: LineReporterOptions = {},
): ProgressReporter {
  const { everyMs = 2000, everyPercent = 10, now = Date.now } = options;
  const started = now();
  let lastLineAt = started;
  let lastStep = 0;
  return {
    update(progress) {
      const at = now();
      const stats = progressStats(progress, at - started);
      const step = Math.floor(stats.percent / everyPercent);
      if (step <= lastStep && at - lastLineAt < everyMs) return;
      lastStep = step;
      lastLineAt = at;
      out.write(`${formatProgressLine(name, stats)}\n`);
    },
    stop() {},
  };
}

/** A progress bar on a terminal: done/total, percent, rate and ETA, redrawn in place. */
export function barReporter(
  name: string,
  out: CliOutput,
  now: () => number = Date.now,
): ProgressReporter {
  const bar = new SingleBar(
    {
      stream: out,
      format: `${name} {bar} {percentage}% | {value}/{total} events | {rate} events/s | ETA {etaText}`,
      hideCursor: true,
      // The command handles SIGINT itself (it must delete the building file first).
      gracefulExit: false,
    },
    Presets.shades_classic,
  );
  const started = now();
  let running = false;
  return {
    update(progress) {
      const stats = progressStats(progress, now() - started);
      const payload = { rate: Math.round(stats.rate), etaText: formatEta(stats.etaSeconds) };
      if (!running) {
        bar.start(stats.total, stats.done, payload);
        running = true;
        return;
      }
      bar.setTotal(stats.total);
      bar.update(stats.done, payload);
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}

/** A bar on a terminal, plain lines otherwise. */
export function progressReporter(name: string, out: CliOutput): ProgressReporter {
  return out.isTTY ? barReporter(name, out) : lineReporter(name, out);
}
