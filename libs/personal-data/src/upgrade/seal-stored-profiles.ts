import type { EventStore, RecordedEvent, StoredEventChange } from '@customer-workspace/event-store';
import type { PersonalDataKeys } from '../keys/personal-data-keys.js';
import { ProfileSealing } from '../sealing/profile-sealing.js';
import { EventProfiles } from '../store/event-profiles.js';

/** The audit tree already covers events that would be rewritten: their leaves would break. */
export class AuditTreeCoversClearProfiles extends Error {
  constructor(
    readonly first: bigint,
    readonly leaves: number,
  ) {
    super(
      `The audit tree already holds ${leaves} leaf(s) at or after position ${first}, the first ` +
        'event with a billing profile stored in clear: rewriting it would break every proof ' +
        'over it. Nothing was rewritten. (Rewriting history is only possible before the audit ' +
        'tree first covers it.)',
    );
    this.name = 'AuditTreeCoversClearProfiles';
  }
}

/** What a pass over the stored events found (or sealed). */
export interface ClearProfilesReport {
  /** Events holding a billing profile in clear. */
  readonly events: number;
  /** The positions of the first and last of them. */
  readonly first?: bigint;
  readonly last?: bigint;
}

export interface SealStoredProfilesOptions {
  /** The events exactly as stored (scoped, not upcast): what is rewritten. */
  readonly stored: EventStore;
  readonly keys: PersonalDataKeys;
  /** Writes a batch of new event data in place (the embedded store's `StoredEventRewriter`). */
  readonly rewrite: (changes: readonly StoredEventChange[]) => void;
  /** How many audit-tree leaves lie at or after `position` (none when there is no tree). */
  readonly auditLeavesFrom?: (position: bigint) => number;
  readonly batchSize?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { position: bigint; head: bigint; events: number }) => void;
}

/** The events of `stored` holding a billing profile in clear (written before sealing). */
export async function findClearProfiles(
  stored: EventStore,
  keys: PersonalDataKeys,
): Promise<ClearProfilesReport> {
  const profiles = new EventProfiles(new ProfileSealing(keys));
  let report: ClearProfilesReport = { events: 0 };
  for await (const event of stored.readAll()) {
    if (profiles.clearFields(event).length > 0) report = counted(report, event);
  }
  return report;
}

/**
 * Seals, in place, every billing profile stored in clear: each event's profiles sealed as the
 * sealing layer would have sealed them on append (same key per customer, the event's identity
 * as associated data), its id, position and revision unchanged. Keys are created and synced
 * before the batch that uses them is written. Refused, with nothing written, when the audit
 * tree already covers the first such event.
 */
export async function sealStoredProfiles(
  options: SealStoredProfilesOptions,
): Promise<ClearProfilesReport> {
  const { stored, keys } = options;
  const found = await findClearProfiles(stored, keys);
  if (found.first === undefined) return found;
  const leaves = options.auditLeavesFrom?.(found.first) ?? 0;
  if (leaves > 0) throw new AuditTreeCoversClearProfiles(found.first, leaves);
  const profiles = new EventProfiles(new ProfileSealing(keys));
  const head = await stored.headPosition();
  const batchSize = options.batchSize ?? 500;
  let batch: StoredEventChange[] = [];
  let report: ClearProfilesReport = { events: 0 };
  const flush = (position: bigint) => {
    options.signal?.throwIfAborted();
    if (batch.length > 0) options.rewrite(batch);
    batch = [];
    options.onProgress?.({ position, head, events: report.events });
  };
  for await (const event of stored.readAll({ fromPosition: found.first })) {
    if (profiles.clearFields(event).length === 0) continue;
    const sealed = await profiles.sealed(event.streamId, event);
    batch.push({ position: event.position, eventId: event.eventId, data: sealed.data });
    report = counted(report, event);
    if (batch.length >= batchSize) flush(event.position);
  }
  flush(head);
  return report;
}

function counted(report: ClearProfilesReport, event: RecordedEvent): ClearProfilesReport {
  return { events: report.events + 1, first: report.first ?? event.position, last: event.position };
}
