import type { Decider } from '@customer-workspace/kernel';
import { assertNever } from '@customer-workspace/kernel';
import { MAX_TAG_NAME_LENGTH } from '../common/domain.constants.js';
import type { CreateTag, DeleteTag, PartnerCommand, RegisterPartner } from './partner.commands.js';
import {
  DuplicatePrograms,
  IndirectProviderNotAllowed,
  IndirectProviderRequired,
  IndirectProviderUnknown,
  InvalidTagName,
  NotAnIndirectProvider,
  PartnerAlreadyRegistered,
  PartnerNameRequired,
  ProgramsRequired,
  TagAlreadyExists,
  TagNameTaken,
  TagNotFound,
} from './partner.errors.js';
import type { PartnerEvent } from './partner.events.js';
import {
  evolvePartner,
  initialPartnerState,
  type PartnerState,
  type RegisteredPartner,
  knownPartner,
} from './partner.state.js';

/** Registration, tag catalog and export audit of one partner (`partner-<id>`). */
export const partnerDecider: Decider<PartnerCommand, PartnerEvent, PartnerState> = {
  initialState: initialPartnerState,
  evolve: evolvePartner,
  decide: decidePartner,
};

function decidePartner(command: PartnerCommand, state: PartnerState): PartnerEvent[] {
  if (command.type === 'RegisterPartner') return register(command, state);
  const partner = knownPartner(state, command.data.partnerId);
  switch (command.type) {
    case 'CreateTag':
      return createTag(command, partner);
    case 'DeleteTag':
      return deleteTag(command, partner);
    case 'RecordCustomersExport': {
      const { partnerId, lang } = command.data;
      return [{ type: 'CustomersExported', data: { partnerId, lang } }];
    }
    case 'RecordActivityLogExport': {
      const { partnerId, filters, format } = command.data;
      return [{ type: 'ActivityLogExported', data: { partnerId, filters, format } }];
    }
    default:
      return assertNever(command);
  }
}

function register({ data }: RegisterPartner, state: PartnerState): PartnerEvent[] {
  if (state.status === 'registered') throw new PartnerAlreadyRegistered(data.partnerId);
  if (data.name.trim() === '') throw new PartnerNameRequired();
  if (data.programs.length === 0) throw new ProgramsRequired();
  const repeated = data.programs.filter((p, i) => data.programs.indexOf(p) !== i);
  if (repeated.length > 0) throw new DuplicatePrograms(repeated);
  checkIndirectProvider(data);
  const { partnerId, programs, indirectProviderId, defaultLanguage } = data;
  const name = data.name.trim();
  return [
    {
      type: 'PartnerRegistered',
      data: { partnerId, name, programs, indirectProviderId, defaultLanguage },
    },
  ];
}

/** An indirect reseller names a registered indirect provider; nobody else names one. */
function checkIndirectProvider(data: RegisterPartner['data']): void {
  const { programs, indirectProviderId, indirectProvider } = data;
  if (!programs.includes('indirect-reseller')) {
    if (indirectProviderId !== undefined) throw new IndirectProviderNotAllowed();
    return;
  }
  if (indirectProviderId === undefined) throw new IndirectProviderRequired();
  if (indirectProvider?.id !== indirectProviderId) {
    throw new IndirectProviderUnknown(indirectProviderId);
  }
  if (!indirectProvider.programs.includes('indirect-provider')) {
    throw new NotAnIndirectProvider(indirectProviderId);
  }
}

function createTag({ data }: CreateTag, partner: RegisteredPartner): PartnerEvent[] {
  const name = data.name.trim();
  const length = [...name.normalize('NFC')].length;
  if (length < 1 || length > MAX_TAG_NAME_LENGTH) throw new InvalidTagName();
  if (partner.tags.has(data.tagId)) throw new TagAlreadyExists(data.tagId);
  const key = caseless(name);
  const taken = [...partner.tags.values()].find((existing) => caseless(existing) === key);
  if (taken !== undefined) throw new TagNameTaken(taken);
  return [{ type: 'TagCreated', data: { partnerId: data.partnerId, tagId: data.tagId, name } }];
}

function deleteTag({ data }: DeleteTag, partner: RegisteredPartner): PartnerEvent[] {
  const name = partner.tags.get(data.tagId);
  if (name === undefined) throw new TagNotFound(data.tagId);
  return [{ type: 'TagDeleted', data: { partnerId: data.partnerId, tagId: data.tagId, name } }];
}

/** Tag names compare ignoring case (and Unicode normalisation form). */
const caseless = (name: string): string => name.normalize('NFC').toLowerCase();
