import type { DomainEvent } from '@customer-workspace/kernel';
import type { Language, PartnerProgram } from '../common/domain.constants.js';

/** A partner (tenant) was registered by the platform operator. */
export type PartnerRegistered = DomainEvent<
  'PartnerRegistered',
  {
    readonly partnerId: string;
    readonly name: string;
    readonly programs: readonly PartnerProgram[];
    /** Only for an indirect reseller: the indirect provider it sells through. */
    readonly indirectProviderId?: string;
    readonly defaultLanguage: Language;
  }
>;

/** A tag was added to the partner's catalog (`name` is trimmed). */
export type TagCreated = DomainEvent<
  'TagCreated',
  { readonly partnerId: string; readonly tagId: string; readonly name: string }
>;

/** A tag was removed from the partner's catalog; `name` is the name it had (the old value). */
export type TagDeleted = DomainEvent<
  'TagDeleted',
  { readonly partnerId: string; readonly tagId: string; readonly name: string }
>;

/** The partner exported its full customer list (`Customers.csv`) in language `lang`. */
export type CustomersExported = DomainEvent<
  'CustomersExported',
  { readonly partnerId: string; readonly lang: Language }
>;

/** Filters of an activity-log query or export, as the caller gave them. */
export interface ActivityLogFilters {
  readonly from?: string;
  readonly to?: string;
  readonly customerId?: string;
  readonly action?: string;
  readonly user?: string;
}

/** Formats the activity log can be exported in. */
export type ActivityLogExportFormat = 'csv' | 'ndjson';

/** The partner exported its activity log with these filters, in this format. */
export type ActivityLogExported = DomainEvent<
  'ActivityLogExported',
  {
    readonly partnerId: string;
    readonly filters: ActivityLogFilters;
    readonly format: ActivityLogExportFormat;
  }
>;

/** Every event of a `partner-<id>` stream. */
export type PartnerEvent =
  PartnerRegistered | TagCreated | TagDeleted | CustomersExported | ActivityLogExported;

/**
 * The schema version of each partner event's data, as this build writes it. A change of shape
 * bumps its version and adds an upcaster from the previous one to `CUSTOMERS_UPCASTERS`.
 */
export const PARTNER_EVENT_SCHEMA_VERSIONS: Readonly<Record<PartnerEvent['type'], number>> = {
  PartnerRegistered: 1,
  TagCreated: 1,
  TagDeleted: 1,
  CustomersExported: 1,
  ActivityLogExported: 1,
};
