import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@customer-workspace/event-store';
import { activityLogEntriesOf } from '@customer-workspace/read-models';
import { activityEntryCheck } from './audit-entries.js';

const metadata = {
  correlationId: 'corr-1',
  causationId: 'corr-1',
  actor: { userId: 'u-1', upn: 'jana@contoso.example', role: 'admin-agent' },
  partnerId: 'contoso',
  occurredAt: '2026-12-02T10:00:00.000Z',
  schemaVersion: 1,
};
const profile = {
  companyName: 'Contoso a.s.',
  email: 'jana@contoso.cz',
  firstName: 'Jana',
  defaultAddress: { addressLine1: 'Vinohradská 12', city: 'Praha', country: 'CZ' },
};
let position = 0n;
const event = (type: string, data: unknown): RecordedEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata,
  streamId: 'customer-c-1',
  revision: position,
  position: ++position,
});
const added = () =>
  event('CustomerAdded', {
    customerId: 'c-1',
    addedByPartnerId: 'contoso',
    companyProfile: { companyName: 'Contoso a.s.', domain: 'contoso.example' },
    billingProfile: profile,
  });
const updated = () =>
  event('BillingProfileUpdated', { customerId: 'c-1', old: profile, new: profile });

/** The entry as the api shows it: what the activity log made of the event. */
const shown = (recorded: RecordedEvent, names: Record<string, string> = {}) => {
  const facts = { customerName: (id: string) => names[id], indirectProviderOf: () => undefined };
  const [derived] = activityLogEntriesOf(recorded, facts);
  const { partnerId, position: at, ...rest } = derived!;
  expect(partnerId).toBe('contoso');
  return { ...rest, position: at.toString(), leafIndex: 0, leafHash: '' };
};

describe('activityEntryCheck', () => {
  it('accepts an entry that says what its event says, names taken from earlier events', () => {
    const check = activityEntryCheck();
    const first = added();
    expect(check(shown(first), first, 'contoso')).toBeUndefined();
    const second = updated();
    expect(check(shown(second, { 'c-1': 'Contoso a.s.' }), second, 'contoso')).toBeUndefined();
  });

  it('names the first field an entry changed: who, what, when, the business values', () => {
    const cases: [string, (entry: ReturnType<typeof shown>) => object][] = [
      ['action', (entry) => ({ ...entry, action: 'delete_tag' })],
      ['performedBy', (entry) => ({ ...entry, performedBy: { ...entry.performedBy, upn: 'x@y' } })],
      ['occurredAt', (entry) => ({ ...entry, occurredAt: '2026-12-01T10:00:00.000Z' })],
      [
        'newValue',
        (entry) => ({ ...entry, newValue: { ...(entry.newValue as object), companyProfile: {} } }),
      ],
    ];
    for (const [field, change] of cases) {
      const recorded = added();
      const entry = change(shown(recorded)) as ReturnType<typeof shown>;
      expect(activityEntryCheck()(entry, recorded, 'contoso')).toMatch(new RegExp(`^${field}: `));
    }
  });

  it('leaves a profile’s personal fields out: stored sealed, shown in clear or "[erased]"', () => {
    const recorded = updated();
    const entry = shown(recorded, { 'c-1': 'Contoso a.s.' });
    const erased = { ...profile, email: '[erased]', firstName: '[erased]' };
    const claims = { ...entry, oldValue: erased, newValue: erased };
    expect(activityEntryCheck()(claims, recorded, 'contoso')).toBeUndefined();
    const renamed = { ...entry, newValue: { ...profile, companyName: 'Forged a.s.' } };
    expect(activityEntryCheck()(renamed, recorded, 'contoso')).toMatch(/^newValue: /);
  });

  it('refuses an event that is no entry of the partner’s log', () => {
    const recorded = added();
    expect(activityEntryCheck()(shown(recorded), recorded, 'fabrikam')).toMatch(
      /no entry of fabrikam’s log/,
    );
  });
});
