import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@customer-workspace/event-store';
import { testMetadata } from '@customer-workspace/event-store/testing';
import { ForwardEventReader } from './audit-event-reader.js';

describe('ForwardEventReader', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cw-reader-'));
    store = new SqliteEventStore({ dataDir: dir });
    const events = Array.from({ length: 1000 }, (_, n) => ({
      eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      type: 'TagCreated',
      data: { n },
      metadata: testMetadata(),
    }));
    await store.append('tag-1', events, { expectedRevision: 'no_stream' });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds events asked for in order, near and far, and none where there is none', async () => {
    const reader = new ForwardEventReader(store);
    const found = [];
    for (const position of [1n, 2n, 5n, 300n, 301n, 999n, 1000n])
      found.push((await reader.at(position))?.data);
    expect(found).toEqual([0, 1, 4, 299, 300, 998, 999].map((n) => ({ n })));
    expect(await reader.at(1001n)).toBeUndefined();
    // Asked again from the start (a new read), it still answers.
    expect((await reader.at(3n))?.data).toEqual({ n: 2 });
    await reader.close();
  });
});
