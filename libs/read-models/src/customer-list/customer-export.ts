import { stringify } from 'csv-stringify/sync';
import { Readable } from 'node:stream';
import { openReadModelForReading } from '../projection/read-model-database.js';
import { spreadsheetSafe } from '../export/spreadsheet-safe.js';
import {
  CUSTOMER_EXPORT_HEADERS,
  type ExportLanguage,
  RELATIONSHIP_LABELS,
} from './customer-export.labels.js';

/** The file name every customer export is offered as (docs/product.md rule 2). */
export const CUSTOMERS_CSV = 'Customers.csv';

/** customer id, company name, domain, relationship, tags (`;`-joined) or null. */
type ExportRow = [string, string, string, string, string | null];

/**
 * The rows of `Customers.csv` for one partner (`?`), in export order (benchmarks read it too).
 * The tags are looked up by (partner, customer) through the current-assignment index, named
 * because without statistics SQLite would rather scan the partner's every assignment per row.
 */
export const CUSTOMER_EXPORT_SQL = `
  SELECT r.customer_id, c.company_name, c.domain, r.relationship,
    (SELECT group_concat(t.name, ';' ORDER BY t.name_key, t.name)
     FROM tag_assignments a INDEXED BY tag_assignments_current
     JOIN tags t ON t.partner_id = a.partner_id AND t.tag_id = a.tag_id
     WHERE a.partner_id = r.partner_id AND a.customer_id = r.customer_id
       AND a.unassigned_at IS NULL AND t.deleted_at IS NULL) AS tags
  FROM list_rows r JOIN customers c ON c.id = r.customer_ref
  WHERE r.partner_id = ? AND r.removed_position IS NULL
  ORDER BY r.name_key, r.customer_id, r.relationship`;

/** Rows turned into CSV text per chunk: one `stringify` call and one stream write each. */
const ROWS_PER_CHUNK = 500;

/**
 * `Customers.csv` of a partner's whole current list (search and filters never apply), one row
 * per relationship, as a byte stream: rows are read from `file` on a connection of the export's
 * own (one consistent snapshot) only as fast as the consumer takes them, `ROWS_PER_CHUNK` at a
 * time, so memory does not grow with the list. UTF-8 with a byte-order mark (spreadsheets then
 * read accents right); every cell goes through `spreadsheetSafe`.
 */
export function exportCustomersCsv(
  file: string,
  partnerId: string,
  lang: ExportLanguage,
): Readable {
  const labels = RELATIONSHIP_LABELS[lang];
  const columns = [...CUSTOMER_EXPORT_HEADERS[lang]];
  function* chunks(): Generator<string> {
    const db = openReadModelForReading(file);
    try {
      const statement = db.prepare<[string], ExportRow>(CUSTOMER_EXPORT_SQL).raw(true);
      let chunk: string[][] = [];
      let first = true;
      const text = (): string => {
        const csv = stringify(chunk, { bom: first, header: first, columns });
        first = false;
        chunk = [];
        return csv;
      };
      for (const [id, name, domain, relationship, tags] of statement.iterate(partnerId)) {
        chunk.push([
          spreadsheetSafe(id),
          spreadsheetSafe(name),
          spreadsheetSafe(domain),
          spreadsheetSafe(labels[relationship] ?? relationship),
          spreadsheetSafe(tags ?? ''),
        ]);
        if (chunk.length === ROWS_PER_CHUNK) yield text();
      }
      if (chunk.length > 0 || first) yield text();
    } finally {
      db.close();
    }
  }
  return Readable.from(chunks(), { objectMode: false, highWaterMark: 64 * 1024 });
}
