import type { CustomersDomainEvent } from './activity-log.actions.js';

/** What is known from earlier events that a later one does not carry. */
export interface EarlierFacts {
  /** The indirect provider invited together with the reseller by invitation `invitationId`. */
  indirectProviderOf(invitationId: string): string | undefined;
}

/**
 * The partners an event concerns: whose activity log shows it and whose webhooks are told of
 * it. The partner it is about (`data.partnerId`, the grantee of a DAP approval, the partner
 * that added the customer, else the partner that issued it: `recordedFor`, its metadata's
 * `partnerId`), and for an invitation of a reseller with its indirect provider, the provider
 * too. The registering operator's tenant is not concerned by a registration.
 */
export function partnersConcerned(
  event: CustomersDomainEvent,
  recordedFor: string | undefined,
  facts: EarlierFacts,
): string[] {
  const partners = ((): (string | undefined)[] => {
    switch (event.type) {
      case 'CustomerAdded':
        return [event.data.addedByPartnerId];
      case 'ResellerRelationshipRequested':
      case 'ResellerRelationshipAccepted':
        return [event.data.partnerId, event.data.indirectProviderId];
      case 'ResellerRelationshipRequestRevoked':
        return [event.data.partnerId, facts.indirectProviderOf(event.data.invitationId)];
      default:
        return [(event.data as { partnerId?: string }).partnerId ?? recordedFor];
    }
  })();
  return [...new Set(partners)].filter((id): id is string => id !== undefined && id !== '');
}
