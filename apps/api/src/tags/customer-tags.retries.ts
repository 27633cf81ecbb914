/**
 * Tag assignments share the customer stream with every partner's writes (orders, billing,
 * relationships). The decider re-checks visibility, the catalog tag and the 150-tag limit on
 * each attempt, so losing such a race is safe to retry.
 */
export const RETRIES_ON_CONFLICT = 5;
