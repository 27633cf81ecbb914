import { issueToken, resolveJwtSecret } from '@customer-workspace/auth';
import { BENCH_PARTNER } from './order-workload.js';
import { type ServerProcess, startServer } from './server-process.js';

/** Keep-alive connections of the `http.command` load (and of the loads that reuse it). */
export const COMMAND_CONNECTIONS = 50;
/** Customers the orders of the `http.command` load are spread over. */
export const COMMAND_CUSTOMERS = 200;

/** Tokens of the platform operator and of the bench partner's agents. */
export interface CommandTokens {
  readonly operator: string;
  /** The bench partner's sales agent: places the orders. */
  readonly agent: string;
  /** The bench partner's admin agent: registers webhook endpoints. */
  readonly admin: string;
}

/**
 * The api as `npm start` runs it (`apps/api/dist/main.js`, embedded store with the shipped
 * durability) on `dataDir`, rate limit off and silent, with `env` on top; tokens are minted
 * from the key its JWT_KEY provider reads (made in `dataDir` on first use, so a restart on the
 * same directory accepts them). `name` names its CPU profile (`BENCH_CPU_PROF`).
 */
export async function startCommandApi(
  dataDir: string,
  env: Record<string, string> = {},
  name = 'api',
): Promise<{ api: ServerProcess; tokens: CommandTokens }> {
  const key = resolveJwtSecret({
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: undefined,
    EVENTSTORE_CONNECTION_STRING: undefined,
  });
  const tokens = {
    operator: await issueToken({ partnerId: 'platform', roles: ['operator'] }, key),
    agent: await issueToken({ partnerId: BENCH_PARTNER, roles: ['sales-agent'] }, key),
    admin: await issueToken({ partnerId: BENCH_PARTNER, roles: ['admin-agent'] }, key),
  };
  const apiEnv = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', ...env };
  const api = await startServer(name, 'apps/api/dist/main.js', apiEnv, '/health');
  return { api, tokens };
}
