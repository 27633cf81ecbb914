import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@customer-workspace/event-store';

/** Applies one event to a read model's rows, inside the batch's transaction. */
export type ApplyEvent = (event: RecordedEvent) => void;

/**
 * A read model: its tables and how each event changes its rows. `apply` must be deterministic
 * and write nothing but its own database: a rebuild replays it from the first event, and the
 * runner commits its rows together with the checkpoint. Events it does not know are ignored.
 */
export interface Projection {
  /** File-name safe: `customer-list`, `activity-log`. */
  readonly name: string;
  /** Bump when the tables or the meaning of rows change: a file of another version is rebuilt. */
  readonly version: number;
  /** Creates the tables and indexes of a new, empty read-model file. */
  createSchema(db: Database.Database): void;
  /**
   * Optional: what `apply` never reads but queries do (secondary indexes, full-text indexes,
   * triggers, counters), as SQL that creates it and fills it from the tables `createSchema`
   * made. A new file gets it right after `createSchema`; a rebuild runs it once after loading
   * every event, which is several times faster than keeping it up row by row. It must leave
   * the same rows either way.
   */
  readonly deferredSchema?: string;
  /** Prepares the statements once per connection and returns the function applying an event. */
  prepare(db: Database.Database): ApplyEvent;
}
