import { ProjectionFailed } from './batch-applier.js';

/** Where a projection stands; `failure` names the event it is stopped at. */
export interface ProjectionStatus {
  readonly name: string;
  readonly state: 'starting' | 'running' | 'failed' | 'stopped';
  readonly position: bigint | undefined;
  readonly failure?: {
    readonly message: string;
    readonly since: string;
    readonly event?: { eventId: string; type: string; streamId: string; position: string };
  };
}

/** What `status()` shows of a failure: its message and, for an event it cannot apply, the event. */
export function failureOf(error: unknown, since: string): NonNullable<ProjectionStatus['failure']> {
  const event = error instanceof ProjectionFailed ? error.event : undefined;
  return {
    message: (error as Error)?.message ?? String(error),
    since,
    ...(event && {
      event: {
        eventId: event.eventId,
        type: event.type,
        streamId: event.streamId,
        position: event.position.toString(),
      },
    }),
  };
}
