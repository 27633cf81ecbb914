const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
type Signal = (typeof SIGNALS)[number];

/** The shell's convention: 128 + the signal's number. */
const EXIT_CODES: Record<Signal, number> = { SIGINT: 130, SIGTERM: 143 };

/** SIGINT / SIGTERM turned into an abort, so work can stop between steps and clean up. */
export interface Interruption {
  readonly signal: AbortSignal;
  /** The signal received, if any. */
  readonly by: Signal | undefined;
  /** 130 after SIGINT, 143 after SIGTERM. */
  readonly exitCode: number;
  /** Gives the signals back their default behaviour. */
  dispose(): void;
}

/**
 * Aborts on the first SIGINT or SIGTERM. A second one exits at once: the operator insists, and
 * whatever was left behind (a building file) is removed by the api's clean-up later.
 */
export function interruptOnSignals(): Interruption {
  const controller = new AbortController();
  let by: Signal | undefined;
  const handler = (signal: Signal): void => {
    if (by !== undefined) process.exit(EXIT_CODES[signal]);
    by = signal;
    controller.abort(new Error(`Interrupted by ${signal}`));
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return {
    signal: controller.signal,
    get by() {
      return by;
    },
    get exitCode() {
      return by === undefined ? 1 : EXIT_CODES[by];
    },
    dispose() {
      for (const signal of SIGNALS) process.off(signal, handler);
    },
  };
}
