import type { ResellerRelationshipAccepted } from '../invitation/invitation.events.js';
import type { PartnerTag } from '../partner/partner.state.js';
import type { Command } from '@customer-workspace/kernel';
import type { Catalog, Relationship } from '../common/domain.constants.js';
import type {
  Attestation,
  BillingProfile,
  CompanyProfile,
  OrderLineItem,
} from './customer.types.js';

/** Every customer command names the customer and the calling partner. */
interface CustomerCommandData {
  readonly customerId: string;
  /** The calling partner: it sees and touches the customer only through its relationships. */
  readonly partnerId: string;
}

/** A partner adds a new customer and becomes its direct reseller. */
export type AddCustomer = Command<
  'AddCustomer',
  CustomerCommandData & {
    readonly companyProfile: CompanyProfile;
    readonly billingProfile: BillingProfile;
  }
>;

/** Replace the billing profile, if it is still the version the caller saw (its ETag). */
export type UpdateBillingProfile = Command<
  'UpdateBillingProfile',
  CustomerCommandData & {
    readonly billingProfile: BillingProfile;
    /** The `billingProfileVersion` the caller read (from the `If-Match` ETag). */
    readonly expectedVersion: number;
  }
>;

/** The caller ends one of its own relationships with the customer. */
export type RemoveRelationship = Command<
  'RemoveRelationship',
  CustomerCommandData & { readonly relationship: Relationship; readonly attestation: Attestation }
>;

/** Erase the customer's personal data for good (GDPR art. 17), attesting a reason. */
export type ErasePersonalData = Command<
  'ErasePersonalData',
  CustomerCommandData & { readonly attestation: Attestation }
>;

/** Place an order under one of the caller's relationships with the customer. */
export type CreateOrder = Command<
  'CreateOrder',
  CustomerCommandData & {
    readonly orderId: string;
    /** Needed only when the caller holds more than one relationship with the customer. */
    readonly relationship?: Relationship;
    readonly catalog: Catalog;
    readonly lineItems: readonly OrderLineItem[];
  }
>;

/** Suspend an active subscription the caller ordered. */
export type SuspendSubscription = Command<
  'SuspendSubscription',
  CustomerCommandData & { readonly subscriptionId: string }
>;

/** Cancel an active or suspended subscription the caller ordered. */
export type CancelSubscription = Command<
  'CancelSubscription',
  CustomerCommandData & { readonly subscriptionId: string }
>;

/** Put one of the caller's catalog tags on the customer. */
export type AssignCustomerTag = Command<
  'AssignCustomerTag',
  CustomerCommandData & {
    readonly tagId: string;
    /** Filled in by the handler from the caller's catalog (`partnerTag`); absent if not there. */
    readonly tag?: PartnerTag;
  }
>;

/** Take one of the caller's tags off the customer. */
export type UnassignCustomerTag = Command<
  'UnassignCustomerTag',
  CustomerCommandData & { readonly tagId: string }
>;

/**
 * Apply the consequences of an accepted invitation to the customer's stream (see
 * `consequencesOfAcceptance`); issued by the process that reacts to the acceptance.
 */
export type ApplyAcceptedInvitation = Command<
  'ApplyAcceptedInvitation',
  { readonly acceptance: ResellerRelationshipAccepted['data'] }
>;

/** Every command of the customer aggregate. */
export type CustomerCommand =
  | AddCustomer
  | UpdateBillingProfile
  | RemoveRelationship
  | ErasePersonalData
  | CreateOrder
  | SuspendSubscription
  | CancelSubscription
  | AssignCustomerTag
  | UnassignCustomerTag
  | ApplyAcceptedInvitation;
