import type { DomainEvent } from '@customer-workspace/kernel';

/** Who performed a command: the claims of the caller's token. */
export interface Actor {
  readonly userId: string;
  readonly upn: string;
  readonly role: string;
}

/**
 * Metadata every stored event carries (docs/architecture.md#event-envelope, docs/product.md rule 4).
 * `occurredAt` is an ISO-8601 instant; `schemaVersion` is the version of the event's data shape,
 * per event type (the domain declares each type's current version and upcasters from older ones;
 * the store hands readers every event at its current version, see `Upcasters`).
 */
export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: Actor;
  readonly partnerId: string;
  readonly customerId?: string;
  readonly occurredAt: string;
  readonly schemaVersion: number;
}

/** An event about to be appended. `eventId` is a UUID chosen by the writer (idempotency). */
export interface NewEvent<TType extends string = string, TData = unknown> {
  readonly eventId: string;
  readonly type: TType;
  readonly data: TData;
  readonly metadata: EventMetadata;
}

/** An event as stored: its stream, its revision in the stream and its global position. */
export interface RecordedEvent<TType extends string = string, TData = unknown> extends NewEvent<
  TType,
  TData
> {
  readonly streamId: string;
  /** Zero-based revision of the event inside its stream. */
  readonly revision: bigint;
  /** Position in the global order of all events; strictly increasing, not necessarily dense. */
  readonly position: bigint;
  /**
   * `data` and `metadata` as the store holds them, when the read asked for them
   * (`ReadAllOptions.storedJson`) and the store keeps JSON text (the embedded store: RFC 8785
   * text since it writes it so). A verifier hashes these without parsing.
   */
  readonly storedJson?: StoredJson;
}

/** An event's data and metadata as JSON text, as stored. */
export interface StoredJson {
  readonly data: string;
  readonly metadata: string;
}

/**
 * A stored domain event, narrowed by its type: `RecordedOf<CustomerAdded | TagCreated>` is a
 * union a `switch (event.type)` narrows, data included.
 */
export type RecordedOf<TEvent extends DomainEvent> = TEvent extends DomainEvent
  ? RecordedEvent<TEvent['type'], TEvent['data']>
  : never;
