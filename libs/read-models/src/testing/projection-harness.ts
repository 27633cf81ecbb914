import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@customer-workspace/event-store';
import { testMetadata } from '@customer-workspace/event-store/testing';
import { type BatchApplier, createBatchApplier } from '../projection/batch-applier.js';
import type { Projection } from '../projection/projection.js';
import { openReadModelForWriting } from '../projection/read-model-database.js';

/** A domain event as a test writes it; `at` sets `metadata.occurredAt`. */
export interface GivenEvent {
  readonly type: string;
  readonly data: unknown;
  readonly at?: string;
  readonly partnerId?: string;
}

/**
 * Given/when/then for projections: events in (numbered positions, like the store), rows out.
 * `given` applies events in one batch each call, as the runner would.
 */
export class ProjectionHarness {
  readonly db: Database.Database;
  private readonly dir = mkdtempSync(join(tmpdir(), 'cw-projection-'));
  private readonly applier: BatchApplier;
  private position = 0n;
  /** The next revision of each stream, so events of one stream get 0, 1, 2… like the store. */
  private readonly revisions = new Map<string, bigint>();

  constructor(projection: Projection) {
    this.db = openReadModelForWriting(join(this.dir, `${projection.name}.db`), projection);
    this.applier = createBatchApplier(this.db, projection);
  }

  given(...events: GivenEvent[]): this {
    this.applier(events.map((event) => this.recorded(event)));
    return this;
  }

  /** The position the next `given` event will get. */
  get nextPosition(): bigint {
    return this.position + 1n;
  }

  recorded(event: GivenEvent): RecordedEvent {
    this.position++;
    const data = event.data as { customerId?: string; partnerId?: string };
    const streamId = data.customerId ? `customer-${data.customerId}` : `partner-${data.partnerId}`;
    const revision = this.revisions.get(streamId) ?? 0n;
    this.revisions.set(streamId, revision + 1n);
    return {
      eventId: randomUUID(),
      type: event.type,
      data: event.data,
      metadata: testMetadata({
        occurredAt:
          event.at ?? new Date(Date.UTC(2026, 0, 1) + Number(this.position)).toISOString(),
        partnerId: event.partnerId ?? data.partnerId ?? 'partner-1',
      }),
      streamId,
      revision,
      position: this.position,
    };
  }

  close(): void {
    this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
