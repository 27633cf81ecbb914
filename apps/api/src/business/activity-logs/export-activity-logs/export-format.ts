import Negotiator from 'negotiator';
import type { ActivityLogExportFormat } from '@customer-workspace/customers';

const MEDIA_TYPES: Readonly<Record<string, ActivityLogExportFormat>> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'ndjson',
};

/**
 * `?format=` wins; else the best match of `Accept`; else CSV (also when `Accept` names neither:
 * a client sending `application/json` by habit still gets its file).
 */
export function exportFormat(
  format: ActivityLogExportFormat | undefined,
  accept: string | undefined,
): ActivityLogExportFormat {
  if (format !== undefined) return format;
  if (accept === undefined) return 'csv';
  const negotiator = new Negotiator({ headers: { accept } });
  const mediaType = negotiator.mediaType(Object.keys(MEDIA_TYPES));
  return (mediaType !== undefined && MEDIA_TYPES[mediaType]) || 'csv';
}
