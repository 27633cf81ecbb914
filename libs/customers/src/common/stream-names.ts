/** Stream of a partner: its registration, tag catalog and export audit events. */
export const partnerStream = (partnerId: string): string => `partner-${partnerId}`;

/** Stream of a customer: profile, relationships of every partner, orders, subscriptions, tags. */
export const customerStream = (customerId: string): string => `customer-${customerId}`;

/** Stream of one reseller relationship request (invitation). */
export const invitationStream = (invitationId: string): string => `invitation-${invitationId}`;

/**
 * Every stream category this codebase writes: all it reads of `$all`. A stream outside them
 * (another application's on a shared EventStoreDB node) is invisible to it.
 */
export const STREAM_CATEGORIES: readonly string[] = ['partner-', 'customer-', 'invitation-'];
