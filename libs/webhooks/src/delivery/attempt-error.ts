/** Network failures, by their system error code. */
const NETWORK: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ECONNABORTED: 'connection aborted',
  EPIPE: 'connection closed while sending',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EHOSTDOWN: 'host down',
  EADDRNOTAVAIL: 'address not available',
};

/** Certificate checks that failed, by OpenSSL's code (the wording is OpenSSL's). */
const CERTIFICATE: Readonly<Record<string, string>> = {
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  CERT_REVOKED: 'certificate revoked',
  CERT_UNTRUSTED: 'certificate not trusted',
  CERT_SIGNATURE_FAILURE: 'certificate signature failure',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  UNABLE_TO_GET_ISSUER_CERT: 'unable to get issuer certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  ERR_TLS_CERT_ALTNAME_INVALID: 'certificate does not match the host name',
};

interface CodedError {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly errors?: unknown;
}

/**
 * A short, human-readable reason for a failed attempt. It is built from error codes (and
 * OpenSSL's reason words), never from the rest of an error's message, which may quote the
 * host, the path or a header: what the delivery log shows cannot leak a token. Several failed addresses (an
 * `AggregateError` from trying each checked address) are described by the first.
 */
export function describeAttemptError(error: unknown): string {
  const failure = firstFailure(error);
  const code = typeof failure.code === 'string' ? failure.code : undefined;
  // Node names a connection closed before any answer "socket hang up"; it is the common case.
  if (code === 'ECONNRESET' && failure.message === 'socket hang up') return 'socket hang up';
  if (code === 'ECONNRESET' && failure.message === 'aborted') return 'response aborted';
  if (code === undefined) return 'request failed';
  const known = NETWORK[code] ?? CERTIFICATE[code];
  if (known !== undefined) return known;
  if (code.startsWith('HPE_')) return 'invalid HTTP response';
  if (code.startsWith('ERR_SSL_')) return `TLS failed: ${readable(code.slice('ERR_SSL_'.length))}`;
  if (code === 'EPROTO') return tlsFailure(failure.message);
  return `request failed (${code})`;
}

function firstFailure(error: unknown): CodedError {
  if (typeof error !== 'object' || error === null) return {};
  const coded = error as CodedError;
  if (coded.code === undefined && Array.isArray(coded.errors) && coded.errors.length > 0)
    return firstFailure(coded.errors[0]);
  return coded;
}

/** OpenSSL's reason in `…:SSL routines:ssl3_get_record:wrong version number:…`, if any. */
function tlsFailure(message: unknown): string {
  const reason = /SSL routines:\w*:([a-z0-9 ]+):/.exec(String(message))?.[1];
  return reason === undefined ? 'TLS failed' : `TLS failed: ${reason}`;
}

/** `WRONG_VERSION_NUMBER` → `wrong version number`. */
function readable(code: string): string {
  return code.toLowerCase().replaceAll('_', ' ');
}
