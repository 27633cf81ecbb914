import type { ResellerRelationshipAccepted } from '../invitation/invitation.events.js';
import type { RemoveRelationship } from './customer.commands.js';
import {
  ActiveSubscriptions,
  AttestationRequired,
  RelationshipNotFound,
} from './customer.errors.js';
import type { CustomerEvent } from './customer.events.js';
import {
  same,
  type ActiveRelationship,
  type CustomerState,
  type ExistingCustomer,
} from './customer.state.js';
import type { PartnerRelationship } from './customer.types.js';
import { visibleCustomer } from './customer.visibility.js';

/**
 * The caller ends one of *its own* relationships (an indirect reseller therefore cannot end
 * its provider's: that one is not the caller's and answers not-found). Needs an accepted
 * attestation with a reason; ends DAP with it; GDAP is not the customer stream's concern.
 */
export function removeRelationship(
  { data }: RemoveRelationship,
  state: CustomerState,
): CustomerEvent[] {
  const customer = visibleCustomer(state, data);
  const held = customer.relationships.find((r) => same(r, data));
  if (held === undefined) throw new RelationshipNotFound(data.customerId, data.relationship);
  const reason = data.attestation.reason.trim();
  if (data.attestation.accepted !== true || reason === '') throw new AttestationRequired();
  const open = notCancelledSubscriptionsUnder(customer, held);
  if (open.length > 0) throw new ActiveSubscriptions(open);
  const { customerId, partnerId, relationship } = data;
  const removed: CustomerEvent = {
    type: 'RelationshipRemoved',
    data: { customerId, partnerId, relationship, attestationReason: reason },
  };
  if (!held.delegatedAdmin) return [removed];
  return [
    removed,
    { type: 'DelegatedAdminTerminated', data: { customerId, partnerId, relationship } },
  ];
}

/**
 * Subscriptions not yet cancelled that hang on this relationship: ordered under it, or (for
 * an indirect reseller) naming the partner as reseller on record. Suspended ones count too:
 * a suspended subscription is still owned and may be billed or resumed, and once the
 * relationship is gone nobody could cancel it any more (only the orderer can, and it would
 * no longer see the customer).
 */
export function notCancelledSubscriptionsUnder(
  customer: ExistingCustomer,
  target: PartnerRelationship,
): string[] {
  const onRecord = (partnerIdOnRecord?: string): boolean =>
    target.relationship === 'indirect-reseller' && partnerIdOnRecord === target.partnerId;
  return [...customer.subscriptions.values()]
    .filter((s) => s.status !== 'cancelled' && (same(s, target) || onRecord(s.partnerIdOnRecord)))
    .map((s) => s.subscriptionId);
}

/**
 * What an accepted invitation changes on the customer's stream: `CustomerAdded` when the
 * customer is new (a *New relationship* invitation; an existing customer keeps its profile),
 * then for the inviting partner and, if invited together, its indirect provider: the
 * relationship unless already held, and `DelegatedAdminApproved` when DAP was asked for and
 * not yet granted. Pure and idempotent: applied again to the resulting state it returns [].
 */
export function consequencesOfAcceptance(
  accepted: ResellerRelationshipAccepted,
  state: CustomerState,
): CustomerEvent[] {
  const held = state.status === 'existing' ? state.customer.relationships : [];
  return [
    ...(state.status === 'unknown' ? [customerAddedBy(accepted)] : []),
    ...granteesOf(accepted).flatMap((grantee) =>
      grants(
        accepted,
        grantee,
        held.find((r) => same(r, grantee)),
      ),
    ),
  ];
}

function customerAddedBy({ data }: ResellerRelationshipAccepted): CustomerEvent {
  const { customerId, companyProfile, partnerId, invitationId } = data;
  return {
    type: 'CustomerAdded',
    data: {
      customerId,
      companyProfile,
      billingProfile: null,
      addedByPartnerId: partnerId,
      invitationId,
    },
  };
}

/** The relationship unless already held; DAP when asked for and not yet granted. */
function grants(
  { data }: ResellerRelationshipAccepted,
  grantee: PartnerRelationship,
  held: ActiveRelationship | undefined,
): CustomerEvent[] {
  const { customerId, invitationId, includeDelegatedAdmin: delegatedAdmin } = data;
  const events: CustomerEvent[] = [];
  if (held === undefined) {
    events.push({
      type: 'RelationshipEstablished',
      data: { customerId, ...grantee, delegatedAdmin, invitationId },
    });
  }
  if (delegatedAdmin && held?.delegatedAdmin !== true) {
    events.push({ type: 'DelegatedAdminApproved', data: { customerId, ...grantee, invitationId } });
  }
  return events;
}

/** The inviting partner, then its indirect provider when both were invited at once. */
function granteesOf({ data }: ResellerRelationshipAccepted): PartnerRelationship[] {
  const inviter = { partnerId: data.partnerId, relationship: data.relationship };
  if (data.indirectProviderId === undefined) return [inviter];
  return [inviter, { partnerId: data.indirectProviderId, relationship: 'indirect-provider' }];
}
