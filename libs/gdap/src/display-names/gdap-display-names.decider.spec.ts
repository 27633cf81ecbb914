import { deciderSpecification } from '@customer-workspace/kernel/testing';
import type {
  ReleaseGdapDisplayName,
  ReserveGdapDisplayName,
} from './gdap-display-names.commands.js';
import { gdapDisplayNamesDecider } from './gdap-display-names.decider.js';
import type { GdapDisplayNamesEvent } from './gdap-display-names.events.js';
import { gdapDisplayNameHolder } from './gdap-display-names.state.js';

const spec = deciderSpecification(gdapDisplayNamesDecider);
const AT = '2026-03-01T09:00:00.000Z';
const GRACE_LATER = '2026-03-01T09:10:00.000Z';

const reserve = (data: Partial<ReserveGdapDisplayName['data']> = {}): ReserveGdapDisplayName => ({
  type: 'ReserveGdapDisplayName',
  data: {
    partnerId: 'p-1',
    relationshipId: 'r-1',
    displayName: 'Contoso helpdesk',
    at: AT,
    ...data,
  },
});
const reserved = (
  relationshipId = 'r-1',
  displayName = 'Contoso helpdesk',
  reservedAt = AT,
): GdapDisplayNamesEvent => ({
  type: 'GdapDisplayNameReserved',
  data: { partnerId: 'p-1', displayName, relationshipId, reservedAt },
});
const released = (
  relationshipId = 'r-1',
  reason: 'released' | 'abandoned' = 'released',
  displayName = 'Contoso helpdesk',
): GdapDisplayNamesEvent => ({
  type: 'GdapDisplayNameReleased',
  data: { partnerId: 'p-1', displayName, relationshipId, reason },
});
const release = (
  relationshipId = 'r-1',
  displayName = 'Contoso helpdesk',
): ReleaseGdapDisplayName => ({
  type: 'ReleaseGdapDisplayName',
  data: { partnerId: 'p-1', relationshipId, displayName },
});

describe('the display-name index of a partner’s GDAP relationships', () => {
  it('reserves a free name (trimmed) for a relationship', () => {
    spec
      .given([])
      .when(reserve({ displayName: ' Contoso helpdesk ' }))
      .then([reserved()]);
  });

  it('refuses a name another relationship holds, ignoring case and normalisation form', () => {
    spec
      .given([reserved('r-1', 'Café')])
      .when(reserve({ relationshipId: 'r-2', displayName: 'CAFE\u0301' }))
      .thenThrows({ code: 'gdap-display-name-taken', kind: 'conflict', displayName: 'Café' });
  });

  it('answers a retry by the same relationship with nothing new', () => {
    spec
      .given([reserved()])
      .when(reserve({ displayName: 'contoso HELPDESK' }))
      .then([]);
  });

  it('frees a name its relationship releases, and ignores a release by another', () => {
    spec.given([reserved()]).when(release()).then([released()]);
    spec.given([reserved()]).when(release('r-2')).then([]);
    spec.given([]).when(release()).then([]);
    spec
      .given([reserved(), released()])
      .when(reserve({ relationshipId: 'r-2' }))
      .then([reserved('r-2')]);
  });

  it('takes over a reservation its relationship never used, once the grace period is over', () => {
    const checked = { relationshipId: 'r-1', displayName: undefined };
    spec
      .given([reserved()])
      .when(reserve({ relationshipId: 'r-2', at: GRACE_LATER, holderChecked: checked }))
      .then([released('r-1', 'abandoned'), reserved('r-2', 'Contoso helpdesk', GRACE_LATER)]);
    spec
      .given([reserved()])
      .when(
        reserve({
          relationshipId: 'r-2',
          at: GRACE_LATER,
          holderChecked: { relationshipId: 'r-1', displayName: 'Another name' },
        }),
      )
      .then([released('r-1', 'abandoned'), reserved('r-2', 'Contoso helpdesk', GRACE_LATER)]);
  });

  it('keeps a reservation within its grace period, one its relationship bears, or one not checked', () => {
    const taken = { code: 'gdap-display-name-taken' };
    spec
      .given([reserved()])
      .when(
        reserve({
          relationshipId: 'r-2',
          at: '2026-03-01T09:09:59.999Z',
          holderChecked: { relationshipId: 'r-1', displayName: undefined },
        }),
      )
      .thenThrows(taken);
    spec
      .given([reserved()])
      .when(
        reserve({
          relationshipId: 'r-2',
          at: GRACE_LATER,
          holderChecked: { relationshipId: 'r-1', displayName: 'CONTOSO helpdesk' },
        }),
      )
      .thenThrows(taken);
    spec
      .given([reserved()])
      .when(reserve({ relationshipId: 'r-2', at: GRACE_LATER }))
      .thenThrows(taken);
    spec
      .given([reserved()])
      .when(
        reserve({
          relationshipId: 'r-2',
          at: GRACE_LATER,
          holderChecked: { relationshipId: 'r-3', displayName: undefined },
        }),
      )
      .thenThrows(taken);
  });

  it('refuses a name that is blank or too long', () => {
    spec
      .given([])
      .when(reserve({ displayName: ' ' }))
      .thenThrows({ code: 'invalid-gdap-display-name' });
  });

  it('tells the handler which relationship holds a name', () => {
    const state = [reserved(), reserved('r-2', 'Fabrikam')].reduce(
      gdapDisplayNamesDecider.evolve,
      gdapDisplayNamesDecider.initialState(),
    );
    expect(gdapDisplayNameHolder(state, 'CONTOSO HELPDESK')).toBe('r-1');
    expect(gdapDisplayNameHolder(state, 'fabrikam')).toBe('r-2');
    expect(gdapDisplayNameHolder(state, 'Northwind')).toBeUndefined();
  });
});
