import { Upcasters } from '@customer-workspace/kernel';
import { CUSTOMERS_UPCASTERS, STREAM_CATEGORIES } from '@customer-workspace/customers';
import { GDAP_STREAM_CATEGORIES, GDAP_UPCASTERS } from '@customer-workspace/gdap';
import { WEBHOOK_STREAM_CATEGORIES, WEBHOOK_UPCASTERS } from '@customer-workspace/webhooks';

/**
 * Every stream category the workspace writes (the customers domain's, the webhook endpoints'
 * and GDAP's): all the api and the CLI read of `$all`.
 */
export const WORKSPACE_STREAM_CATEGORIES: readonly string[] = [
  ...STREAM_CATEGORIES,
  ...WEBHOOK_STREAM_CATEGORIES,
  ...GDAP_STREAM_CATEGORIES,
];

/** The schema versions and upcasters of every event type the workspace writes. */
export const WORKSPACE_UPCASTERS = Upcasters.merge(
  CUSTOMERS_UPCASTERS,
  WEBHOOK_UPCASTERS,
  GDAP_UPCASTERS,
);

/** The version a new event of `type` is written at (its metadata's `schemaVersion`). */
export function workspaceSchemaVersionOf(type: string): number {
  const version = WORKSPACE_UPCASTERS.currentVersion(type);
  if (version === undefined) throw new TypeError(`${type} is no event type of the workspace`);
  return version;
}
