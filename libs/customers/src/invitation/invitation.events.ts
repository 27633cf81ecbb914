import type { DomainEvent } from '@customer-workspace/kernel';
import type { CompanyProfile } from '../customer/customer.types.js';
import type { Language, Relationship } from '../common/domain.constants.js';

/**
 * A partner asked for a reseller relationship. Only the SHA-256 hash of the secret token is
 * recorded, never the token. `relationship` is what the inviting partner will get;
 * `indirectProviderId` is set when an indirect reseller invited together with its provider,
 * which will get `indirect-provider`. `customerId` is set for a targeted invitation.
 */
export type ResellerRelationshipRequested = DomainEvent<
  'ResellerRelationshipRequested',
  {
    readonly invitationId: string;
    readonly partnerId: string;
    readonly relationship: Relationship;
    readonly indirectProviderId?: string;
    readonly customerId?: string;
    readonly includeDelegatedAdmin: boolean;
    readonly language: Language;
    readonly tokenHash: string;
    readonly requestedAt: string;
    readonly expiresAt: string;
  }
>;

/** The inviting partner revoked its pending invitation. */
export type ResellerRelationshipRequestRevoked = DomainEvent<
  'ResellerRelationshipRequestRevoked',
  { readonly invitationId: string; readonly partnerId: string; readonly customerId?: string }
>;

/**
 * The customer accepted: everything the customer stream needs to establish the relationships
 * (see `consequencesOfAcceptance`). `companyProfile` is what the customer gave on acceptance.
 */
export type ResellerRelationshipAccepted = DomainEvent<
  'ResellerRelationshipAccepted',
  {
    readonly invitationId: string;
    readonly partnerId: string;
    readonly relationship: Relationship;
    readonly indirectProviderId?: string;
    readonly includeDelegatedAdmin: boolean;
    readonly customerId: string;
    readonly companyProfile: CompanyProfile;
    readonly acceptedAt: string;
  }
>;

/** Every event of an `invitation-<id>` stream. */
export type InvitationEvent =
  ResellerRelationshipRequested | ResellerRelationshipRequestRevoked | ResellerRelationshipAccepted;

/**
 * The schema version of each invitation event's data, as this build writes it. A change of shape
 * bumps its version and adds an upcaster from the previous one to `CUSTOMERS_UPCASTERS`.
 */
export const INVITATION_EVENT_SCHEMA_VERSIONS: Readonly<Record<InvitationEvent['type'], number>> = {
  ResellerRelationshipRequested: 1,
  ResellerRelationshipRequestRevoked: 1,
  ResellerRelationshipAccepted: 1,
};
