import type Database from 'better-sqlite3';
import {
  ACTIVITY_LOG_ACTIONS,
  type CustomersDomainEvent,
  type CustomersDomainEventType,
} from '@customer-workspace/customers';
import type { RecordedOf } from '@customer-workspace/event-store';
import {
  GDAP_RELATIONSHIP_EVENT_SCHEMA_VERSIONS,
  type GdapRelationshipEvent,
} from '@customer-workspace/gdap';
import {
  WEBHOOK_ACTIVITY_ACTIONS,
  type WebhookEvent,
  type WebhookEventType,
} from '@customer-workspace/webhooks';
import { type ApplyEvent, defineProjection, type Projection } from '../projection/projection.js';
import { ACTIVITY_LOG, type ActivityLogEntry } from './activity-log.entry.js';
import { activityLogEntriesOf, type KnownFacts } from './activity-log.mapping.js';
import { scrubbedProfile } from './activity-log.erasure.js';
import { ACTIVITY_LOG_SCHEMA } from './activity-log.schema.js';
import { prepareTallies } from './activity-log.tallies.js';

/** Every event the log reads: the customers domain's, the webhook endpoints' and GDAP's. */
type LogEvent = CustomersDomainEvent | WebhookEvent | GdapRelationshipEvent;

/**
 * The activity log (docs/product.md rule 4): one entry per action event and partner that sees it,
 * with who, when, which customer and the old/new values. Rows are inserted, and changed for
 * one reason only: an erasure scrubs the customer's personal data from the entries that show
 * its billing profiles (`"[erased]"`, docs/product.md rule 8), and the file keeps no copy of
 * what it overwrote. A second entry at the same (partner, position) would break the unique
 * index and stop the projection, loudly.
 */
export const activityLogProjection: Projection = defineProjection<LogEvent>({
  name: ACTIVITY_LOG,
  // 2: webhook endpoints' events are entries too (a file of version 1 skipped them).
  // 3: erasures scrub earlier entries (the `activity_profiles` index), erased values read "[erased]".
  // 4: GDAP relationships' events are entries too.
  version: 4,
  erasures: ['CustomerPersonalDataErased'],
  // Every event of these domains: each one is an action of the log, or a fact it remembers.
  handles: [
    ...(Object.keys(ACTIVITY_LOG_ACTIONS) as CustomersDomainEventType[]),
    ...(Object.keys(WEBHOOK_ACTIVITY_ACTIONS) as WebhookEventType[]),
    ...(Object.keys(GDAP_RELATIONSHIP_EVENT_SCHEMA_VERSIONS) as GdapRelationshipEvent['type'][]),
  ],
  createSchema: (db) => db.exec(ACTIVITY_LOG_SCHEMA),
  prepare,
});

function prepare(db: Database.Database): ApplyEvent<LogEvent> {
  const sql = statements(db);
  const tally = prepareTallies(db);
  const facts: KnownFacts = {
    customerName: (customerId) => sql.customerName.get(customerId),
    indirectProviderOf: (invitationId) => sql.providerOf.get(invitationId),
  };
  return (event) => {
    if (event.type === 'CustomerPersonalDataErased') scrub(event.data.customerId, sql);
    for (const entry of activityLogEntriesOf(event, facts)) {
      sql.insert.run(rowOf(entry));
      tally(entry);
    }
    remember(event, sql);
  };
}

/** Replaces the personal data of every entry showing the customer's profiles by `"[erased]"`. */
function scrub(customerId: string, sql: Statements): void {
  for (const row of sql.profileEntries.all(customerId)) {
    const scrubbed =
      row.action === 'add_customer'
        ? { old: row.old_value, new: withScrubbedProfile(row.new_value, 'billingProfile') }
        : { old: scrubbedJson(row.old_value), new: scrubbedJson(row.new_value) };
    sql.scrub.run(scrubbed.old, scrubbed.new, row.rowid);
  }
}

function scrubbedJson(value: string | null): string | null {
  return value === null ? null : JSON.stringify(scrubbedProfile(JSON.parse(value)));
}

function withScrubbedProfile(value: string | null, field: string): string | null {
  if (value === null) return null;
  const parsed = JSON.parse(value) as Record<string, unknown>;
  return JSON.stringify({ ...parsed, [field]: scrubbedProfile(parsed[field]) });
}

/** Keeps what later events need but do not carry: customer names, invitations' providers. */
function remember(event: RecordedOf<LogEvent>, sql: Statements): void {
  switch (event.type) {
    case 'CustomerAdded':
      sql.setCustomerName.run(event.data.customerId, event.data.companyProfile.companyName);
      return;
    case 'ResellerRelationshipAccepted':
      // Only a customer the log did not know yet takes the name typed on acceptance.
      sql.addCustomerName.run(event.data.customerId, event.data.companyProfile.companyName);
      return;
    case 'ResellerRelationshipRequested':
      if (event.data.indirectProviderId !== undefined) {
        sql.addProvider.run(event.data.invitationId, event.data.indirectProviderId);
      }
      return;
    default:
      // The other events carry nothing a later event lacks.
      return;
  }
}

interface EntryRow {
  position: bigint;
  partner_id: string;
  event_id: string;
  occurred_at: string;
  customer_id: string | null;
  customer_name: string | null;
  action: string;
  resource_type: string;
  user_id: string;
  upn: string;
  role: string;
  old_value: string | null;
  new_value: string | null;
  correlation_id: string;
  causation_id: string;
}

function rowOf(entry: ActivityLogEntry): EntryRow {
  return {
    position: entry.position,
    partner_id: entry.partnerId,
    event_id: entry.eventId,
    occurred_at: entry.occurredAt,
    customer_id: entry.customerId,
    customer_name: entry.customerName,
    action: entry.action,
    resource_type: entry.resourceType,
    user_id: entry.performedBy.userId,
    upn: entry.performedBy.upn,
    role: entry.performedBy.role,
    old_value: entry.oldValue === undefined ? null : JSON.stringify(entry.oldValue),
    new_value: entry.newValue === undefined ? null : JSON.stringify(entry.newValue),
    correlation_id: entry.correlationId,
    causation_id: entry.causationId,
  };
}

type Statements = ReturnType<typeof statements>;

function statements(db: Database.Database) {
  return {
    insert: db.prepare<[EntryRow]>(
      `INSERT INTO activity_entries (position, partner_id, event_id, occurred_at, customer_id,
         customer_name, action, resource_type, user_id, upn, role, old_value, new_value,
         correlation_id, causation_id)
       VALUES (@position, @partner_id, @event_id, @occurred_at, @customer_id, @customer_name,
         @action, @resource_type, @user_id, @upn, @role, @old_value, @new_value,
         @correlation_id, @causation_id)`,
    ),
    customerName: db
      .prepare<[string], string>('SELECT company_name FROM customer_names WHERE customer_id = ?')
      .pluck(),
    // The condition is the `activity_profiles` index's, word for word, so that index serves it.
    profileEntries: db.prepare<
      [string],
      { rowid: number; action: string; old_value: string | null; new_value: string | null }
    >(
      `SELECT rowid, action, old_value, new_value FROM activity_entries
       WHERE customer_id = ? AND action IN ('add_customer', 'update_customer_billing_profile')`,
    ),
    scrub: db.prepare<[string | null, string | null, number]>(
      'UPDATE activity_entries SET old_value = ?, new_value = ? WHERE rowid = ?',
    ),
    setCustomerName: db.prepare<[string, string]>(
      `INSERT INTO customer_names (customer_id, company_name) VALUES (?, ?)
       ON CONFLICT (customer_id) DO UPDATE SET company_name = excluded.company_name`,
    ),
    addCustomerName: db.prepare<[string, string]>(
      `INSERT INTO customer_names (customer_id, company_name) VALUES (?, ?)
       ON CONFLICT (customer_id) DO NOTHING`,
    ),
    providerOf: db
      .prepare<[string], string>(
        'SELECT indirect_provider_id FROM invitation_providers WHERE invitation_id = ?',
      )
      .pluck(),
    addProvider: db.prepare<[string, string]>(
      `INSERT INTO invitation_providers (invitation_id, indirect_provider_id) VALUES (?, ?)
       ON CONFLICT (invitation_id) DO NOTHING`,
    ),
  };
}
