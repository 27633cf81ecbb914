import type { Address, BillingProfile } from './customer.types.js';

/**
 * The fields of a billing profile that are personal data (docs/product.md rule 8), as paths in
 * the profile. They are stored sealed with the customer's data key and read `null` once it is
 * destroyed; the other fields (company name, culture, language, state, country) stay clear.
 */
export const PERSONAL_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phoneNumber',
  'defaultAddress.addressLine1',
  'defaultAddress.addressLine2',
  'defaultAddress.city',
  'defaultAddress.postalCode',
] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** The address of an erased billing profile: its personal lines `null`, state and country kept. */
export interface ErasedAddress {
  readonly addressLine1: null;
  readonly addressLine2: null;
  readonly city: null;
  readonly state?: string;
  readonly postalCode: null;
  readonly country: string;
}

/**
 * A billing profile whose personal data was erased: how a profile reads once the customer's
 * keys are destroyed (in events, the state and every view), each personal field `null`.
 */
export interface ErasedBillingProfile {
  readonly companyName: string;
  readonly email: null;
  readonly culture?: string;
  readonly language?: string;
  readonly firstName: null;
  readonly lastName: null;
  readonly phoneNumber: null;
  readonly defaultAddress: ErasedAddress;
  readonly personalDataErased: true;
}

/** A billing profile as events and the state hold it: whole, or erased. */
export type RecordedBillingProfile = BillingProfile | ErasedBillingProfile;

/**
 * Where events carry billing profiles: per event type, the fields of its data that hold one
 * (or null). Whatever seals personal data at rest reads this, so a new event carrying a profile
 * is listed here or its profile would be stored in clear.
 */
export const BILLING_PROFILE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  CustomerAdded: ['billingProfile'],
  BillingProfileUpdated: ['old', 'new'],
};

/** The event recording an erasure: after it, none of the customer's earlier profiles opens. */
export const PERSONAL_DATA_ERASED = 'CustomerPersonalDataErased';

export function isErasedProfile(profile: unknown): profile is ErasedBillingProfile {
  return (profile as { personalDataErased?: unknown } | null)?.personalDataErased === true;
}

/** The personal fields that hold a value in `profile` (none in an erased one), in order. */
export function personalFieldsOf(profile: RecordedBillingProfile | null): PersonalField[] {
  if (profile === null || isErasedProfile(profile)) return [];
  const address = profile.defaultAddress as Partial<Address> | undefined;
  const value = (field: PersonalField): unknown =>
    field.startsWith('defaultAddress.')
      ? address?.[field.slice('defaultAddress.'.length) as keyof Address]
      : profile[field as keyof BillingProfile];
  return PERSONAL_FIELDS.filter((field) => {
    const held = value(field);
    return held !== undefined && held !== null && held !== '';
  });
}

/**
 * The profile with its personal data erased: the business fields kept, every personal field
 * `null`, in one fixed order, so every place that erases (a read after the keys are gone, the
 * state after the erasure event, the activity log) writes the same value.
 */
export function erasedProfile(
  profile: Pick<BillingProfile, 'companyName' | 'culture' | 'language'> & {
    readonly defaultAddress?: Partial<Pick<Address, 'state' | 'country'>>;
  },
): ErasedBillingProfile {
  const { companyName, culture, language } = profile;
  const { state, country } = profile.defaultAddress ?? {};
  return {
    companyName,
    email: null,
    ...(culture !== undefined && { culture }),
    ...(language !== undefined && { language }),
    firstName: null,
    lastName: null,
    phoneNumber: null,
    defaultAddress: {
      addressLine1: null,
      addressLine2: null,
      city: null,
      ...(state !== undefined && { state }),
      postalCode: null,
      country: country ?? '',
    },
    personalDataErased: true,
  };
}
