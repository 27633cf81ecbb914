import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction, type TcpNetConnectOpts } from 'node:net';

/** Request options that carry the addresses a request is pinned to. */
export interface PinnedRequestOptions
  extends https.RequestOptions, Pick<TcpNetConnectOpts, 'autoSelectFamily'> {
  readonly pinnedAddresses: readonly string[];
}

/**
 * A `lookup` that answers with the checked addresses and never asks DNS, so that the
 * connection goes where the target was checked (a name re-pointed between the check and the
 * connection cannot redirect it). With `all`, Node tries each address in turn.
 */
export function pinnedLookup(addresses: readonly string[]): LookupFunction {
  return (_hostname, options, callback) => {
    const entries = addresses
      .map((address) => ({ address, family: isIP(address) }))
      .filter((entry) => !options.family || entry.family === options.family);
    const first = entries[0];
    if (first === undefined) {
      const error: NodeJS.ErrnoException = new Error('no checked address of that family');
      error.code = 'ENOTFOUND';
      callback(error, []);
    } else if (options.all) callback(null, entries);
    else callback(null, first.address, first.family);
  };
}

/**
 * Node pools sockets under a name made of the host and the port, not of the lookup: two
 * requests to one name pinned to different addresses would share sockets. The name gets the
 * pinned addresses too, so a socket is reused only where the current check allows.
 */
function pooledName(name: string, options: unknown): string {
  const addresses = (options as Partial<PinnedRequestOptions> | undefined)?.pinnedAddresses;
  return `${name}:pinned=${[...(addresses ?? [])].sort().join(',')}`;
}

/** The keep-alive pool for `http:` targets, keyed by host, port and pinned addresses. */
export class PinnedHttpAgent extends http.Agent {
  override getName(options?: http.ClientRequestArgs): string {
    return pooledName(super.getName(options), options);
  }
}

/** The keep-alive pool for `https:` targets, keyed by host, port, TLS options and addresses. */
export class PinnedHttpsAgent extends https.Agent {
  override getName(options?: https.RequestOptions): string {
    return pooledName(super.getName(options), options);
  }
}
