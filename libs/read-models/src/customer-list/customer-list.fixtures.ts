import type { GivenEvent } from '../testing/projection-harness.js';

/** Events of the customer list's given/when/then tests. */
export const added = (customerId: string, companyName: string, domain: string, at?: string) =>
  ({
    type: 'CustomerAdded',
    data: {
      customerId,
      companyProfile: { companyName, domain },
      billingProfile: null,
      addedByPartnerId: 'p-1',
    },
    at,
  }) satisfies GivenEvent;

export const established = (
  partnerId: string,
  customerId: string,
  relationship = 'direct-reseller',
  at?: string,
) =>
  ({
    type: 'RelationshipEstablished',
    data: { customerId, partnerId, relationship, delegatedAdmin: false },
    at,
  }) satisfies GivenEvent;

export const removed = (
  partnerId: string,
  customerId: string,
  relationship = 'direct-reseller',
  at?: string,
) =>
  ({
    type: 'RelationshipRemoved',
    data: { customerId, partnerId, relationship, attestationReason: 'no longer served' },
    at,
  }) satisfies GivenEvent;

export const tagCreated = (partnerId: string, tagId: string, name: string, at?: string) =>
  ({ type: 'TagCreated', data: { partnerId, tagId, name }, at }) satisfies GivenEvent;

export const tagDeleted = (partnerId: string, tagId: string, name: string, at?: string) =>
  ({ type: 'TagDeleted', data: { partnerId, tagId, name }, at }) satisfies GivenEvent;

export const tagAssigned = (partnerId: string, customerId: string, tagId: string, at?: string) =>
  ({
    type: 'CustomerTagAssigned',
    data: { partnerId, customerId, tagId, tagName: tagId },
    at,
  }) satisfies GivenEvent;

export const tagUnassigned = (partnerId: string, customerId: string, tagId: string, at?: string) =>
  ({
    type: 'CustomerTagUnassigned',
    data: { partnerId, customerId, tagId, tagName: tagId },
    at,
  }) satisfies GivenEvent;
