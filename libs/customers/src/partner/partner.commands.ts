import type { Command } from '@customer-workspace/kernel';
import type { Language, PartnerProgram } from '../common/domain.constants.js';
import type { ActivityLogExportFormat, ActivityLogFilters } from './partner.events.js';

/**
 * What the handler found in the stream of the indirect provider a reseller names
 * (see `indirectProviderReference`); absent when that stream holds no registered partner.
 */
export interface IndirectProviderReference {
  readonly id: string;
  readonly programs: readonly PartnerProgram[];
}

/** Register a partner (operator only). */
export type RegisterPartner = Command<
  'RegisterPartner',
  {
    readonly partnerId: string;
    readonly name: string;
    readonly programs: readonly PartnerProgram[];
    readonly indirectProviderId?: string;
    /** Filled in by the handler from `partner-<indirectProviderId>`, so `decide` can check it. */
    readonly indirectProvider?: IndirectProviderReference;
    readonly defaultLanguage: Language;
  }
>;

/** Add a tag to the partner's catalog. */
export type CreateTag = Command<
  'CreateTag',
  { readonly partnerId: string; readonly tagId: string; readonly name: string }
>;

/** Remove a tag from the partner's catalog. */
export type DeleteTag = Command<
  'DeleteTag',
  { readonly partnerId: string; readonly tagId: string }
>;

/** Record that the partner exported its customer list. */
export type RecordCustomersExport = Command<
  'RecordCustomersExport',
  { readonly partnerId: string; readonly lang: Language }
>;

/** Record that the partner exported its activity log. */
export type RecordActivityLogExport = Command<
  'RecordActivityLogExport',
  {
    readonly partnerId: string;
    readonly filters: ActivityLogFilters;
    readonly format: ActivityLogExportFormat;
  }
>;

/** Every command of the partner aggregate. */
export type PartnerCommand =
  RegisterPartner | CreateTag | DeleteTag | RecordCustomersExport | RecordActivityLogExport;
