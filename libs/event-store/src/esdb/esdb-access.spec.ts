import { EventStoreStartupError } from '../event-store.errors.js';
import { connectionUser } from './esdb-access.js';
import { EsdbEventStore } from './esdb-event-store.js';

describe('connectionUser', () => {
  it('names the user of a connection string, and none without credentials', () => {
    expect(connectionUser('esdb://app:s3cret@db1:2113,db2:2113?tls=true')).toBe('app');
    expect(connectionUser('esdb+discover://ops%40acme:pw@cluster.local')).toBe('ops@acme');
    expect(connectionUser('kurrentdb://reader@db:2113')).toBe('reader');
    expect(connectionUser('esdb://localhost:2113?tls=false')).toBeUndefined();
  });
});

// A user that exists on a secure node but was not granted `$all` (README: least privilege).
const ungranted = process.env.ESDB_TEST_UNGRANTED_CONNECTION_STRING;
(ungranted ? describe : describe.skip)('checkAccess on a node, as a user without the grant', () => {
  it('stops with a message naming the user and the ACL on $all', async () => {
    const store = new EsdbEventStore(ungranted!);
    try {
      const check = store.checkAccess(['customer-$access-check']);
      await expect(check).rejects.toBeInstanceOf(EventStoreStartupError);
      await expect(check).rejects.toThrow(
        new RegExp(
          `user "${connectionUser(ungranted!)}" may not read \\$all.*\\$\\$\\$all.*esdb-grant`,
        ),
      );
    } finally {
      await store.close();
    }
  });
});
