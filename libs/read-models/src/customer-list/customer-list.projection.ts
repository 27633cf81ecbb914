import type Database from 'better-sqlite3';
import type { CustomersDomainEvent, CustomersDomainEventType } from '@customer-workspace/customers';
import { assertNever } from '@customer-workspace/kernel';
import {
  type ApplyEvent,
  defineProjection,
  type HandledEvent,
  type Projection,
} from '../projection/projection.js';
import { CUSTOMER_LIST_DEFERRED_SCHEMA, CUSTOMER_LIST_SCHEMA } from './customer-list.schema.js';
import { foldForComparison, searchKeyOfFolded } from './search-key.js';

export const CUSTOMER_LIST = 'customer-list';

/** The events that change the customer list's rows. */
const CUSTOMER_LIST_EVENTS = [
  'CustomerAdded',
  'RelationshipEstablished',
  'RelationshipRemoved',
  'TagCreated',
  'TagDeleted',
  'CustomerTagAssigned',
  'CustomerTagUnassigned',
] as const satisfies readonly CustomersDomainEventType[];

type CustomerListEvent = HandledEvent<CustomersDomainEvent, typeof CUSTOMER_LIST_EVENTS>;

/**
 * The customer list (docs/product.md rule 1): one row per (partner, customer, relationship), with
 * the partner's tags, kept with its history for `asOf`. An event that contradicts the rows (a
 * removal of a row that is not there) throws: the projection stops there, loudly.
 */
export const customerListProjection: Projection = defineProjection<CustomerListEvent>({
  name: CUSTOMER_LIST,
  version: 3,
  handles: CUSTOMER_LIST_EVENTS,
  createSchema: (db) => db.exec(CUSTOMER_LIST_SCHEMA),
  deferredSchema: CUSTOMER_LIST_DEFERRED_SCHEMA,
  prepare,
});

function prepare(db: Database.Database): ApplyEvent<CustomerListEvent> {
  const sql = statements(db);
  return (event) => {
    const at = new Date(event.metadata.occurredAt).toISOString();
    const { position } = event;
    switch (event.type) {
      case 'CustomerAdded': {
        const { customerId, companyProfile: profile } = event.data;
        const { companyName, domain } = profile;
        const nameKey = foldForComparison(companyName);
        const domainKey = foldForComparison(domain);
        const searchKey = searchKeyOfFolded(nameKey, domainKey, foldForComparison(customerId));
        sql.addCustomer.run(customerId, companyName, domain, nameKey, domainKey, searchKey);
        return;
      }
      case 'RelationshipEstablished': {
        const { customerId, partnerId, relationship } = event.data;
        const changes = sql.establish.run(partnerId, relationship, position, at, customerId);
        if (changes.changes === 0) throw new Error(`Customer ${customerId} was never added`);
        return;
      }
      case 'RelationshipRemoved': {
        const { customerId, partnerId, relationship } = event.data;
        const changes = sql.remove.run(position, at, partnerId, customerId, relationship);
        if (changes.changes === 0)
          throw new Error(`${partnerId} has no ${relationship} row for customer ${customerId}`);
        return;
      }
      case 'TagCreated':
        sql.createTag.run(
          event.data.partnerId,
          event.data.tagId,
          event.data.name,
          foldForComparison(event.data.name),
          at,
        );
        return;
      case 'TagDeleted':
        sql.deleteTag.run(at, event.data.partnerId, event.data.tagId);
        return;
      case 'CustomerTagAssigned':
        sql.assign.run(event.data.partnerId, event.data.customerId, event.data.tagId, at);
        return;
      case 'CustomerTagUnassigned':
        sql.unassign.run(at, event.data.partnerId, event.data.customerId, event.data.tagId);
        return;
      default:
        assertNever(event);
    }
  };
}

function statements(db: Database.Database) {
  return {
    addCustomer: db.prepare<[string, string, string, string, string, string]>(
      `INSERT INTO customers (customer_id, company_name, domain, name_key, domain_key, search_key)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (customer_id) DO NOTHING`,
    ),
    // Positional, not named: binding an object costs a property lookup per parameter.
    establish: db.prepare<[string, string, bigint, string, string]>(
      `INSERT INTO list_rows (partner_id, customer_id, customer_ref, relationship, name_key,
         domain_key, search_key, established_position, established_at)
       SELECT ?, customer_id, id, ?, name_key, domain_key, search_key, ?, ?
       FROM customers WHERE customer_id = ?`,
    ),
    remove: db.prepare(
      `UPDATE list_rows SET removed_position = ?, removed_at = ?
       WHERE partner_id = ? AND customer_id = ? AND relationship = ? AND removed_position IS NULL`,
    ),
    createTag: db.prepare(
      `INSERT INTO tags (partner_id, tag_id, name, name_key, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    deleteTag: db.prepare(
      'UPDATE tags SET deleted_at = ? WHERE partner_id = ? AND tag_id = ? AND deleted_at IS NULL',
    ),
    assign: db.prepare(
      `INSERT INTO tag_assignments (partner_id, customer_id, tag_id, assigned_at)
       VALUES (?, ?, ?, ?)`,
    ),
    unassign: db.prepare(
      `UPDATE tag_assignments SET unassigned_at = ?
       WHERE partner_id = ? AND customer_id = ? AND tag_id = ? AND unassigned_at IS NULL`,
    ),
  };
}
