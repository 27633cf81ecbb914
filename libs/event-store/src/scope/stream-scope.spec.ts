import { InvalidStreamPrefix, StreamScope } from './stream-scope.js';

const categories = ['partner-', 'customer-', 'invitation-'];

describe('StreamScope', () => {
  it('refuses a prefix that would end a category or name a system stream', () => {
    for (const prefix of ['staging-', '$staging', 'a b', 'x'.repeat(65), 'ü']) {
      expect(() => new StreamScope({ prefix, categories })).toThrow(InvalidStreamPrefix);
    }
    expect(() => new StreamScope({ prefix: 'staging-', categories })).toThrow(
      /EVENTSTORE_STREAM_PREFIX/,
    );
    expect(new StreamScope({ prefix: 'tenant_7.prod:', categories }).prefix).toBe('tenant_7.prod:');
  });

  it('stores our streams behind the prefix and gives back our names', () => {
    const scope = new StreamScope({ prefix: 'staging_', categories });
    expect(scope.stored('customer-1')).toBe('staging_customer-1');
    expect(scope.local('staging_customer-1')).toBe('customer-1');
    expect(scope.owns('staging_customer-1')).toBe(true);
    expect(scope.owns('customer-1')).toBe(false);
    expect(scope.owns('staging_envelope-7')).toBe(false);
  });

  it('always filters $all by our categories, narrowed to what the reader asks for', () => {
    const scope = new StreamScope({ prefix: 'p_', categories });
    expect(scope.storedFilter(undefined)).toEqual({
      streamNamePrefixes: ['p_partner-', 'p_customer-', 'p_invitation-'],
    });
    expect(scope.storedFilter({ eventTypePrefixes: ['Customer'] })).toEqual(
      scope.storedFilter(undefined),
    );
    expect(scope.storedFilter({ streamNamePrefixes: ['invitation-', 'cust'] })).toEqual({
      streamNamePrefixes: ['p_invitation-', 'p_customer-'],
    });
    // Outside our categories: read through ours, and accept nothing.
    expect(scope.storedFilter({ streamNamePrefixes: ['envelope-'] })).toEqual(
      scope.storedFilter(undefined),
    );
    expect(scope.accepts({ streamNamePrefixes: ['envelope-'] }, ev('p_envelope-1', 'X'))).toBe(
      false,
    );
  });

  it('tells when the stored filter is exactly what the reader asked for', () => {
    const scope = new StreamScope({ categories });
    expect(scope.isExact(undefined)).toBe(true);
    expect(scope.isExact({ streamNamePrefixes: ['customer-1', 'envelope-'] })).toBe(true);
    expect(scope.isExact({ streamNamePrefixes: ['envelope-'] })).toBe(false);
    expect(scope.isExact({ eventTypePrefixes: ['CustomerAdded'] })).toBe(false);
  });

  it('accepts only our events that match the reader filter', () => {
    const scope = new StreamScope({ categories });
    expect(scope.accepts(undefined, ev('customer-1', 'CustomerAdded'))).toBe(true);
    expect(scope.accepts(undefined, ev('envelope-7', 'CustomerAdded'))).toBe(false);
    expect(scope.accepts(undefined, ev('$$$all', '$metadata'))).toBe(false);
    const accepted = { eventTypePrefixes: ['ResellerRelationshipAccepted'] };
    expect(scope.accepts(accepted, ev('invitation-1', 'ResellerRelationshipAccepted'))).toBe(true);
    expect(scope.accepts(accepted, ev('invitation-1', 'InvitationRevoked'))).toBe(false);
    expect(scope.accepts(accepted, ev('other-1', 'ResellerRelationshipAccepted'))).toBe(false);
  });
});

function ev(streamId: string, type: string): { streamId: string; type: string } {
  return { streamId, type };
}
