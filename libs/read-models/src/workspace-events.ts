import { Upcasters } from '@customer-workspace/kernel';
import { CUSTOMERS_UPCASTERS, STREAM_CATEGORIES } from '@customer-workspace/customers';
import { WEBHOOK_STREAM_CATEGORIES, WEBHOOK_UPCASTERS } from '@customer-workspace/webhooks';

/**
 * Every stream category the workspace writes (the customers domain's and the webhook
 * endpoints'): all the api and the CLI read of `$all`.
 */
export const WORKSPACE_STREAM_CATEGORIES: readonly string[] = [
  ...STREAM_CATEGORIES,
  ...WEBHOOK_STREAM_CATEGORIES,
];

/** The schema versions and upcasters of every event type the workspace writes. */
export const WORKSPACE_UPCASTERS = Upcasters.merge(CUSTOMERS_UPCASTERS, WEBHOOK_UPCASTERS);

/** The version a new event of `type` is written at (its metadata's `schemaVersion`). */
export function workspaceSchemaVersionOf(type: string): number {
  const version = WORKSPACE_UPCASTERS.currentVersion(type);
  if (version === undefined) throw new TypeError(`${type} is no event type of the workspace`);
  return version;
}
