import { stringify } from 'csv-stringify';
import { pipeline, Readable } from 'node:stream';
import type { ActivityLogExportFormat } from '@customer-workspace/customers';
import { spreadsheetSafe } from '../export/spreadsheet-safe.js';
import { openReadModelForReading } from '../projection/read-model-database.js';
import type { ActivityLogItem } from './activity-log.entry.js';
import type { ActivityLogFilter } from './activity-log.filter.js';
import { ITEM_COLUMNS, type ItemRow, itemOf } from './activity-log.item.js';
import { planActivityQuery } from './activity-log.plan.js';
import { plannedSelect } from './activity-log.select.js';

/** Media type and file name of each export format. */
export const ACTIVITY_LOG_EXPORT_FORMATS: Readonly<
  Record<ActivityLogExportFormat, { readonly mediaType: string; readonly fileName: string }>
> = {
  csv: { mediaType: 'text/csv; charset=utf-8', fileName: 'ActivityLog.csv' },
  ndjson: { mediaType: 'application/x-ndjson; charset=utf-8', fileName: 'ActivityLog.ndjson' },
};

/** The CSV columns: the item's fields, `performedBy` flattened, values as JSON text. */
export const ACTIVITY_LOG_CSV_COLUMNS = [
  'position',
  'occurredAt',
  'customerId',
  'customerName',
  'action',
  'resourceType',
  'performedBy.userId',
  'performedBy.upn',
  'performedBy.role',
  'oldValue',
  'newValue',
  'correlationId',
  'causationId',
  'eventId',
] as const;

/** The audit tree's columns, after the item's, when the export is given the leaves. */
export const ACTIVITY_LOG_AUDIT_CSV_COLUMNS = ['leafIndex', 'leafHash'] as const;

/** Where an entry's event stands in the audit tree (nulls: not covered, or no tree). */
export interface ActivityLogLeaf {
  readonly leafIndex: number | null;
  readonly leafHash: string | null;
}

/** Looks up the audit tree's leaf of an entry (the api's tree; a caller without one gives none). */
export type ActivityLogLeafOf = (item: ActivityLogItem) => ActivityLogLeaf;

type ExportedItem = ActivityLogItem & Partial<ActivityLogLeaf>;

/** Rows read from SQLite per chunk of NDJSON: fewer, larger writes to the socket. */
const NDJSON_ROWS_PER_CHUNK = 100;

/**
 * A partner's activity log matching `filter`, newest first, as a stream of CSV or NDJSON.
 * Entries are read from `file` on a connection of the export's own (one consistent snapshot;
 * a connection iterating a statement is busy, so a shared one cannot serve it) only as fast
 * as the consumer takes them: memory does not grow with the log. The connection closes when
 * the stream ends, fails or is destroyed (a client that goes away).
 */
export function exportActivityLog(
  file: string,
  partnerId: string,
  filter: ActivityLogFilter,
  format: ActivityLogExportFormat,
  leafOf?: ActivityLogLeafOf,
): Readable {
  const items = itemsOf(file, partnerId, filter, leafOf);
  if (format === 'ndjson') return Readable.from(ndjsonOf(items), { objectMode: false });
  return csvOf(items, leafOf ? ACTIVITY_LOG_AUDIT_CSV_COLUMNS : []);
}

function* itemsOf(
  file: string,
  partnerId: string,
  filter: ActivityLogFilter,
  leafOf: ActivityLogLeafOf | undefined,
): Generator<ExportedItem> {
  const db = openReadModelForReading(file);
  try {
    const plan = planActivityQuery(db, partnerId, filter);
    if (plan.empty) return;
    const select = plannedSelect(plan, partnerId, filter);
    const statement = db
      .prepare(`SELECT ${ITEM_COLUMNS} ${select.body} ORDER BY ${select.position} DESC`)
      .safeIntegers(true);
    for (const row of statement.iterate(select.params)) {
      const item = itemOf(row as ItemRow);
      yield leafOf ? { ...item, ...leafOf(item) } : item;
    }
  } finally {
    db.close();
  }
}

function csvOf(items: Generator<ExportedItem>, audit: readonly string[]): Readable {
  const columns = [...ACTIVITY_LOG_CSV_COLUMNS, ...audit];
  const csv = stringify({ bom: true, header: true, columns });
  function* records(): Generator<string[]> {
    for (const item of items) {
      const leaf = audit.length ? [String(item.leafIndex ?? ''), item.leafHash ?? ''] : [];
      yield [...csvRecordOf(item), ...leaf].map(spreadsheetSafe);
    }
  }
  pipeline(Readable.from(records(), { highWaterMark: 64 }), csv, () => {
    // An error reaches the consumer through `csv`, which pipeline destroys with it.
  });
  return csv;
}

function csvRecordOf(item: ActivityLogItem): string[] {
  const json = (value: unknown): string => (value === undefined ? '' : JSON.stringify(value));
  return [
    item.position,
    item.occurredAt,
    item.customerId ?? '',
    item.customerName ?? '',
    item.action,
    item.resourceType,
    item.performedBy.userId,
    item.performedBy.upn,
    item.performedBy.role,
    json(item.oldValue),
    json(item.newValue),
    item.correlationId,
    item.causationId,
    item.eventId,
  ];
}

function* ndjsonOf(items: Generator<ExportedItem>): Generator<string> {
  let chunk = '';
  let rows = 0;
  for (const item of items) {
    chunk += `${JSON.stringify(item)}\n`;
    if (++rows === NDJSON_ROWS_PER_CHUNK) {
      yield chunk;
      chunk = '';
      rows = 0;
    }
  }
  if (chunk !== '') yield chunk;
}
