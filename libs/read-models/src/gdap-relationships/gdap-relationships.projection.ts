import type Database from 'better-sqlite3';
import {
  AUTO_EXTENSION,
  GDAP_RELATIONSHIP_EVENT_SCHEMA_VERSIONS,
  type GdapRelationshipEvent,
  type GdapSettings,
  includesGlobalAdministrator,
} from '@customer-workspace/gdap';
import { assertNever } from '@customer-workspace/kernel';
import { type ApplyEvent, defineProjection, type Projection } from '../projection/projection.js';
import { GDAP_RELATIONSHIPS_SCHEMA } from './gdap-relationships.schema.js';

export const GDAP_RELATIONSHIPS = 'gdap-relationships';

/**
 * The partner's GDAP relationships and their access assignments, as their events recorded
 * them (docs/gdap.md): what the lists, the filters and the customer detail read. Time alone
 * changes nothing here; the queries answer a row at their instant (`gdapRowAt`). An event for
 * a relationship the rows do not hold throws: the projection stops there, loudly.
 */
export const gdapRelationshipsProjection: Projection = defineProjection<GdapRelationshipEvent>({
  name: GDAP_RELATIONSHIPS,
  version: 1,
  handles: Object.keys(GDAP_RELATIONSHIP_EVENT_SCHEMA_VERSIONS) as GdapRelationshipEvent['type'][],
  createSchema: (db) => db.exec(GDAP_RELATIONSHIPS_SCHEMA),
  prepare,
});

function prepare(db: Database.Database): ApplyEvent<GdapRelationshipEvent> {
  const sql = statements(db);
  return (event) => {
    const { relationshipId } = event.data;
    const at = new Date(event.metadata.occurredAt).toISOString();
    const touched = { id: relationshipId, at, position: event.position };
    const changed = (result: Database.RunResult) => {
      if (result.changes === 0) throw new Error(`GDAP relationship ${relationshipId} is unknown`);
    };
    switch (event.type) {
      case 'GdapRelationshipCreated': {
        const { partnerId, customerId, createdDateTime, ...settings } = event.data;
        sql.create.run({
          ...touched,
          partnerId,
          customerId: customerId ?? null,
          createdAt: createdDateTime,
          ...settingsRow(settings),
        });
        return;
      }
      case 'GdapRelationshipUpdated': {
        const current = sql.settings.get(relationshipId);
        if (current === undefined)
          throw new Error(`GDAP relationship ${relationshipId} is unknown`);
        const settings = { ...settingsOf(current), ...event.data.new };
        changed(sql.update.run({ ...touched, ...settingsRow(settings) }));
        return;
      }
      case 'GdapRelationshipApprovalRequested':
        changed(
          sql.lock.run({
            ...touched,
            requestedAt: event.data.requestedAt,
            expiresAt: event.data.expiresAt,
          }),
        );
        return;
      case 'GdapRelationshipApproved':
        changed(
          sql.approve.run({
            ...touched,
            customerId: event.data.customerId,
            activatedAt: event.data.activatedDateTime,
            endDateTime: event.data.endDateTime,
          }),
        );
        return;
      case 'GdapRelationshipAutoExtended':
        changed(sql.extend.run({ ...touched, endDateTime: event.data.endDateTime }));
        return;
      case 'GdapRelationshipExpired':
        changed(
          sql.end.run({
            ...touched,
            status: 'expired',
            endedAt: event.data.expiredAt,
            because: event.data.reason,
          }),
        );
        return;
      case 'GdapRelationshipTerminated':
        changed(
          sql.end.run({
            ...touched,
            status: 'terminated',
            endedAt: event.data.terminatedAt,
            because: event.data.terminatedBy,
          }),
        );
        return;
      case 'GdapAccessAssignmentCreated': {
        const { accessAssignmentId, securityGroupId, roles, createdDateTime } = event.data;
        sql.assign.run(
          relationshipId,
          accessAssignmentId,
          securityGroupId,
          JSON.stringify(roles),
          createdDateTime,
        );
        changed(sql.touch.run(touched));
        return;
      }
      case 'GdapAccessAssignmentDeleted':
        changed(sql.unassign.run(at, relationshipId, event.data.accessAssignmentId));
        changed(sql.touch.run(touched));
        return;
      default:
        assertNever(event);
    }
  };
}

interface SettingsRow {
  display_name: string;
  duration: string;
  auto_extend_duration: GdapSettings['autoExtendDuration'];
  roles: string;
}

function settingsOf(row: SettingsRow): GdapSettings {
  return {
    displayName: row.display_name,
    duration: row.duration,
    autoExtendDuration: row.auto_extend_duration,
    roles: JSON.parse(row.roles) as string[],
  };
}

function settingsRow(settings: GdapSettings) {
  const autoExtends =
    settings.autoExtendDuration === AUTO_EXTENSION && !includesGlobalAdministrator(settings.roles);
  return {
    displayName: settings.displayName,
    duration: settings.duration,
    autoExtendDuration: settings.autoExtendDuration,
    autoExtends: autoExtends ? 1 : 0,
    roles: JSON.stringify(settings.roles),
  };
}

function statements(db: Database.Database) {
  const touch = 'last_modified = @at, position = @position';
  return {
    create: db.prepare(
      `INSERT INTO gdap_relationships (relationship_id, partner_id, customer_id, display_name,
         status, duration, auto_extend_duration, auto_extends, roles, created_at, last_modified,
         position)
       VALUES (@id, @partnerId, @customerId, @displayName, 'created', @duration,
         @autoExtendDuration, @autoExtends, @roles, @createdAt, @at, @position)`,
    ),
    settings: db.prepare<[string], SettingsRow>(
      `SELECT display_name, duration, auto_extend_duration, roles FROM gdap_relationships
       WHERE relationship_id = ?`,
    ),
    update: db.prepare(
      `UPDATE gdap_relationships SET display_name = @displayName, duration = @duration,
         auto_extend_duration = @autoExtendDuration, auto_extends = @autoExtends, roles = @roles,
         ${touch}
       WHERE relationship_id = @id`,
    ),
    lock: db.prepare(
      `UPDATE gdap_relationships SET status = 'approvalPending', requested_at = @requestedAt,
         expires_at = @expiresAt, ${touch} WHERE relationship_id = @id`,
    ),
    approve: db.prepare(
      `UPDATE gdap_relationships SET status = 'active', customer_id = @customerId,
         activated_at = @activatedAt, end_date_time = @endDateTime, ${touch}
       WHERE relationship_id = @id`,
    ),
    extend: db.prepare(
      `UPDATE gdap_relationships SET end_date_time = @endDateTime, ${touch}
       WHERE relationship_id = @id`,
    ),
    end: db.prepare(
      `UPDATE gdap_relationships SET status = @status, ended_at = @endedAt,
         ended_because = @because, ${touch} WHERE relationship_id = @id`,
    ),
    touch: db.prepare(`UPDATE gdap_relationships SET ${touch} WHERE relationship_id = @id`),
    assign: db.prepare<[string, string, string, string, string]>(
      `INSERT INTO gdap_access_assignments (relationship_id, access_assignment_id,
         security_group_id, roles, created_at) VALUES (?, ?, ?, ?, ?)`,
    ),
    unassign: db.prepare<[string, string, string]>(
      `UPDATE gdap_access_assignments SET deleted_at = ?
       WHERE relationship_id = ? AND access_assignment_id = ? AND deleted_at IS NULL`,
    ),
  };
}
