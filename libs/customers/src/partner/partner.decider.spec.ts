import { deciderSpecification } from '@customer-workspace/kernel/testing';
import { provider, register, registered } from '../testing/partners.fixtures.js';
import { partnerDecider } from './partner.decider.js';

const spec = deciderSpecification(partnerDecider);

describe('registering a partner', () => {
  it('registers a partner with a trimmed name', () => {
    spec
      .given([])
      .when(register({ name: '  Contoso ' }))
      .then([registered()]);
  });

  it('refuses to register the same partner twice', () => {
    spec
      .given([registered()])
      .when(register())
      .thenThrows({ code: 'partner-already-registered', kind: 'conflict' });
  });

  it('refuses a blank name', () => {
    spec
      .given([])
      .when(register({ name: '  ' }))
      .thenThrows({ code: 'partner-name-required', kind: 'validation' });
  });

  it('needs at least one program', () => {
    spec
      .given([])
      .when(register({ programs: [] }))
      .thenThrows({ code: 'programs-required', kind: 'validation' });
  });

  it('refuses a program listed twice', () => {
    spec
      .given([])
      .when(register({ programs: ['direct-bill', 'direct-bill'] }))
      .thenThrows({ code: 'duplicate-programs', kind: 'validation' });
  });

  it('registers a dual partner (direct bill and indirect reseller) with its indirect provider', () => {
    const programs = ['direct-bill', 'indirect-reseller'] as const;
    spec
      .given([])
      .when(
        register({
          programs: [...programs],
          indirectProviderId: 'p-prov',
          indirectProvider: provider,
        }),
      )
      .then([registered({ programs: [...programs], indirectProviderId: 'p-prov' })]);
  });

  it('requires an indirect reseller to name its indirect provider', () => {
    spec
      .given([])
      .when(register({ programs: ['indirect-reseller'] }))
      .thenThrows({ code: 'indirect-provider-required', kind: 'validation' });
  });

  it('refuses an indirect provider named by a partner that is not an indirect reseller', () => {
    spec
      .given([])
      .when(
        register({
          programs: ['direct-bill'],
          indirectProviderId: 'p-prov',
          indirectProvider: provider,
        }),
      )
      .thenThrows({ code: 'indirect-provider-not-allowed', kind: 'validation' });
  });

  it('refuses an indirect provider that is not registered', () => {
    spec
      .given([])
      .when(register({ programs: ['indirect-reseller'], indirectProviderId: 'p-prov' }))
      .thenThrows({ code: 'indirect-provider-unknown', kind: 'rule' });
  });

  it('refuses an indirect provider reference that names another partner than the one named', () => {
    spec
      .given([])
      .when(
        register({
          programs: ['indirect-reseller'],
          indirectProviderId: 'p-other',
          indirectProvider: provider,
        }),
      )
      .thenThrows({ code: 'indirect-provider-unknown', kind: 'rule' });
  });

  it('refuses a named indirect provider that is not in the indirect-provider program', () => {
    spec
      .given([])
      .when(
        register({
          programs: ['indirect-reseller'],
          indirectProviderId: 'p-prov',
          indirectProvider: { id: 'p-prov', programs: ['direct-bill'] },
        }),
      )
      .thenThrows({ code: 'not-an-indirect-provider', kind: 'rule' });
  });
});
