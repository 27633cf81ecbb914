import { TagNotFound } from '../partner/partner.errors.js';
import { MAX_TAGS_PER_CUSTOMER } from '../common/domain.constants.js';
import type { AssignCustomerTag, UnassignCustomerTag } from './customer.commands.js';
import { TagLimitReached } from './customer.errors.js';
import type { CustomerEvent } from './customer.events.js';
import type { CustomerState } from './customer.state.js';
import { visibleCustomer } from './customer.visibility.js';

/**
 * Puts a catalog tag of the caller's on the customer. Already assigned: nothing happens.
 * At most 150 tags of one partner per customer.
 */
export function assignCustomerTag(
  { data }: AssignCustomerTag,
  state: CustomerState,
): CustomerEvent[] {
  const customer = visibleCustomer(state, data);
  if (data.tag?.tagId !== data.tagId) throw new TagNotFound(data.tagId);
  const assigned = customer.tags.get(data.partnerId) ?? new Map<string, string>();
  if (assigned.has(data.tagId)) return [];
  if (assigned.size >= MAX_TAGS_PER_CUSTOMER) throw new TagLimitReached(MAX_TAGS_PER_CUSTOMER);
  const { customerId, partnerId, tagId } = data;
  return [
    { type: 'CustomerTagAssigned', data: { customerId, partnerId, tagId, tagName: data.tag.name } },
  ];
}

/**
 * Takes a tag of the caller's off the customer. Not assigned: nothing happens (the tag may
 * even have left the catalog since, so the catalog is not consulted).
 */
export function unassignCustomerTag(
  { data }: UnassignCustomerTag,
  state: CustomerState,
): CustomerEvent[] {
  const customer = visibleCustomer(state, data);
  const tagName = customer.tags.get(data.partnerId)?.get(data.tagId);
  if (tagName === undefined) return [];
  const { customerId, partnerId, tagId } = data;
  return [{ type: 'CustomerTagUnassigned', data: { customerId, partnerId, tagId, tagName } }];
}
