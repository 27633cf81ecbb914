/** The part of autocannon 9's programmatic API the benchmarks use (it ships no types). */
declare module 'autocannon' {
  namespace autocannon {
    interface RequestParams {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
    }
    interface Request extends RequestParams {
      /** Called before every request: returns the request to send. */
      setupRequest?: (request: RequestParams, context: Record<string, unknown>) => RequestParams;
    }
    interface Options {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      /** Requests to send in all, then stop (`duration` is then ignored). */
      amount?: number;
      /** Seconds to wait for a response. */
      timeout?: number;
      pipelining?: number;
      /** Requests per second over all connections (latencies corrected for coordinated omission). */
      overallRate?: number;
      method?: string;
      headers?: Record<string, string>;
      requests?: Request[];
    }
    interface Histogram {
      readonly average: number;
      readonly min: number;
      readonly max: number;
      readonly p50: number;
      readonly p90: number;
      readonly p97_5: number;
      readonly p99: number;
    }
    interface Result {
      /** `sent`: written to the server, answered or not (in flight at the end). */
      readonly requests: Histogram & { readonly total: number; readonly sent: number };
      readonly latency: Histogram;
      /** Seconds. */
      readonly duration: number;
      readonly errors: number;
      readonly timeouts: number;
      readonly non2xx: number;
      readonly '2xx': number;
      readonly statusCodeStats: Record<string, { readonly count: number }>;
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export = autocannon;
}
