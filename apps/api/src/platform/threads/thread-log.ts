/** A log line of a worker thread, written by the main thread's logger. */
export interface ThreadLog {
  readonly type: 'log';
  readonly level: 'error' | 'warn';
  readonly details: Record<string, unknown>;
  readonly message: string;
}

/** A logger as the runners and followers take one. */
export interface ThreadLogger {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** An error as a message can carry it (its class is lost on the way, its words are not). */
export function errorDetails(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  return { type: error.name, message: error.message, stack: error.stack };
}

/** In a worker: a logger that posts each line to the main thread (`err` made cloneable). */
export function postingLogger(post: (log: ThreadLog) => void): ThreadLogger {
  const at =
    (level: 'error' | 'warn') =>
    (details: object, message: string): void => {
      const { err, ...rest } = details as { err?: unknown };
      const withError = err === undefined ? rest : { ...rest, err: errorDetails(err) };
      post({ type: 'log', level, message, details: withError });
    };
  return { error: at('error'), warn: at('warn') };
}
