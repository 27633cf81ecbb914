import fc from 'fast-check';
import { AppError } from '@customer-workspace/kernel';
import { LANGUAGES, PARTNER_PROGRAMS } from '../common/domain.constants.js';
import { HASH } from '../testing/invitations.fixtures.js';
import type { InvitationCommand } from './invitation.commands.js';
import { invitationDecider } from './invitation.decider.js';
import type { InvitationEvent } from './invitation.events.js';
import type { InvitationState } from './invitation.state.js';

const INVITATION = 'i-1';
const rarely = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
const partner = fc.constantFrom('p-1', 'p-2');
const customerId = fc.constantFrom('c-1', 'c-2');
/** Instants around one another, so expiry before, at and after acceptance all occur. */
const instant = fc
  .integer({ min: Date.UTC(2026, 10, 1), max: Date.UTC(2026, 11, 31) })
  .map((ms) => new Date(ms).toISOString());
const text = fc.string({ unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)), maxLength: 20 });
const tokenHash = fc.oneof(
  { weight: 4, arbitrary: fc.constant(HASH) },
  { weight: 1, arbitrary: fc.constant('b'.repeat(64)) },
  { weight: 1, arbitrary: text },
);

const command = fc.oneof(
  fc.record({
    type: fc.constant('RequestResellerRelationship' as const),
    data: fc.record({
      invitationId: fc.constant(INVITATION),
      partnerId: partner,
      partnerPrograms: fc.array(fc.constantFrom(...PARTNER_PROGRAMS), { maxLength: 3 }),
      partnerIndirectProviderId: rarely(fc.constantFrom('p-prov', 'p-other')),
      customerId: rarely(customerId),
      customerVisibleToPartner: rarely(fc.boolean()),
      indirectProviderId: rarely(fc.constantFrom('p-prov', 'p-other')),
      includeDelegatedAdmin: fc.boolean(),
      language: fc.constantFrom(...LANGUAGES),
      tokenHash,
      requestedAt: instant,
      expiresAt: instant,
    }),
  }),
  fc.record({
    type: fc.constant('RevokeInvitation' as const),
    data: fc.record({ invitationId: fc.constant(INVITATION), partnerId: partner }),
  }),
  fc.record({
    type: fc.constant('AcceptInvitation' as const),
    data: fc.record({
      invitationId: fc.constant(INVITATION),
      tokenHash,
      customer: fc.record({ id: customerId, companyName: text, domain: text }),
      acceptedAt: instant,
    }),
  }),
) as fc.Arbitrary<InvitationCommand>;

/** What an event may do to the invitation it is decided on. */
function wrongEvent(command: InvitationCommand, event: InvitationEvent, state: InvitationState) {
  const invitation = state.status === 'none' ? undefined : state.invitation;
  switch (event.type) {
    case 'ResellerRelationshipRequested': {
      const { tokenHash, requestedAt, expiresAt, indirectProviderId, relationship } = event.data;
      if (state.status !== 'none') return 'requested twice';
      if (!/^[0-9a-f]{64}$/.test(tokenHash)) return 'a token hash that is no SHA-256';
      if (!(Date.parse(expiresAt) > Date.parse(requestedAt))) return 'expires before requested';
      if (indirectProviderId !== undefined && relationship !== 'indirect-reseller') {
        return 'invited with a provider, yet not as an indirect reseller';
      }
      return undefined;
    }
    case 'ResellerRelationshipRequestRevoked':
      if (command.type !== 'RevokeInvitation' || state.status !== 'pending') return 'revoked';
      return command.data.partnerId === invitation?.partnerId ? undefined : 'revoked by another';
    case 'ResellerRelationshipAccepted': {
      if (command.type !== 'AcceptInvitation' || state.status !== 'pending') return 'accepted';
      const { tokenHash, acceptedAt, customer } = command.data;
      if (tokenHash !== state.invitation.tokenHash) return 'accepted with a wrong token';
      if (Date.parse(acceptedAt) >= Date.parse(state.invitation.expiresAt)) return 'accepted late';
      const target = state.invitation.customerId;
      if (target !== undefined && target !== customer.id) return 'accepted by another customer';
      // The relationship goes to the inviting partner, whoever accepts.
      return event.data.partnerId === state.invitation.partnerId ? undefined : 'wrong grantee';
    }
  }
}

function run(commands: readonly InvitationCommand[], seen: Map<string, number>): void {
  let state = invitationDecider.initialState();
  for (const command of commands) {
    let events: readonly InvitationEvent[];
    try {
      events = invitationDecider.decide(command, state);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      seen.set(error.code, (seen.get(error.code) ?? 0) + 1);
      continue;
    }
    const problems = events.map((event) => wrongEvent(command, event, state)).filter(Boolean);
    if (problems.length > 0) throw new Error(`${command.type}: ${problems.join('; ')}`);
    for (const event of events) seen.set(event.type, (seen.get(event.type) ?? 0) + 1);
    state = events.reduce(invitationDecider.evolve, state);
  }
}

describe('the invitation decider under arbitrary command sequences', () => {
  it('refuses only with domain errors; requested → revoked | accepted, only by the rules', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(command, { minLength: 3, maxLength: 20, size: 'max' }), (commands) =>
        run(commands, seen),
      ),
      { numRuns: 500 },
    );
    const reached = [
      'ResellerRelationshipRequested',
      'ResellerRelationshipRequestRevoked',
      'ResellerRelationshipAccepted',
      'invitation-expired',
      'invitation-already-used',
    ];
    expect(reached.filter((key) => !seen.has(key))).toEqual([]);
  });
});
