import type Database from 'better-sqlite3';
import type { CustomersDomainEvent } from '@customer-workspace/customers';
import type { RecordedEvent } from '@customer-workspace/event-store';
import type { ApplyEvent, Projection } from '../projection/projection.js';
import { CUSTOMER_LIST_DEFERRED_SCHEMA, CUSTOMER_LIST_SCHEMA } from './customer-list.schema.js';
import { foldForComparison, searchKeyOf } from './search-key.js';

export const CUSTOMER_LIST = 'customer-list';

/**
 * The customer list (PRODUCT.md rule 1): one row per (partner, customer, relationship), with
 * the partner's tags, kept with its history for `asOf`. An event that contradicts the rows (a
 * removal of a row that is not there) throws: the projection stops there, loudly.
 */
export const customerListProjection: Projection = {
  name: CUSTOMER_LIST,
  version: 2,
  createSchema: (db) => db.exec(CUSTOMER_LIST_SCHEMA),
  deferredSchema: CUSTOMER_LIST_DEFERRED_SCHEMA,
  prepare,
};

function prepare(db: Database.Database): ApplyEvent {
  const sql = statements(db);
  return (recorded: RecordedEvent) => {
    const event = recorded as unknown as RecordedEvent & CustomersDomainEvent;
    const at = new Date(recorded.metadata.occurredAt).toISOString();
    const { position } = recorded;
    switch (event.type) {
      case 'CustomerAdded': {
        const { customerId, companyProfile: profile } = event.data;
        const { companyName, domain } = profile;
        sql.addCustomer.run(
          customerId,
          companyName,
          domain,
          foldForComparison(companyName),
          foldForComparison(domain),
          searchKeyOf(companyName, domain, customerId),
        );
        return;
      }
      case 'RelationshipEstablished': {
        const { customerId, partnerId, relationship } = event.data;
        const changes = sql.establish.run({ partnerId, relationship, position, at, customerId });
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
        return;
    }
  };
}

function statements(db: Database.Database) {
  return {
    addCustomer: db.prepare<[string, string, string, string, string, string]>(
      `INSERT INTO customers (customer_id, company_name, domain, name_key, domain_key, search_key)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (customer_id) DO NOTHING`,
    ),
    establish: db.prepare(
      `INSERT INTO list_rows (partner_id, customer_id, customer_ref, relationship, name_key,
         domain_key, search_key, established_position, established_at)
       SELECT @partnerId, customer_id, id, @relationship, name_key, domain_key, search_key,
         @position, @at
       FROM customers WHERE customer_id = @customerId`,
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
