/** The roles a bearer token may carry (docs/api.md#authentication); `operator` is the platform's, not a partner's. */
export const PARTNER_ROLES = [
  'admin-agent',
  'sales-agent',
  'billing-admin',
  'helpdesk-agent',
] as const;
export const ALL_ROLES = [...PARTNER_ROLES, 'operator'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];
export type Role = (typeof ALL_ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);

/** Who is calling: the verified claims of the bearer token. */
export interface Principal {
  readonly userId: string;
  readonly upn: string;
  readonly partnerId: string;
  readonly roles: readonly Role[];
}
