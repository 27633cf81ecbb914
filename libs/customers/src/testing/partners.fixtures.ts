// Commands and events shared by the partner aggregate's given/when/then tests.
import type { RegisterPartner } from '../partner/partner.commands.js';
import type { PartnerEvent, PartnerRegistered } from '../partner/partner.events.js';

export const register = (data: Partial<RegisterPartner['data']> = {}): RegisterPartner => ({
  type: 'RegisterPartner',
  data: {
    partnerId: 'p-1',
    name: 'Contoso',
    programs: ['direct-bill'],
    defaultLanguage: 'en',
    ...data,
  },
});
export const registered = (data: Partial<PartnerRegistered['data']> = {}): PartnerRegistered => ({
  type: 'PartnerRegistered',
  data: {
    partnerId: 'p-1',
    name: 'Contoso',
    programs: ['direct-bill'],
    defaultLanguage: 'en',
    ...data,
  },
});
export const provider = { id: 'p-prov', programs: ['indirect-provider'] as const };
export const tagCreated = (tagId: string, name: string): PartnerEvent => ({
  type: 'TagCreated',
  data: { partnerId: 'p-1', tagId, name },
});
