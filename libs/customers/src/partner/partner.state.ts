import type { Language, PartnerProgram } from '../common/domain.constants.js';
import { assertNever } from '@customer-workspace/kernel';
import type { IndirectProviderReference } from './partner.commands.js';
import type { PartnerEvent } from './partner.events.js';
import { PartnerNotFound } from './partner.errors.js';

/** A tag of a partner's catalog. */
export interface PartnerTag {
  readonly tagId: string;
  readonly name: string;
}

/** A registered partner and its tag catalog. */
export interface RegisteredPartner {
  readonly partnerId: string;
  readonly name: string;
  readonly programs: readonly PartnerProgram[];
  readonly indirectProviderId?: string;
  readonly defaultLanguage: Language;
  /** Tag id → tag name. */
  readonly tags: ReadonlyMap<string, string>;
}

/** State of a `partner-<id>` stream. */
export type PartnerState =
  | { readonly status: 'unregistered' }
  | { readonly status: 'registered'; readonly partner: RegisteredPartner };

/** The state of a stream with no events. */
export const initialPartnerState = (): PartnerState => ({ status: 'unregistered' });

/** Folds one partner event into the state. */
export function evolvePartner(state: PartnerState, event: PartnerEvent): PartnerState {
  switch (event.type) {
    case 'PartnerRegistered': {
      return { status: 'registered', partner: { ...event.data, tags: new Map() } };
    }
    case 'TagCreated':
      return withTags(state, (tags) => tags.set(event.data.tagId, event.data.name));
    case 'TagDeleted':
      return withTags(state, (tags) => tags.delete(event.data.tagId));
    case 'CustomersExported':
    case 'ActivityLogExported':
      return state;
    default:
      return assertNever(event);
  }
}

function withTags(
  state: PartnerState,
  change: (tags: Map<string, string>) => unknown,
): PartnerState {
  if (state.status !== 'registered') return state;
  const tags = new Map(state.partner.tags);
  change(tags);
  return { status: 'registered', partner: { ...state.partner, tags } };
}

/** The catalog tag `tagId` of a partner, for commands that assign it to a customer. */
export function partnerTag(state: PartnerState, tagId: string): PartnerTag | undefined {
  if (state.status !== 'registered') return undefined;
  const name = state.partner.tags.get(tagId);
  return name === undefined ? undefined : { tagId, name };
}

/** What `RegisterPartner.indirectProvider` needs from the named provider's stream. */
export function indirectProviderReference(
  state: PartnerState,
): IndirectProviderReference | undefined {
  if (state.status !== 'registered') return undefined;
  return { id: state.partner.partnerId, programs: state.partner.programs };
}

/** The partner a command just registered or changed (its absence is a broken invariant). */
export function registeredPartner(state: PartnerState, after: string): RegisteredPartner {
  if (state.status !== 'registered') throw new Error(`${after} left the partner unregistered`);
  return state.partner;
}

/** The registered partner `partnerId`; one never registered answers `PartnerNotFound` (404). */
export function knownPartner(state: PartnerState, partnerId: string): RegisteredPartner {
  if (state.status !== 'registered') throw new PartnerNotFound(partnerId);
  return state.partner;
}
