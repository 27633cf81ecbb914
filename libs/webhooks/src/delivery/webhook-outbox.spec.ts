import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEBHOOK_OUTBOX_FILE, WebhookOutbox } from './webhook-outbox.js';

describe('WebhookOutbox durability', () => {
  let dir: string;
  let outbox: WebhookOutbox;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-outbox-'));
    outbox = new WebhookOutbox(dir);
  });
  afterEach(() => {
    outbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** SQLite's own answer: 1 is NORMAL, 2 is FULL. */
  const synchronous = () =>
    (outbox as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true });

  it('syncs what a caller was promised, and only that, to disk before it returns', () => {
    expect(synchronous()).toBe(1);
    expect(outbox.durably(() => synchronous())).toBe(2);
    expect(synchronous()).toBe(1);
    expect(outbox.transaction(() => synchronous())).toBe(1);
  });

  it('keeps what it committed for the next process, in WAL mode', () => {
    outbox.transaction(() => outbox.saveCheckpoint(42n));
    outbox.close();
    const reader = new Database(join(dir, WEBHOOK_OUTBOX_FILE), { readonly: true });
    try {
      expect(reader.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      reader.close();
    }
    outbox = new WebhookOutbox(dir);
    expect(outbox.checkpoint()).toBe(42n);
  });
});
