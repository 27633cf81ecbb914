import { parseArgs } from 'node:util';
import { grantReadAll } from '@customer-workspace/event-store';
import { loadConfig } from '@customer-workspace/config';
import { type CliCommand, expectAtMost, parseCommandLine, UsageError } from './cli-command.js';

/**
 * `esdb-grant`: lets a least-privilege EventStoreDB user read `$all`, which the api's projections
 * and processes need, by an ACL in `$all`'s metadata. It runs with admin credentials, the password
 * from `ESDB_ADMIN_PASSWORD` (never on the command line).
 */
export const esdbGrantCommand: CliCommand = {
  name: 'esdb-grant',
  synopsis: '--user U [--admin-user admin]   (ESDB_ADMIN_PASSWORD in the environment)',
  summary: 'let an EventStoreDB user read $all (an ACL set with admin credentials)',
  async run(args, context) {
    const { positionals, values } = parseCommandLine(() =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        options: { user: { type: 'string' }, 'admin-user': { type: 'string', default: 'admin' } },
      }),
    );
    expectAtMost(positionals, 0);
    if (!values.user) throw new UsageError('--user is required: the user the api connects as');
    const connectionString = loadConfig(context.env).EVENTSTORE_CONNECTION_STRING;
    if (!connectionString) throw new UsageError('EVENTSTORE_CONNECTION_STRING is not set');
    const password = context.env.ESDB_ADMIN_PASSWORD;
    if (!password)
      throw new UsageError("ESDB_ADMIN_PASSWORD is not set: the admin user's password");
    const readRoles = await grantReadAll(connectionString, values.user, {
      username: values['admin-user'],
      password,
    });
    context.stdout.write(`$all may now be read by: ${readRoles.join(', ')}\n`);
    return 0;
  },
};
