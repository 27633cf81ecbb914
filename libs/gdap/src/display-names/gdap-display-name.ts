import { InvalidGdapDisplayName } from './display-name.errors.js';

/** The longest display name, in characters (code points, NFC) after trimming. */
export const MAX_GDAP_DISPLAY_NAME_LENGTH = 50;

/** A display name as relationships keep it: trimmed, 1 to 50 characters; refused otherwise. */
export function gdapDisplayName(text: string): string {
  const name = text.trim();
  const length = [...name.normalize('NFC')].length;
  if (length < 1 || length > MAX_GDAP_DISPLAY_NAME_LENGTH)
    throw new InvalidGdapDisplayName(MAX_GDAP_DISPLAY_NAME_LENGTH);
  return name;
}

/** What makes two display names the same: equal ignoring case and Unicode normalisation form. */
export const displayNameKey = (displayName: string): string =>
  displayName.trim().normalize('NFC').toLowerCase();
