import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CustomersDomainEvent } from '@customer-workspace/customers';
import type { EventMetadata, RecordedEvent } from '@customer-workspace/event-store';
import { testMetadata } from '@customer-workspace/event-store/testing';
import { type BatchApplier, createBatchApplier } from '../../projection/batch-applier.js';
import { openReadModelForWriting } from '../../projection/read-model-database.js';
import { activityLogProjection } from '../activity-log.projection.js';

/** An event of the domain, or any other type (the log must ignore foreign events). */
export type GivenEvent = CustomersDomainEvent | { type: string; data: unknown };

/**
 * A fresh activity-log read model in a temporary file, fed like the runner feeds it (batches
 * through `createBatchApplier`), for given/when/then specs: events in, rows out.
 */
export class ActivityLogUnderTest {
  readonly dir = mkdtempSync(join(tmpdir(), 'cw-activity-'));
  readonly file = join(this.dir, 'activity-log.db');
  readonly db: Database.Database = openReadModelForWriting(this.file, activityLogProjection);
  private readonly applier: BatchApplier = createBatchApplier(this.db, activityLogProjection);
  private position = 0n;

  /** Applies the events as one batch; each gets the next position and `metadata` overrides. */
  given(events: readonly GivenEvent[], metadata: Partial<EventMetadata> = {}): bigint[] {
    const recorded = events.map((event) => this.record(event, metadata));
    this.applier(recorded);
    return recorded.map((event) => event.position);
  }

  /** Every stored entry's columns, oldest first (what the projection wrote). */
  rows(): Record<string, unknown>[] {
    return this.db
      .prepare('SELECT * FROM activity_entries ORDER BY position, partner_id')
      .safeIntegers(true)
      .all() as Record<string, unknown>[];
  }

  close(): void {
    this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private record(event: GivenEvent, metadata: Partial<EventMetadata>): RecordedEvent {
    this.position += 1n;
    return {
      eventId: randomUUID(),
      type: event.type,
      data: event.data,
      metadata: testMetadata(metadata),
      streamId: 'test-1',
      revision: this.position - 1n,
      position: this.position,
    };
  }
}

/** A billing profile as the domain records it. */
export function billingProfile(email: string) {
  return {
    companyName: 'Contoso a.s.',
    email,
    defaultAddress: {
      addressLine1: 'Vinohradská 12',
      city: 'Praha',
      postalCode: '12000',
      country: 'CZ',
    },
  };
}
