import fc from 'fast-check';
import { AppError } from '@customer-workspace/kernel';
import { LANGUAGES, MAX_TAG_NAME_LENGTH, PARTNER_PROGRAMS } from '../common/domain.constants.js';
import type { PartnerCommand } from './partner.commands.js';
import { partnerDecider } from './partner.decider.js';
import type { PartnerEvent } from './partner.events.js';
import type { PartnerState, RegisteredPartner } from './partner.state.js';

const PARTNER = 'p-1';
const rarely = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
/** Any UTF-16 string: lone surrogates, NULs, blanks and over-long names included. */
const text = fc.oneof(
  fc.string({ unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)), maxLength: 60 }),
  // Names that differ only in case, spacing or Unicode normalisation.
  fc.constantFrom('VIP', 'vip', ' Vip ', 'Caf\u00e9', 'Cafe\u0301', 'CAF\u00c9', '\u00a0', ''),
);
const programs = fc.array(fc.constantFrom(...PARTNER_PROGRAMS), { maxLength: 4 });
const tagId = fc.nat(9).map((n) => `t-${n}`);

const command = fc.oneof(
  fc.record({
    type: fc.constant('RegisterPartner' as const),
    data: fc.record({
      partnerId: fc.constant(PARTNER),
      name: text,
      programs,
      indirectProviderId: rarely(fc.constantFrom('p-prov', 'p-other')),
      indirectProvider: rarely(fc.record({ id: fc.constantFrom('p-prov', 'p-other'), programs })),
      defaultLanguage: fc.constantFrom(...LANGUAGES),
    }),
  }),
  fc.record({
    type: fc.constant('CreateTag' as const),
    data: fc.record({ partnerId: fc.constant(PARTNER), tagId, name: text }),
  }),
  fc.record({
    type: fc.constant('DeleteTag' as const),
    data: fc.record({ partnerId: fc.constant(PARTNER), tagId }),
  }),
  fc.record({
    type: fc.constant('RecordCustomersExport' as const),
    data: fc.record({ partnerId: fc.constant(PARTNER), lang: fc.constantFrom(...LANGUAGES) }),
  }),
) as fc.Arbitrary<PartnerCommand>;

const caseless = (name: string): string => name.normalize('NFC').toLowerCase();

/** What must hold of every registered partner its events can fold into. */
function inconsistencies(partner: RegisteredPartner): string[] {
  const problems: string[] = [];
  if (partner.name !== partner.name.trim() || partner.name === '') problems.push('blank name');
  if (partner.programs.length === 0) problems.push('no program');
  if (new Set(partner.programs).size !== partner.programs.length) problems.push('program twice');
  const reseller = partner.programs.includes('indirect-reseller');
  if (reseller !== (partner.indirectProviderId !== undefined)) problems.push('provider mismatch');
  const names = [...partner.tags.values()];
  if (new Set(names.map(caseless)).size !== names.length) problems.push(`same tag twice: ${names}`);
  for (const name of names) {
    const length = [...name.normalize('NFC')].length;
    if (name !== name.trim() || length < 1 || length > MAX_TAG_NAME_LENGTH) {
      problems.push(`bad tag name ${JSON.stringify(name)}`);
    }
  }
  return problems;
}

function run(commands: readonly PartnerCommand[], seen: Map<string, number>): void {
  let state: PartnerState = partnerDecider.initialState();
  for (const command of commands) {
    let events: readonly PartnerEvent[];
    try {
      events = partnerDecider.decide(command, state);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      seen.set(error.code, (seen.get(error.code) ?? 0) + 1);
      continue;
    }
    const next = events.reduce(partnerDecider.evolve, state);
    const problems = [
      ...events.filter((e) => e.data.partnerId !== PARTNER).map((e) => `${e.type} elsewhere`),
      ...(state.status === 'registered' && events.some((e) => e.type === 'PartnerRegistered')
        ? ['registered twice']
        : []),
      ...(next.status === 'registered' ? inconsistencies(next.partner) : []),
    ];
    if (problems.length > 0) throw new Error(`${command.type}: ${problems.join('; ')}`);
    for (const event of events) seen.set(event.type, (seen.get(event.type) ?? 0) + 1);
    state = next;
  }
}

describe('the partner decider under arbitrary command sequences', () => {
  it('refuses only with domain errors and keeps the partner and its catalog consistent', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(command, { minLength: 5, maxLength: 40, size: 'max' }), (commands) =>
        run(commands, seen),
      ),
      { numRuns: 300 },
    );
    const reached = ['PartnerRegistered', 'TagCreated', 'TagDeleted', 'tag-name-taken'];
    expect(reached.filter((key) => !seen.has(key))).toEqual([]);
  });
});
