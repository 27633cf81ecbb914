import type { Relationship, TermDuration } from '../common/domain.constants.js';

/** The customer's company as the directory knows it. */
export interface CompanyProfile {
  readonly companyName: string;
  /** Primary domain, e.g. `contoso.onmicrosoft.com`. */
  readonly domain: string;
}

/** A postal address; `country` is ISO-3166 alpha-2 (format checked by the HTTP layer). */
export interface Address {
  readonly addressLine1: string;
  readonly addressLine2?: string;
  readonly city: string;
  readonly state?: string;
  readonly postalCode: string;
  readonly country: string;
}

/** Who and where the customer is billed (`POST /v1/customers`, see the OpenAPI document). */
export interface BillingProfile {
  readonly companyName: string;
  readonly email: string;
  readonly culture?: string;
  readonly language?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly phoneNumber?: string;
  readonly defaultAddress: Address;
}

/** One line of an order as requested; it becomes subscription `subscriptionId`. */
export interface OrderLineItem {
  readonly offerId: string;
  /** Integer, 1 to 10,000. */
  readonly quantity: number;
  readonly termDuration?: TermDuration;
  readonly friendlyName?: string;
  /** The indirect reseller on record; required when an indirect provider orders. */
  readonly partnerIdOnRecord?: string;
  /** Chosen by the handler: the id of the subscription this line creates. */
  readonly subscriptionId: string;
}

/** Lifecycle of a subscription: active → suspended → cancelled, or active → cancelled. */
export type SubscriptionStatus = 'active' | 'suspended' | 'cancelled';

/** The partner's confirmation of a good-faith, legitimate business reason. */
export interface Attestation {
  readonly accepted: boolean;
  readonly reason: string;
}

/** A relationship of one partner with a customer. */
export interface PartnerRelationship {
  readonly partnerId: string;
  readonly relationship: Relationship;
}
