/** Stream of a partner: its registration, tag catalog and export audit events. */
export const partnerStream = (partnerId: string): string => `partner-${partnerId}`;

/** Stream of a customer: profile, relationships of every partner, orders, subscriptions, tags. */
export const customerStream = (customerId: string): string => `customer-${customerId}`;

/** Stream of one reseller relationship request (invitation). */
export const invitationStream = (invitationId: string): string => `invitation-${invitationId}`;
