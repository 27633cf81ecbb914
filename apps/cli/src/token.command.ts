import { parseArgs } from 'node:util';
import { resolveJwtSecret } from '@customer-workspace/auth';
import { isRole, type Role } from '@customer-workspace/auth';
import { issueToken } from '@customer-workspace/auth';
import { type AppConfig, loadConfig } from '@customer-workspace/config';
import { type CliCommand, expectAtMost, parseCommandLine } from './cli-command.js';

export interface TokenOptions {
  readonly partner?: string;
  readonly role?: string[];
  readonly user?: string;
  readonly upn?: string;
  readonly ttl?: string;
}

/**
 * `token`: mints a bearer token for development with the api's key (AUTH_JWT_SECRET, or the
 * secret generated in DATA_DIR in the embedded mode).
 */
export async function mintToken(config: AppConfig, options: TokenOptions): Promise<string> {
  if (!options.partner) throw new Error('--partner is required');
  const roles = options.role ?? [];
  if (roles.length === 0)
    throw new Error(
      '--role is required (admin-agent, sales-agent, billing-admin, helpdesk-agent, operator)',
    );
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) throw new Error(`Unknown role(s): ${unknown.join(', ')}`);
  if (options.ttl !== undefined && !/^\d+\s*(s|m|h|d)$/.test(options.ttl)) {
    throw new Error(`--ttl must look like 30m, 8h or 7d (got "${options.ttl}")`);
  }
  return issueToken(
    {
      partnerId: options.partner,
      roles: roles as Role[],
      userId: options.user,
      upn: options.upn,
      expiresIn: options.ttl,
    },
    resolveJwtSecret(config),
  );
}

export const tokenCommand: CliCommand = {
  name: 'token',
  synopsis: '--partner P --role R [--role R2] [--user U] [--upn X] [--ttl 8h]',
  summary: 'mint a development bearer token',
  async run(args, context) {
    const { positionals, values } = parseCommandLine(() =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        options: {
          partner: { type: 'string' },
          role: { type: 'string', multiple: true },
          user: { type: 'string' },
          upn: { type: 'string' },
          ttl: { type: 'string' },
        },
      }),
    );
    expectAtMost(positionals, 0);
    context.stdout.write(`${await mintToken(loadConfig(context.env), values)}\n`);
    return 0;
  },
};
