import {
  BACKWARDS,
  END,
  ErrorType,
  type EventStoreDBClient,
  convertToCommandError,
  isCommandError,
  jsonEvent,
} from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { EventStoreStartupError } from '../event-store.errors.js';
import { connect, consume } from './esdb-connection.js';
import { mapEsdbError } from './esdb-errors.js';
import { drain } from './esdb-reads.js';

/** No stream ever reaches this revision: an append expecting it writes nothing. */
const UNREACHABLE_REVISION = 1n << 62n;

/**
 * Checks, at start-up, the rights this deployment needs on the node: read `$all` (projections,
 * processes, rebuilds), read and write its streams. Nothing is written: the probe append expects
 * a revision no stream has, so a user with the right gets "wrong expected version". Throws
 * `EventStoreStartupError` naming the user and the missing grant; any other failure (the node
 * is down) passes through, for the caller to ride out.
 */
export async function checkEsdbAccess(
  client: EventStoreDBClient,
  user: string | undefined,
  probeStreams: readonly string[],
): Promise<void> {
  const who =
    user === undefined ? 'The EventStoreDB connection (no user)' : `EventStoreDB user "${user}"`;
  await denialOf(
    consume(drain(client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 }))),
    () =>
      new EventStoreStartupError(
        `${who} may not read $all. Grant it with an ACL on $all (the metadata of stream $$$all, e.g. {"$acl":{"$r":["$admins","${user ?? '<user>'}"]}}), as an admin: npm run cli -- esdb-grant --user ${user ?? '<user>'}`,
      ),
  );
  for (const stream of probeStreams) {
    await denialOf(
      consume(drain(client.readStream(stream, { maxCount: 1 }))),
      () =>
        new EventStoreStartupError(
          `${who} may not read stream ${stream}: grant it read ($r) on this deployment's streams`,
        ),
    );
    const probe = jsonEvent({ id: randomUUID(), type: '$access-probe', data: {} });
    await denialOf(
      client.appendToStream(stream, probe, { expectedRevision: UNREACHABLE_REVISION }),
      () =>
        new EventStoreStartupError(
          `${who} may not write stream ${stream}: grant it write ($w) on this deployment's streams`,
        ),
    );
  }
}

/** The user name in a connection string (`esdb://user:password@host…`), if any. */
export function connectionUser(connectionString: string): string | undefined {
  const match = /^[a-z+]+:\/\/([^:@/]+)(?::[^@/]*)?@/i.exec(connectionString);
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
}

/** Runs a call; an access denial becomes `denied()`, an expected refusal is success. */
async function denialOf(call: Promise<unknown>, denied: () => Error): Promise<void> {
  try {
    await call;
  } catch (error) {
    const clientError = error instanceof Error ? convertToCommandError(error) : error;
    if (!(clientError instanceof Error) || !isCommandError(clientError)) throw error;
    if (clientError.type === ErrorType.ACCESS_DENIED) {
      const refused = denied();
      refused.message += ` (the server said: ${clientError.message})`;
      throw refused;
    }
    // What a user with the right is told: no such stream, or not at that revision.
    if (
      clientError.type === ErrorType.STREAM_NOT_FOUND ||
      clientError.type === ErrorType.WRONG_EXPECTED_VERSION
    )
      return;
    throw error;
  }
}

/** Admin credentials for an operator command; never taken from the connection string's user. */
export interface AdminCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * Lets `user` read `$all`: adds it to the read roles of the ACL in `$all`'s metadata (the stream
 * `$$$all`), keeping the roles already there (`$admins` by default). Returns the read roles.
 */
export async function grantReadAll(
  connectionString: string,
  user: string,
  admin: AdminCredentials,
): Promise<readonly string[]> {
  const client = connect(connectionString);
  try {
    const { metadata } = await client.getStreamMetadata('$all', { credentials: admin });
    const acl = (metadata?.acl ?? {}) as { readRoles?: string | string[] };
    const current = acl.readRoles === undefined ? ['$admins'] : [acl.readRoles].flat();
    const readRoles = current.includes(user) ? current : [...current, user];
    await client.setStreamMetadata(
      '$all',
      { ...metadata, acl: { ...acl, readRoles } },
      { credentials: admin },
    );
    return readRoles;
  } catch (error) {
    throw mapEsdbError(error);
  } finally {
    await client.dispose();
  }
}
