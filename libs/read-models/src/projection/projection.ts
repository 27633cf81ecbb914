import type Database from 'better-sqlite3';
import type { DomainEvent } from '@customer-workspace/kernel';
import type { RecordedOf } from '@customer-workspace/event-store';

/**
 * Applies one event to a read model's rows, inside the batch's transaction. Typed by the
 * events it handles, it receives them narrowed: `switch (event.type)` narrows `event.data`.
 */
export type ApplyEvent<TEvent extends DomainEvent = DomainEvent> = (
  event: RecordedOf<TEvent>,
) => void;

/**
 * A read model: its tables and how each event changes its rows. `apply` must be deterministic
 * and write nothing but its own database: a rebuild replays it from the first event, and the
 * runner commits its rows together with the checkpoint. Events it does not know are ignored.
 *
 * The runner, rebuilds and the CLI take `Projection`, whatever it handles. A projection typed
 * by its events (`Projection<TEvent>`) is declared with `defineProjection`, which gives its
 * `apply` only the types it lists.
 */
export interface Projection<TEvent extends DomainEvent = DomainEvent> {
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
  /**
   * Optional: the event types after which the read model must keep no copy of what `apply`
   * overwrote (an erasure scrubbing personal data, docs/product.md rule 8). Its file is then
   * written with `secure_delete` (freed space zeroed), and after a batch holding one of them
   * commits, the WAL is checkpointed and truncated, so no older page survives in it.
   */
  readonly erasures?: readonly string[];
  /** Prepares the statements once per connection and returns the function applying an event. */
  prepare(db: Database.Database): ApplyEvent<TEvent>;
}

/** A projection typed by the events it handles, and the list of their types. */
export interface ProjectionDefinition<TEvent extends DomainEvent> extends Projection<TEvent> {
  /**
   * Every type `apply` handles; other events never reach it. Their positions still advance the
   * checkpoint (a read-your-writes wait may name any event), so the filter runs here, not on
   * the subscription.
   */
  readonly handles: readonly TEvent['type'][];
}

/**
 * The events of `TAll` that `TTypes` lists: derive a projection's event type from its list, so
 * the two cannot disagree (`HandledEvent<CustomersDomainEvent, typeof CUSTOMER_LIST_EVENTS>`).
 */
export type HandledEvent<TAll extends DomainEvent, TTypes extends readonly string[]> = Extract<
  TAll,
  { readonly type: TTypes[number] }
>;

/**
 * A projection the runner can run, from one typed by its events: its `apply` gets only the
 * types `handles` lists (one set lookup per event), narrowed, so its `switch` can be exhaustive
 * (`default: assertNever(event)`).
 */
export function defineProjection<TEvent extends DomainEvent>(
  definition: ProjectionDefinition<TEvent>,
): Projection {
  const handled: ReadonlySet<string> = new Set(definition.handles);
  const { name, version, deferredSchema, erasures } = definition;
  return {
    name,
    version,
    ...(deferredSchema !== undefined && { deferredSchema }),
    ...(erasures !== undefined && { erasures }),
    createSchema: (db) => definition.createSchema(db),
    prepare: (db) => {
      const apply = definition.prepare(db);
      return (event) => {
        if (handled.has(event.type)) apply(event as RecordedOf<TEvent>);
      };
    },
  };
}
