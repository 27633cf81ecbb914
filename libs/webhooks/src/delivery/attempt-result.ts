/**
 * What one delivery attempt came to, for the delivery log and the retry decision. An attempt
 * succeeded when it has a 2xx `status` and no `error`; any other status is the endpoint's
 * answer and the caller decides what it means.
 */
export interface AttemptResult {
  /** The response's status; absent when no response arrived. */
  readonly status?: number;
  /** From the start of the attempt until its result, in whole milliseconds. */
  readonly durationMs: number;
  /**
   * Why the attempt failed before a complete answer (`connection refused`, `timeout after
   * 15000 ms`, `certificate has expired`, …): short, and never a URL or a header value, since
   * those may hold secrets. A timeout while the body is read keeps the `status` it had.
   */
  readonly error?: string;
  /** The `Retry-After` header as the endpoint sent it (429, 503), parsed by the caller. */
  readonly retryAfter?: string;
  /** The start of the response body (the sender's cap), decoded as UTF-8 with replacements. */
  readonly responseBody?: string;
}
