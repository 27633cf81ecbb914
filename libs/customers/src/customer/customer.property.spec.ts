import fc from 'fast-check';
import { AppError } from '@customer-workspace/kernel';
import {
  CATALOGS,
  MAX_LINE_ITEM_QUANTITY,
  MAX_TAGS_PER_CUSTOMER,
  RELATIONSHIPS,
  TERM_DURATIONS,
} from '../common/domain.constants.js';
import { CUSTOMER, DIRECT, PROVIDER, RESELLER, STRANGER } from '../testing/customers.fixtures.js';
import type { CustomerCommand } from './customer.commands.js';
import { customerDecider } from './customer.decider.js';
import type { CustomerEvent } from './customer.events.js';
import type { CustomerState, ExistingCustomer } from './customer.state.js';

// Few ids, so that random commands keep meeting the same relationships, orders and tags; the
// customer's first partner calls most often, so that sequences get past "not found".
const partner = fc.oneof(
  { weight: 6, arbitrary: fc.constant(DIRECT) },
  { weight: 1, arbitrary: fc.constantFrom(PROVIDER, RESELLER, STRANGER) },
);
/** Mostly absent: most optional fields, when present, make the command invalid. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
const relationship = fc.constantFrom(...RELATIONSHIPS);
const tagId = fc.nat(179).map((n) => `t-${n}`);
const subscriptionId = fc.nat(7).map((n) => `s-${n}`);
/** Any UTF-16 string: lone surrogates, NULs and blanks included. */
const text = fc.string({ unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)), maxLength: 12 });
const number = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -2, max: MAX_LINE_ITEM_QUANTITY + 2 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, NaN, Infinity, Number.MAX_SAFE_INTEGER + 2) },
);
const companyProfile = fc.record({ companyName: text, domain: text });
const billingProfile = fc.record({
  companyName: text,
  email: text,
  defaultAddress: fc.record({ addressLine1: text, city: text, postalCode: text, country: text }),
});
const lineItem = fc.record(
  {
    offerId: text,
    quantity: number,
    termDuration: fc.constantFrom(...TERM_DURATIONS),
    friendlyName: text,
    partnerIdOnRecord: rarely(partner),
    subscriptionId,
  },
  { requiredKeys: ['offerId', 'quantity', 'subscriptionId', 'partnerIdOnRecord'] },
);
const on = { customerId: fc.constant(CUSTOMER), partnerId: partner };

const command: fc.Arbitrary<CustomerCommand> = fc.oneof(
  fc.record({
    type: fc.constant('AddCustomer'),
    data: fc.record({ ...on, companyProfile, billingProfile }),
  }),
  fc.record({
    type: fc.constant('UpdateBillingProfile'),
    data: fc.record({ ...on, billingProfile, expectedVersion: fc.oneof(fc.nat(3), number) }),
  }),
  fc.record({
    type: fc.constant('RemoveRelationship'),
    data: fc.record({
      ...on,
      relationship,
      attestation: fc.record({
        accepted: fc.boolean(),
        reason: fc.oneof(text, fc.constant('Moved')),
      }),
    }),
  }),
  fc.record({
    type: fc.constant('CreateOrder'),
    data: fc.record({
      ...on,
      orderId: fc.nat(5).map((n) => `o-${n}`),
      relationship: rarely(relationship),
      catalog: fc.constantFrom(...CATALOGS),
      lineItems: fc.array(lineItem, { maxLength: 3, size: 'max' }),
    }),
  }),
  ...(['SuspendSubscription', 'CancelSubscription'] as const).map((type) =>
    fc.record({ type: fc.constant(type), data: fc.record({ ...on, subscriptionId }) }),
  ),
  fc
    .record({ ...on, tagId, name: text, inCatalog: fc.nat(9), otherTagId: tagId })
    .map(({ tagId, name, inCatalog, otherTagId, ...data }) => ({
      type: 'AssignCustomerTag' as const,
      // The handler passes the catalog entry of the tag, if any; rarely a mismatched one.
      data: {
        ...data,
        tagId,
        tag:
          inCatalog > 1
            ? { tagId, name }
            : inCatalog === 1
              ? { tagId: otherTagId, name }
              : undefined,
      },
    })),
  fc.record({ type: fc.constant('UnassignCustomerTag'), data: fc.record({ ...on, tagId }) }),
  fc.record({
    type: fc.constant('ApplyAcceptedInvitation'),
    data: fc.record({
      acceptance: fc.record({
        invitationId: fc.constantFrom('i-1', 'i-2'),
        partnerId: partner,
        relationship,
        indirectProviderId: rarely(partner),
        includeDelegatedAdmin: fc.boolean(),
        customerId: fc.constant(CUSTOMER),
        companyProfile,
        acceptedAt: fc.constant('2026-11-22T08:00:00.000Z'),
      }),
    }),
  }),
) as fc.Arbitrary<CustomerCommand>;

/** Everything of the state, Maps and Sets included, as comparable JSON (no replacer: fast). */
function snapshot(state: CustomerState): string {
  if (state.status !== 'existing') return state.status;
  const { tags, subscriptions, orderIds, ...plain } = state.customer;
  const tagLists = [...tags].map(([partnerId, assigned]) => [partnerId, [...assigned]]);
  return JSON.stringify([plain, tagLists, [...subscriptions.values()], [...orderIds]]);
}

const holds = (customer: ExistingCustomer, partnerId: string, kind: string): boolean =>
  customer.relationships.some((r) => r.partnerId === partnerId && r.relationship === kind);

/** What must hold of every state the customer's events can fold into (plain checks: fast). */
function inconsistencies(before: ExistingCustomer | undefined, after: ExistingCustomer): string[] {
  const problems: string[] = [];
  const keys = after.relationships.map((r) => `${r.partnerId}/${r.relationship}`);
  if (new Set(keys).size !== keys.length) problems.push(`relationship held twice: ${keys}`);
  for (const [partnerId, tags] of after.tags) {
    if (tags.size > MAX_TAGS_PER_CUSTOMER) problems.push(`${partnerId} has ${tags.size} tags`);
  }
  for (const s of after.subscriptions.values()) {
    const previous = before?.subscriptions.get(s.subscriptionId)?.status;
    if (!after.orderIds.has(s.orderId)) problems.push(`${s.subscriptionId} has no order`);
    if (previous === 'cancelled' && s.status !== 'cancelled')
      problems.push(`${s.subscriptionId} revived`);
    if (previous === 'suspended' && s.status === 'active')
      problems.push(`${s.subscriptionId} resumed`);
    if (s.status === 'cancelled') continue;
    // A relationship with subscriptions still running is never gone.
    if (!holds(after, s.partnerId, s.relationship)) problems.push(`${s.subscriptionId} orphaned`);
    if (
      s.partnerIdOnRecord !== undefined &&
      !holds(after, s.partnerIdOnRecord, 'indirect-reseller')
    ) {
      problems.push(`${s.subscriptionId} names ${s.partnerIdOnRecord} who is no reseller any more`);
    }
  }
  return problems;
}

/** Only a partner that sees the customer changes it, only its own part, only valid orders. */
function wrongEvents(
  command: CustomerCommand,
  events: readonly CustomerEvent[],
  state: CustomerState,
): string[] {
  if (command.type === 'ApplyAcceptedInvitation' || command.type === 'AddCustomer') return [];
  const caller = command.data.partnerId;
  const problems: string[] = [];
  const sees =
    state.status === 'existing' && state.customer.relationships.some((r) => r.partnerId === caller);
  if (events.length > 0 && !sees) problems.push(`${caller} changed a customer it does not see`);
  for (const event of events) {
    const owner = 'partnerId' in event.data ? event.data.partnerId : undefined;
    if (owner !== caller) problems.push(`${caller} wrote ${event.type} of ${owner}`);
    if (event.type === 'SubscriptionSuspended' || event.type === 'SubscriptionCancelled') {
      const orderedBy =
        state.status === 'existing'
          ? state.customer.subscriptions.get(event.data.subscriptionId)?.partnerId
          : undefined;
      if (orderedBy !== caller) problems.push(`${caller} changed a subscription of ${orderedBy}`);
    }
    if (event.type !== 'OrderCreated') continue;
    const bad = event.data.lineItems.filter(
      ({ quantity: q }) => !(Number.isInteger(q) && q >= 1 && q <= MAX_LINE_ITEM_QUANTITY),
    );
    if (bad.length > 0) problems.push(`ordered quantities ${bad.map((i) => i.quantity)}`);
  }
  return problems;
}

const count = (seen: Map<string, number>, key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);

/**
 * Runs the commands one after the other as the handler would (a refused command changes
 * nothing) and fails on anything but a domain refusal or an inconsistent state. `seen`
 * counts the events and error codes met, to show the sequences reached the rules.
 */
function run(commands: readonly CustomerCommand[], seen: Map<string, number>): void {
  let state = customerDecider.initialState();
  for (const command of commands) {
    const frozen = snapshot(state);
    let events: readonly CustomerEvent[];
    try {
      events = customerDecider.decide(command, state);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      count(seen, error.code);
      continue;
    }
    const next = events.reduce(customerDecider.evolve, state);
    const problems = [
      ...(snapshot(state) === frozen ? [] : ['decide changed the state it was given']),
      ...wrongEvents(command, events, state),
      ...(next.status === 'existing'
        ? inconsistencies(state.status === 'existing' ? state.customer : undefined, next.customer)
        : []),
      ...(command.type === 'ApplyAcceptedInvitation' &&
      customerDecider.decide(command, next).length > 0
        ? ['applying an acceptance twice changed the customer again']
        : []),
    ];
    if (problems.length > 0) throw new Error(`${command.type}: ${problems.join('; ')}`);
    for (const event of events) count(seen, event.type);
    state = next;
  }
}

const assign = (id: string): CustomerCommand => ({
  type: 'AssignCustomerTag',
  data: { customerId: CUSTOMER, partnerId: DIRECT, tagId: id, tag: { tagId: id, name: id } },
});
const unassign = (id: string): CustomerCommand => ({
  type: 'UnassignCustomerTag',
  data: { customerId: CUSTOMER, partnerId: DIRECT, tagId: id },
});
const added: CustomerCommand = {
  type: 'AddCustomer',
  data: {
    customerId: CUSTOMER,
    partnerId: DIRECT,
    companyProfile: { companyName: 'C', domain: 'c.example' },
    billingProfile: {
      companyName: 'C',
      email: 'a@c.example',
      defaultAddress: { addressLine1: 'a', city: 'b', postalCode: '1', country: 'CZ' },
    },
  },
};

describe('the customer decider under arbitrary command sequences', () => {
  it('refuses only with domain errors and keeps the customer consistent', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(command, { minLength: 5, maxLength: 60, size: 'max' }), (commands) =>
        run(commands, seen),
      ),
      { numRuns: 300 },
    );
    // The sequences reached the rules, not only refusals of a customer that does not exist.
    const reached = [
      'OrderCreated',
      'SubscriptionCancelled',
      'RelationshipRemoved',
      'CustomerTagAssigned',
      'DelegatedAdminApproved',
      'active-subscriptions',
      'customer-not-found',
    ];
    expect(reached.filter((key) => !seen.has(key))).toEqual([]);
  });

  it('never puts more than 150 tags of one partner on a customer', () => {
    const seen = new Map<string, number>();
    const tagging = fc.oneof(
      { weight: 19, arbitrary: fc.nat(199).map((n) => assign(`t-${n}`)) },
      { weight: 1, arbitrary: fc.nat(199).map((n) => unassign(`t-${n}`)) },
    );
    fc.assert(
      fc.property(fc.array(tagging, { minLength: 250, maxLength: 400 }), (commands) =>
        run([added, ...commands], seen),
      ),
      // A counterexample of hundreds of commands would take minutes to shrink; the message says it.
      { numRuns: 25, endOnFailure: true },
    );
    expect(seen.get('tag-limit-reached')).toBeGreaterThan(0);
  });
});
