/** Programs a partner can be enrolled in (docs/product.md#partners-and-programs). */
export const PARTNER_PROGRAMS = ['direct-bill', 'indirect-provider', 'indirect-reseller'] as const;
export type PartnerProgram = (typeof PARTNER_PROGRAMS)[number];

/** Kinds of partner ↔ customer relationship; `direct-reseller` is listed as "Cloud reseller". */
export const RELATIONSHIPS = ['direct-reseller', 'indirect-reseller', 'indirect-provider'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** Languages of invitation emails and exports. */
export const LANGUAGES = ['en', 'cs', 'de', 'es', 'hu'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Catalogs an order can be placed from. */
export const CATALOGS = ['azure', 'marketplace', 'software', 'online-services'] as const;
export type Catalog = (typeof CATALOGS)[number];

/** Subscription terms (ISO-8601 durations). */
export const TERM_DURATIONS = ['P1M', 'P1Y', 'P3Y'] as const;
export type TermDuration = (typeof TERM_DURATIONS)[number];

/** Most tags one partner may assign to one customer. */
export const MAX_TAGS_PER_CUSTOMER = 150;
/** Longest tag name, in characters (code points) after trimming. */
export const MAX_TAG_NAME_LENGTH = 50;
/** Largest quantity of one order line item. */
export const MAX_LINE_ITEM_QUANTITY = 10_000;
