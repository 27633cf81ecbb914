import type { Command } from '@customer-workspace/kernel';
import type { Language, PartnerProgram } from '../common/domain.constants.js';

/**
 * A partner invites a customer into a reseller relationship. The handler fills in the
 * partner's programs and provider from its stream, whether a targeted customer is visible to
 * the partner (`isVisibleTo` on the customer's stream), the token hash and the instants.
 */
export type RequestResellerRelationship = Command<
  'RequestResellerRelationship',
  {
    readonly invitationId: string;
    readonly partnerId: string;
    readonly partnerPrograms: readonly PartnerProgram[];
    readonly partnerIndirectProviderId?: string;
    /** Target an existing customer of the partner's; absent for a *New relationship* invitation. */
    readonly customerId?: string;
    readonly customerVisibleToPartner?: boolean;
    /** Invite together with the partner's own indirect provider (indirect resellers only). */
    readonly indirectProviderId?: string;
    readonly includeDelegatedAdmin: boolean;
    readonly language: Language;
    /** SHA-256 of the secret token, lowercase hex. */
    readonly tokenHash: string;
    readonly requestedAt: string;
    readonly expiresAt: string;
  }
>;

/** The inviting partner withdraws a pending invitation. */
export type RevokeInvitation = Command<
  'RevokeInvitation',
  { readonly invitationId: string; readonly partnerId: string }
>;

/**
 * The customer accepts with the token from the URL (hashed by the handler). `customer.id` is
 * the customer's tenant id, chosen by the handler when the customer gave none.
 */
export type AcceptInvitation = Command<
  'AcceptInvitation',
  {
    readonly invitationId: string;
    readonly tokenHash: string;
    readonly customer: {
      readonly id: string;
      readonly companyName: string;
      readonly domain: string;
    };
    readonly acceptedAt: string;
  }
>;

/** Every command of the invitation aggregate. */
export type InvitationCommand = RequestResellerRelationship | RevokeInvitation | AcceptInvitation;
