import { AppError } from './app-error.js';
import type { DomainEvent } from './decider.js';

/** An event's type and data as stored, with the schema version its data was written at. */
export interface VersionedEvent {
  readonly type: string;
  readonly data: unknown;
  readonly schemaVersion: number;
}

/**
 * One step in the history of an event type: turns `type` as written at `fromVersion` into the
 * shape of version `fromVersion + 1`. It may rename the type: the next step is then looked up
 * under the new name, at the next version.
 */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  upcast(event: DomainEvent): DomainEvent;
}

/** The current schema version of each event type a domain writes. */
export type SchemaVersions = Readonly<Record<string, number>>;

/** A stored event this build cannot turn into its current shape: it is never silently passed on. */
export class UnreadableEventVersion extends AppError {
  readonly kind = 'unavailable';
  constructor(
    readonly type: string,
    readonly schemaVersion: number,
    why: string,
    where = '',
  ) {
    super('event-version-unreadable', `Event ${type} v${schemaVersion}${where} ${why}`);
  }
}

/**
 * What a domain declares about the shapes of its events: the current schema version of each
 * type, and the upcasters from every older version. The event store applies it to every event
 * it reads, so deciders, projections and processes only ever see current shapes. Types it does
 * not know (another domain's, a test's) pass through as stored.
 */
export class Upcasters {
  private readonly current: ReadonlyMap<string, number>;
  /** Per type, its upcasters by the version they start from. */
  private readonly steps = new Map<string, Map<number, Upcaster>>();

  constructor(
    private readonly versions: SchemaVersions,
    private readonly upcasters: readonly Upcaster[] = [],
  ) {
    this.current = new Map(Object.entries(versions));
    for (const upcaster of upcasters) this.register(upcaster);
  }

  /**
   * One registry for the events of several domains (the customers', the webhooks'), so the
   * event store applies them all. A type two of them declare is refused: it would be ambiguous.
   */
  static merge(...registries: readonly Upcasters[]): Upcasters {
    const versions: Record<string, number> = {};
    for (const registry of registries)
      for (const [type, version] of Object.entries(registry.versions)) {
        if (type in versions) throw new TypeError(`Two domains declare the event type ${type}`);
        versions[type] = version;
      }
    return new Upcasters(
      versions,
      registries.flatMap((registry) => registry.upcasters),
    );
  }

  /** The version `type` is written at today, or undefined for a type this registry does not know. */
  currentVersion(type: string): number | undefined {
    return this.current.get(type);
  }

  /**
   * Whether `upcast` has anything to do: the hot path of every read, one map lookup. An event
   * without a version predates versioning and counts as version 1.
   */
  needsUpcast(type: string, schemaVersion: number | undefined): boolean {
    const current = this.current.get(type);
    if (current !== undefined) return (schemaVersion ?? 1) !== current;
    return this.steps.has(type);
  }

  /**
   * The event in its current shape, step by step. Throws `UnreadableEventVersion` for a version
   * newer than this build knows (written by a later build) or one no upcaster starts from.
   * `where` names the stored event in the error.
   */
  upcast(event: VersionedEvent, where = ''): VersionedEvent {
    let { type, data, schemaVersion } = event;
    for (;;) {
      const current = this.current.get(type);
      if (schemaVersion === current) return { type, data, schemaVersion };
      if (current !== undefined && schemaVersion > current)
        throw new UnreadableEventVersion(type, schemaVersion, newer(current), where);
      const step = this.steps.get(type)?.get(schemaVersion);
      if (!step) {
        // Not one of ours, untouched: as stored. A chain that ends anywhere else is a gap.
        if (current === undefined && schemaVersion === event.schemaVersion) return event;
        throw new UnreadableEventVersion(type, schemaVersion, missing(current), where);
      }
      ({ type, data } = step.upcast({ type, data }));
      schemaVersion++;
    }
  }

  private register(upcaster: Upcaster): void {
    const { type, fromVersion } = upcaster;
    const current = this.current.get(type);
    if (!Number.isInteger(fromVersion) || fromVersion < 1)
      throw new TypeError(`An upcaster of ${type} starts from version ${fromVersion}`);
    if (current !== undefined && fromVersion >= current)
      throw new TypeError(`${type} is at v${current}: no upcaster starts from v${fromVersion}`);
    const byVersion = this.steps.get(type) ?? new Map<number, Upcaster>();
    if (byVersion.has(fromVersion))
      throw new TypeError(`Two upcasters of ${type} start from v${fromVersion}`);
    this.steps.set(type, byVersion.set(fromVersion, upcaster));
  }
}

function newer(current: number): string {
  return `is newer than this build knows (v${current}): it was written by a later build; run that one (or a later one)`;
}

function missing(current: number | undefined): string {
  const target = current === undefined ? 'a type this build knows' : `v${current}`;
  return `has no upcaster towards ${target}`;
}
