import type { ActivityLogFilter } from './activity-log.filter.js';
import type { ActivityLogPlan } from './activity-log.plan.js';

/** The FROM and WHERE of a planned query, its position column and named parameters. */
export interface PlannedSelect {
  /** `FROM … WHERE …`, ready for `SELECT <columns>` before and `ORDER BY` after it. */
  readonly body: string;
  /** The position column to order and bound by (that of the walked index). */
  readonly position: string;
  readonly params: Record<string, string | bigint>;
}

const ENTRIES_BY = {
  partner: 'activity_entries e INDEXED BY activity_by_partner',
  customer: 'activity_entries e INDEXED BY activity_by_customer',
  action: 'activity_entries e INDEXED BY activity_by_action',
} as const;

/** A user's positions (with action and time), each joined to its entry by its key. */
const USER_ENTRIES = `activity_users u CROSS JOIN activity_entries e INDEXED BY activity_by_partner
  ON e.partner_id = u.partner_id AND e.position = u.position`;

/**
 * The SQL of `plan`: the driver's equality, then every other filter, the plan's position bounds
 * and, for a next page, `position < before`. Entries' columns are `e.*`. Walking a user's
 * positions, the action and time are checked on them (no entry is read for it), and a count
 * (`entries: false`) reads no entry unless it filters by customer.
 */
export function plannedSelect(
  plan: ActivityLogPlan,
  partnerId: string,
  filter: ActivityLogFilter,
  options: { readonly before?: bigint; readonly entries?: boolean } = {},
): PlannedSelect {
  const byUser = plan.driver === 'user';
  const on = byUser ? 'u' : 'e';
  const clauses = [`${on}.partner_id = @partnerId`];
  const params: Record<string, string | bigint> = { partnerId };
  const add = (clause: string, name: string, value: string | bigint | undefined): void => {
    if (value === undefined) return;
    clauses.push(clause);
    params[name] = value;
  };
  add(byUser ? 'u.user = @user' : '(e.user_id = @user OR e.upn = @user)', 'user', filter.user);
  add('e.customer_id = @customerId', 'customerId', filter.customerId);
  add(`${on}.action = @action`, 'action', filter.action);
  add(`${on}.occurred_at >= @from`, 'from', filter.from);
  add(`${on}.occurred_at < @to`, 'to', filter.to);
  add(`${on}.position >= @low`, 'low', plan.low);
  add(`${on}.position <= @high`, 'high', plan.high);
  add(`${on}.position < @before`, 'before', options.before);
  const joined = options.entries !== false || filter.customerId !== undefined;
  const from = !byUser ? ENTRIES_BY[plan.driver] : joined ? USER_ENTRIES : 'activity_users u';
  return {
    body: `FROM ${from} WHERE ${clauses.join(' AND ')}`,
    position: `${on}.position`,
    params,
  };
}
