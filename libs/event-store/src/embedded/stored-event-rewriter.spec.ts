import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, testEvent } from '../testing/event-factory.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import { StoredEventMismatch, StoredEventRewriter } from './stored-event-rewriter.js';

const holds = (dir: string, text: string) =>
  readdirSync(dir).some((file) => readFileSync(join(dir, file)).includes(Buffer.from(text)));

describe('StoredEventRewriter (the embedded store’s in-place upgrade)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cw-rewrite-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function stored(count: number) {
    const store = new SqliteEventStore({ dataDir: dir, pollMs: 60_000 });
    const events = Array.from({ length: count }, (_, n) =>
      testEvent('Secretive', { n, secret: `secret-${n}@example.test`, pad: 'p'.repeat(300) }),
    );
    await store.append('s-1', events, { expectedRevision: 'no_stream' });
    const recorded = await collect(store.readStream('s-1'));
    await store.close();
    return recorded;
  }

  it('rewrites the data in place, keeps the rest, and leaves no old byte in the file or WAL', async () => {
    const before = await stored(40);
    const rewriter = new StoredEventRewriter(dir);
    rewriter.rewrite(
      before.map((e) => ({
        position: e.position,
        eventId: e.eventId,
        data: { n: (e.data as { n: number }).n },
      })),
    );
    expect(rewriter.finish()).toBe(true);
    rewriter.close();
    expect(before.some((_, n) => holds(dir, `secret-${n}@`))).toBe(false);
    const store = new SqliteEventStore({ dataDir: dir, pollMs: 60_000 });
    const after = await collect(store.readStream('s-1'));
    await store.close();
    expect(after.map(({ data: _d, ...rest }) => rest)).toEqual(
      before.map(({ data: _d, ...rest }) => rest),
    );
    expect(after[3]!.data).toEqual({ n: 3 });
  });

  it('writes nothing when a change names another event than the one at its position', async () => {
    const [first, second] = await stored(2);
    const rewriter = new StoredEventRewriter(dir);
    try {
      expect(() =>
        rewriter.rewrite([
          { position: first!.position, eventId: first!.eventId, data: {} },
          { position: second!.position, eventId: first!.eventId, data: {} },
        ]),
      ).toThrow(StoredEventMismatch);
    } finally {
      rewriter.close();
    }
    expect(holds(dir, 'secret-0@')).toBe(true);
  });
});
