import type { ProjectionStatus } from '@customer-workspace/read-models';

/** What the projection thread needs to open the store and the read models (its `workerData`). */
export interface ProjectionThreadSettings {
  readonly dataDir: string;
  readonly personalDataKeysDir: string;
  readonly connectionString: string | undefined;
  readonly streamPrefix: string | undefined;
}

/** A log line of the projection thread, written by the parent's logger. */
export interface ThreadLog {
  readonly type: 'log';
  readonly level: 'error' | 'warn';
  readonly details: Record<string, unknown>;
  readonly message: string;
}

/** From the projection thread to the api's main thread. */
export type FromProjectionThread =
  | { readonly type: 'status'; readonly status: ProjectionStatus; readonly file: string }
  | { readonly type: 'checkpoint'; readonly name: string; readonly position: bigint }
  | ThreadLog;

/** From the main thread: it appended events (wake up now), or shut down. */
export type ToProjectionThread = { readonly type: 'appended' } | { readonly type: 'stop' };

/** An error as a message can carry it (its class is lost on the way, its words are not). */
export function errorDetails(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  return { type: error.name, message: error.message, stack: error.stack };
}
