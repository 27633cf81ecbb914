import * as customers from './index.js';

describe('the public surface', () => {
  it('names streams `<category>-<id>`, as EventStoreDB category projections expect', () => {
    expect(customers.partnerStream('p-1')).toBe('partner-p-1');
    expect(customers.customerStream('c-1')).toBe('customer-c-1');
    expect(customers.invitationStream('i-1')).toBe('invitation-i-1');
  });

  it('exports the three deciders and the pure helpers handlers need', () => {
    for (const decider of [
      customers.partnerDecider,
      customers.customerDecider,
      customers.invitationDecider,
    ]) {
      expect(decider).toEqual({
        initialState: expect.any(Function),
        evolve: expect.any(Function),
        decide: expect.any(Function),
      });
    }
    expect(typeof customers.consequencesOfAcceptance).toBe('function');
    expect(typeof customers.invitationEmail).toBe('function');
    expect(typeof customers.isVisibleTo).toBe('function');
    expect(typeof customers.partnerTag).toBe('function');
    expect(typeof customers.indirectProviderReference).toBe('function');
  });
});
