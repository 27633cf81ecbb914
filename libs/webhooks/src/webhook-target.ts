import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { AppError } from '@customer-workspace/kernel';

/** What the operator allows for webhook targets (`WEBHOOKS_ALLOW_HTTP`, `WEBHOOKS_ALLOWED_HOSTS`). */
export interface TargetPolicy {
  /** Plain `http://` URLs too (development); otherwise only `https://`. */
  readonly allowHttp: boolean;
  /**
   * Host names, addresses or CIDR ranges allowed although loopback or private (for example
   * `127.0.0.1` in development). Link-local and cloud-metadata addresses are never allowed.
   */
  readonly allowedHosts: readonly string[];
}

/** Every address a host name resolves to (all of them: each must be safe). */
export type ResolveHost = (hostname: string) => Promise<readonly string[]>;

const resolveWithDns: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/** A webhook URL that may not be called: refused at registration and at every attempt. */
export class UnsafeWebhookTarget extends AppError {
  readonly kind = 'validation';
  constructor(url: string, reason: string) {
    super('unsafe-webhook-target', `${shown(url)} cannot receive webhooks: ${reason}`);
  }
}

/** The target's name could not be resolved now (the resolver failed): try again later. */
export class WebhookTargetUnresolved extends AppError {
  readonly kind = 'unavailable';
  constructor(url: string, cause: unknown) {
    super('webhook-target-unresolved', `${shown(url)} cannot be resolved now`, { cause });
  }
}

/** The URL as errors and logs show it: no credentials, no query string (it may hold a token). */
function shown(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return 'The URL';
  }
}

/** A target found safe: the URL and the addresses it was checked at (connect to these only). */
export interface CheckedTarget {
  readonly url: URL;
  readonly addresses: readonly string[];
}

/** Never reachable, whatever the operator allows: link-local and cloud metadata endpoints. */
const NEVER = new Set(['linkLocal', 'unspecified', 'multicast', 'broadcast']);
/** Cloud metadata and platform endpoints outside the link-local range (AWS IPv6, Alibaba, Azure). */
const METADATA = ['fd00:ec2::254', '100.100.100.200', '168.63.129.16'].map((a) =>
  ipaddr.parse(a).toString(),
);
/** Not on the public internet: only when the operator allows the host. */
const INTERNAL = new Set(['loopback', 'private', 'uniqueLocal', 'carrierGradeNat', 'reserved']);
/** IPv6 ranges that carry an IPv4 address a gateway forwards to: checked as that address. */
const EMBEDDING_IPV4: Record<string, (ip: ipaddr.IPv6) => ipaddr.IPv4> = {
  rfc6052: (ip) => lastIpv4(ip), // NAT64, 64:ff9b::/96
  rfc6145: (ip) => lastIpv4(ip), // ::ffff:0:a.b.c.d
  '6to4': (ip) => {
    const bytes = ip.toByteArray();
    return new ipaddr.IPv4(bytes.slice(2, 6));
  },
};

const lastIpv4 = (ip: ipaddr.IPv6) => new ipaddr.IPv4(ip.toByteArray().slice(12, 16));

/**
 * Checks a webhook URL against the policy: the scheme, no credentials in the URL, and every
 * address its host resolves to (resolved now: call it at every attempt, since a name may be
 * pointed elsewhere after registration). IPv4-mapped IPv6 addresses count as their IPv4.
 */
export async function checkTarget(
  raw: string,
  policy: TargetPolicy,
  resolve: ResolveHost = resolveWithDns,
): Promise<CheckedTarget> {
  const url = parseUrl(raw);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp))
    throw new UnsafeWebhookTarget(raw, policy.allowHttp ? 'only http(s) URLs' : 'only https URLs');
  if (url.username !== '' || url.password !== '')
    throw new UnsafeWebhookTarget(raw, 'credentials in the URL are not accepted');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = ipaddr.isValid(host) ? [host] : await resolveOrRefuse(raw, host, resolve);
  for (const address of addresses) checkAddress(raw, host, address, policy);
  return { url, addresses };
}

function parseUrl(raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw new UnsafeWebhookTarget(raw, 'not a URL');
  }
}

/** Names that do not exist are refused; a resolver that fails is a reason to try again later. */
const NOT_FOUND = new Set(['ENOTFOUND', 'ENODATA', 'EAI_NONAME']);

async function resolveOrRefuse(raw: string, host: string, resolve: ResolveHost) {
  let addresses: readonly string[];
  try {
    addresses = await resolve(host);
  } catch (error) {
    if (!NOT_FOUND.has((error as { code?: string }).code ?? ''))
      throw new WebhookTargetUnresolved(raw, error);
    addresses = [];
  }
  if (addresses.length === 0) throw new UnsafeWebhookTarget(raw, `${host} does not resolve`);
  return addresses;
}

/**
 * Only a public unicast address passes on its own; an internal one only when the operator
 * allows it; anything else (link-local, metadata, Teredo, site-local, …) never. An IPv6
 * address that embeds an IPv4 one is judged by both.
 */
function checkAddress(raw: string, host: string, address: string, policy: TargetPolicy): void {
  const ip = ipaddr.process(address);
  const embed = ip.kind() === 'ipv6' ? EMBEDDING_IPV4[ip.range()] : undefined;
  if (embed) checkIp(raw, host, address, embed(ip as ipaddr.IPv6), policy);
  else checkIp(raw, host, address, ip, policy);
}

function checkIp(
  raw: string,
  host: string,
  address: string,
  ip: ipaddr.IPv4 | ipaddr.IPv6,
  policy: TargetPolicy,
): void {
  const range = ip.range();
  const refuse = () => {
    throw new UnsafeWebhookTarget(raw, `${address} is a ${describe(range)} address`);
  };
  if (NEVER.has(range) || METADATA.includes(ip.toString())) refuse();
  if (range === 'unicast') return;
  if (!INTERNAL.has(range) || !allowed(host, ip, policy.allowedHosts)) refuse();
}

/** The operator allowed this host by name, by address or by a CIDR range holding it. */
function allowed(host: string, ip: ipaddr.IPv4 | ipaddr.IPv6, allowedHosts: readonly string[]) {
  return allowedHosts.some((entry) => {
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry)) return false;
      const [range, bits] = ipaddr.parseCIDR(entry);
      return inRange(ip, range, bits);
    }
    if (ipaddr.isValid(entry)) return ipaddr.process(entry).toString() === ip.toString();
    return entry.toLowerCase() === host.toLowerCase();
  });
}

function inRange(ip: ipaddr.IPv4 | ipaddr.IPv6, range: ipaddr.IPv4 | ipaddr.IPv6, bits: number) {
  if (ip.kind() === 'ipv4' && range.kind() === 'ipv4')
    return (ip as ipaddr.IPv4).match(range as ipaddr.IPv4, bits);
  if (ip.kind() === 'ipv6' && range.kind() === 'ipv6')
    return (ip as ipaddr.IPv6).match(range as ipaddr.IPv6, bits);
  return false;
}

function describe(range: string): string {
  return range.replace(/([A-Z])/g, ' $1').toLowerCase();
}
