// Events and values shared by the customers domain's given/when/then tests.
import type {
  CustomerAdded,
  CustomerEvent,
  CustomerTagAssigned,
  OrderCreated,
  RelationshipEstablished,
} from '../customer/customer.events.js';
import type { BillingProfile, CompanyProfile, OrderLineItem } from '../customer/customer.types.js';
import type { Relationship } from '../common/domain.constants.js';

export const CUSTOMER = 'c-1';
/** A direct-bill partner. */
export const DIRECT = 'p-direct';
/** An indirect provider. */
export const PROVIDER = 'p-provider';
/** An indirect reseller of PROVIDER. */
export const RESELLER = 'p-reseller';
/** A partner with no relationship to the customer. */
export const STRANGER = 'p-stranger';

export const companyProfile: CompanyProfile = {
  companyName: 'Žluťoučký kůň s.r.o.',
  domain: 'zlutoucky.onmicrosoft.com',
};

export const billingProfile: BillingProfile = {
  companyName: 'Žluťoučký kůň s.r.o.',
  email: 'ucetni@zlutoucky.cz',
  culture: 'cs-CZ',
  language: 'cs',
  firstName: 'Jana',
  lastName: 'Nováková',
  defaultAddress: {
    addressLine1: 'Na Příkopě 1',
    city: 'Praha',
    postalCode: '110 00',
    country: 'CZ',
  },
};

export const customerAdded = (addedByPartnerId = DIRECT): CustomerAdded => ({
  type: 'CustomerAdded',
  data: { customerId: CUSTOMER, companyProfile, billingProfile, addedByPartnerId },
});

export const established = (
  partnerId: string,
  relationship: Relationship,
  delegatedAdmin = false,
): RelationshipEstablished => ({
  type: 'RelationshipEstablished',
  data: { customerId: CUSTOMER, partnerId, relationship, delegatedAdmin },
});

/** A customer added by DIRECT, which is its direct reseller. */
export const directCustomer = (): CustomerEvent[] => [
  customerAdded(),
  established(DIRECT, 'direct-reseller'),
];

/** A customer of RESELLER and its indirect provider PROVIDER. */
export const indirectCustomer = (): CustomerEvent[] => [
  customerAdded(RESELLER),
  established(RESELLER, 'indirect-reseller'),
  established(PROVIDER, 'indirect-provider'),
];

export const lineItem = (
  subscriptionId: string,
  extra: Partial<OrderLineItem> = {},
): OrderLineItem => ({
  offerId: 'CFQ7TTC0LH18:0001',
  quantity: 5,
  termDuration: 'P1Y',
  subscriptionId,
  ...extra,
});

export const orderCreated = (
  partnerId: string,
  relationship: Relationship,
  lineItems: readonly OrderLineItem[],
  orderId = 'o-1',
): OrderCreated => ({
  type: 'OrderCreated',
  data: {
    customerId: CUSTOMER,
    orderId,
    partnerId,
    relationship,
    catalog: 'online-services',
    lineItems,
  },
});

export const tagAssigned = (
  partnerId: string,
  tagId: string,
  tagName = `Tag ${tagId}`,
): CustomerTagAssigned => ({
  type: 'CustomerTagAssigned',
  data: { customerId: CUSTOMER, partnerId, tagId, tagName },
});
