import {
  type BillingProfile,
  erasedProfile,
  isErasedProfile,
  PERSONAL_FIELDS,
  type RecordedBillingProfile,
} from '@customer-workspace/customers';
import { isDestroyed, type PersonalDataKeys } from '../keys/personal-data-keys.js';
import { isSealed, keyIdOf, open, seal } from './sealed-value.js';

/** A billing profile at rest: its clear fields, its personal ones sealed in `personal`. */
export type SealedProfile = Record<string, unknown> & { readonly personal: string };

type Fields = Record<string, unknown>;

const PROFILE_ORDER = [
  'companyName',
  'email',
  'culture',
  'language',
  'firstName',
  'lastName',
  'phoneNumber',
  'defaultAddress',
];
const ADDRESS_ORDER = ['addressLine1', 'addressLine2', 'city', 'state', 'postalCode', 'country'];

/** Whether a stored profile value holds sealed personal data. */
export function isSealedProfile(value: unknown): value is SealedProfile {
  return isObject(value) && isSealed(value.personal);
}

/** Whether a stored profile value holds personal data in clear (written before sealing). */
export function isClearProfile(value: unknown): boolean {
  return isObject(value) && !isSealedProfile(value) && !isErasedProfile(value);
}

/**
 * Seals and opens billing profiles: every personal field of a profile in one sealed value
 * (`personal`), with the subject's data key and a context (where the value sits) as associated
 * data; the business fields stay clear beside it. A profile whose key was destroyed opens
 * erased.
 */
export class ProfileSealing {
  constructor(private readonly keys: PersonalDataKeys) {}

  /** The profile as it is to be stored; an erased one holds nothing to seal and stays as is. */
  async seal(
    profile: RecordedBillingProfile,
    subjectId: string,
    context: readonly string[],
  ): Promise<SealedProfile | RecordedBillingProfile> {
    if (isErasedProfile(profile)) return profile;
    const { clear, personal } = split(profile);
    const key = await this.keys.keyFor(subjectId);
    return { ...clear, personal: seal(JSON.stringify(personal), key, aad(context)) };
  }

  /**
   * The profile sealed with the key `keyId` rather than the subject's live key: a copy of what
   * an event sealed with that key, which an erasure destroying it must make unreadable too.
   * Erased at once when that key is destroyed already.
   */
  async sealWith(
    profile: RecordedBillingProfile,
    keyId: string,
    context: readonly string[],
  ): Promise<SealedProfile | RecordedBillingProfile> {
    if (isErasedProfile(profile)) return profile;
    const { clear, personal } = split(profile);
    const lookup = await this.keys.keyById(keyId);
    if (isDestroyed(lookup)) return erasedProfile(clear as unknown as BillingProfile);
    return { ...clear, personal: seal(JSON.stringify(personal), lookup, aad(context)) };
  }

  /** The profile as readers get it: opened, or erased when its key is destroyed. */
  async open(
    stored: SealedProfile,
    context: readonly string[],
    where: string,
  ): Promise<RecordedBillingProfile> {
    const { personal: sealed, ...clear } = stored;
    const lookup = await this.keys.keyById(keyIdOf(sealed, where));
    if (isDestroyed(lookup)) return erasedProfile(clear as unknown as BillingProfile);
    const personal = JSON.parse(open(sealed, lookup, aad(context), where)) as Fields;
    return joined(clear, personal);
  }
}

/** The associated data of a sealed value: where it sits, so that it opens nowhere else. */
function aad(context: readonly string[]): string {
  return JSON.stringify(['customer-workspace/personal-data/v1', ...context]);
}

/** The profile's personal fields (by path) apart from the rest. */
function split(profile: BillingProfile): { clear: Fields; personal: Fields } {
  const clear: Fields = { ...profile };
  const address: Fields = { ...(profile.defaultAddress as unknown as Fields) };
  const personal: Fields = {};
  for (const field of PERSONAL_FIELDS) {
    const [outer, inner] = field.split('.') as [string, string | undefined];
    const from = inner === undefined ? clear : address;
    const name = inner ?? outer;
    if (from[name] !== undefined) personal[field] = from[name];
    delete from[name];
  }
  return { clear: { ...clear, defaultAddress: address }, personal };
}

/** The profile whole again, its fields in the order the api writes them (on every read: lean). */
function joined(clear: Fields, personal: Fields): BillingProfile {
  const storedAddress = isObject(clear.defaultAddress) ? clear.defaultAddress : {};
  const address: Fields = {};
  for (const name of ADDRESS_ORDER) {
    const value = personal[`defaultAddress.${name}`] ?? storedAddress[name];
    if (value !== undefined) address[name] = value;
  }
  for (const name in storedAddress) if (!(name in address)) address[name] = storedAddress[name];
  const profile: Fields = {};
  for (const name of PROFILE_ORDER) {
    const value = name === 'defaultAddress' ? address : (personal[name] ?? clear[name]);
    if (value !== undefined) profile[name] = value;
  }
  for (const name in clear) if (!(name in profile)) profile[name] = clear[name];
  return profile as unknown as BillingProfile;
}

function isObject(value: unknown): value is Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
