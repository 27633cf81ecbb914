import { deciderSpecification } from '@customer-workspace/kernel/testing';
import { registered, tagCreated } from '../testing/partners.fixtures.js';
import { partnerDecider } from './partner.decider.js';
import type { PartnerEvent } from './partner.events.js';
import { indirectProviderReference, partnerTag } from './partner.state.js';

const spec = deciderSpecification(partnerDecider);

describe('the tag catalog', () => {
  const createTag = (tagId: string, name: string) =>
    ({ type: 'CreateTag', data: { partnerId: 'p-1', tagId, name } }) as const;

  it('creates a tag with its name trimmed', () => {
    spec
      .given([registered()])
      .when(createTag('t-1', '  Gold  '))
      .then([tagCreated('t-1', 'Gold')]);
  });

  it('accepts a name of exactly 50 characters, counting a decomposed accented letter once', () => {
    const name = 'r\u030C'.repeat(50); // "ř" as r + combining caron: 100 UTF-16 units
    spec
      .given([registered()])
      .when(createTag('t-1', name))
      .then([tagCreated('t-1', name)]);
  });

  it('refuses a name longer than 50 characters', () => {
    spec
      .given([registered()])
      .when(createTag('t-1', 'x'.repeat(51)))
      .thenThrows({ code: 'invalid-tag-name', kind: 'validation' });
  });

  it('refuses a name that is blank after trimming', () => {
    spec
      .given([registered()])
      .when(createTag('t-1', '   '))
      .thenThrows({ code: 'invalid-tag-name' });
  });

  it('refuses a name already used by another tag of the partner, ignoring case', () => {
    spec
      .given([registered(), tagCreated('t-1', 'Gold')])
      .when(createTag('t-2', 'gOLD'))
      .thenThrows({ code: 'tag-name-taken', kind: 'conflict' });
  });

  it('allows the name of a deleted tag again', () => {
    const deleted: PartnerEvent = {
      type: 'TagDeleted',
      data: { partnerId: 'p-1', tagId: 't-1', name: 'Gold' },
    };
    spec
      .given([registered(), tagCreated('t-1', 'Gold'), deleted])
      .when(createTag('t-2', 'Gold'))
      .then([tagCreated('t-2', 'Gold')]);
  });

  it('refuses a tag id that already exists', () => {
    spec
      .given([registered(), tagCreated('t-1', 'Gold')])
      .when(createTag('t-1', 'Silver'))
      .thenThrows({ code: 'tag-already-exists', kind: 'conflict' });
  });

  it('deletes a tag, recording the name it had', () => {
    spec
      .given([registered(), tagCreated('t-1', 'Gold')])
      .when({ type: 'DeleteTag', data: { partnerId: 'p-1', tagId: 't-1' } })
      .then([{ type: 'TagDeleted', data: { partnerId: 'p-1', tagId: 't-1', name: 'Gold' } }]);
  });

  it('refuses to delete an unknown tag', () => {
    spec
      .given([registered()])
      .when({ type: 'DeleteTag', data: { partnerId: 'p-1', tagId: 't-9' } })
      .thenThrows({ code: 'tag-not-found', kind: 'not-found' });
  });

  it('refuses tag commands for a partner that is not registered', () => {
    spec
      .given([])
      .when(createTag('t-1', 'Gold'))
      .thenThrows({ code: 'partner-not-found', kind: 'not-found' });
  });
});

describe('export audit', () => {
  it('records an export of the customer list with its language', () => {
    spec
      .given([registered()])
      .when({ type: 'RecordCustomersExport', data: { partnerId: 'p-1', lang: 'cs' } })
      .then([{ type: 'CustomersExported', data: { partnerId: 'p-1', lang: 'cs' } }]);
  });

  it('records an export of the activity log with its filters and format', () => {
    const filters = { from: '2026-01-01T00:00:00Z', customerId: 'c-1', action: 'create_order' };
    spec
      .given([registered()])
      .when({
        type: 'RecordActivityLogExport',
        data: { partnerId: 'p-1', filters, format: 'ndjson' },
      })
      .then([
        { type: 'ActivityLogExported', data: { partnerId: 'p-1', filters, format: 'ndjson' } },
      ]);
  });

  it('refuses to record exports of a partner that is not registered', () => {
    spec
      .given([])
      .when({ type: 'RecordCustomersExport', data: { partnerId: 'p-1', lang: 'en' } })
      .thenThrows({ code: 'partner-not-found' });
  });
});

describe('what handlers read from a partner stream', () => {
  const fold = (events: PartnerEvent[]) =>
    events.reduce(partnerDecider.evolve, partnerDecider.initialState());

  it('finds a catalog tag by id, and nothing once it is deleted', () => {
    const state = fold([registered(), tagCreated('t-1', 'Gold')]);
    expect(partnerTag(state, 't-1')).toEqual({ tagId: 't-1', name: 'Gold' });
    expect(partnerTag(state, 't-2')).toBeUndefined();
    const deleted = partnerDecider.evolve(state, {
      type: 'TagDeleted',
      data: { partnerId: 'p-1', tagId: 't-1', name: 'Gold' },
    });
    expect(partnerTag(deleted, 't-1')).toBeUndefined();
  });

  it('describes a registered partner as an indirect provider reference, an empty stream as none', () => {
    const state = fold([registered({ partnerId: 'p-prov', programs: ['indirect-provider'] })]);
    expect(indirectProviderReference(state)).toEqual({
      id: 'p-prov',
      programs: ['indirect-provider'],
    });
    expect(indirectProviderReference(fold([]))).toBeUndefined();
  });
});
