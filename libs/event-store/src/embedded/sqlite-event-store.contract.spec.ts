import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../testing/event-store.contract.js';
import { SqliteEventStore } from './sqlite-event-store.js';

describe('EventStore contract: embedded SQLite', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-events-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  eventStoreContract({
    open: async () => new SqliteEventStore({ dataDir: dir }),
    reopen: async (store) => {
      await store.close();
      return new SqliteEventStore({ dataDir: dir });
    },
  });
});
