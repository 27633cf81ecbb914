import { isIP } from 'node:net';

/** One label of a host name (RFC 1123): letters, digits and inner hyphens, at most 63. */
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

function isHostName(value: string): boolean {
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  return name.length > 0 && name.length <= 253 && name.split('.').every((l) => LABEL.test(l));
}

function isCidr(value: string): boolean {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(value);
  if (!match) return false;
  const version = isIP(match[1] as string);
  const bits = Number(match[2]);
  return version !== 0 && bits <= (version === 4 ? 32 : 128);
}

/** An entry of `WEBHOOKS_ALLOWED_HOSTS`: a host name, an IP address or a CIDR range. */
export function isWebhookHostEntry(entry: string): boolean {
  return isIP(entry) !== 0 || isCidr(entry) || isHostName(entry);
}

/** `WEBHOOKS_SECRET_KEY`: the base64 (or base64url) of 32 bytes, padded or not. */
export function isWebhookSecretKey(value: string): boolean {
  return /^[A-Za-z0-9+/]{43}=?$/.test(value) || /^[A-Za-z0-9_-]{43}=?$/.test(value);
}
