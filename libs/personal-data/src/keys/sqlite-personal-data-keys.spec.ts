import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDestroyed, PersonalDataKeyMissing } from './personal-data-keys.js';
import { SqlitePersonalDataKeys } from './sqlite-personal-data-keys.js';

/** Every file under `dir`, recursively. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
/** The files under `dir` holding `bytes`. */
const holding = (dir: string, bytes: Uint8Array) =>
  filesUnder(dir).filter((file) => readFileSync(file).includes(Buffer.from(bytes)));

describe('SqlitePersonalDataKeys (the embedded key store)', () => {
  let dir: string;
  let keys: SqlitePersonalDataKeys;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-keys-'));
    keys = new SqlitePersonalDataKeys(dir);
  });
  afterEach(async () => {
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives a customer one live key, 32 bytes, the same every time, another customer another', async () => {
    const first = await keys.keyFor('c-1');
    expect(first.key).toHaveLength(32);
    expect(await keys.keyFor('c-1')).toEqual(first);
    expect((await keys.keyFor('c-2')).keyId).not.toBe(first.keyId);
    expect(await keys.keyById(first.keyId)).toEqual(first);
  });

  it('keeps keys durably: a key handed out is there after reopening', async () => {
    const key = await keys.keyFor('c-1');
    await keys.close();
    keys = new SqlitePersonalDataKeys(dir);
    expect(await keys.keyById(key.keyId)).toEqual({ keyId: key.keyId, key: Buffer.from(key.key) });
  });

  it('seals with a new key once the old one is retired; the retired one still opens', async () => {
    const old = await keys.keyFor('c-1');
    await keys.retire('c-1');
    const fresh = await keys.keyFor('c-1');
    expect(fresh.keyId).not.toBe(old.keyId);
    expect(isDestroyed(await keys.keyById(old.keyId))).toBe(false);
  });

  it('destroys the keys named, for the subject only; then tells they are destroyed', async () => {
    const a = await keys.keyFor('c-1');
    const b = await keys.keyFor('c-2');
    expect(await keys.destroy('c-1', [a.keyId, b.keyId])).toBe(1);
    expect(await keys.keyById(a.keyId)).toEqual({ keyId: a.keyId, destroyed: true });
    expect(isDestroyed(await keys.keyById(b.keyId))).toBe(false);
    expect(await keys.hasDestroyed('c-1')).toBe(true);
    expect(await keys.hasDestroyed('c-2')).toBe(false);
    expect(await keys.destroy('c-1', [a.keyId])).toBe(0);
    expect((await keys.keyFor('c-1')).keyId).not.toBe(a.keyId);
  });

  it('refuses a key id it never held (another key store), loudly', async () => {
    await expect(keys.keyById('never-made')).rejects.toBeInstanceOf(PersonalDataKeyMissing);
  });

  it('leaves no copy of a destroyed key in its file, WAL or free pages (bytes scanned)', async () => {
    const erased = await keys.keyFor('c-erased');
    const kept = await keys.keyFor('c-kept');
    for (let n = 0; n < 50; n++) await keys.keyFor(`c-other-${n}`);
    await keys.retire('c-erased');
    await keys.keyFor('c-erased');
    expect(holding(dir, erased.key)).not.toEqual([]);
    await keys.destroy('c-erased', [erased.keyId]);
    expect(holding(dir, erased.key)).toEqual([]);
    expect(holding(dir, kept.key)).not.toEqual([]);
    await keys.close();
    expect(holding(dir, erased.key)).toEqual([]);
  });

  it('never serves from its cache a key another process destroyed', async () => {
    const key = await keys.keyFor('c-1');
    expect(isDestroyed(await keys.keyById(key.keyId))).toBe(false);
    const other = new SqlitePersonalDataKeys(dir);
    try {
      await other.retire('c-1');
      await other.destroy('c-1', [key.keyId]);
    } finally {
      await other.close();
    }
    expect(await keys.keyById(key.keyId)).toEqual({ keyId: key.keyId, destroyed: true });
    expect((await keys.keyFor('c-1')).keyId).not.toBe(key.keyId);
  });

  it('keeps the erasure follower’s checkpoint', async () => {
    expect(await keys.erasuresHandled()).toBeUndefined();
    await keys.recordErasuresHandled(42n);
    expect(await keys.erasuresHandled()).toBe(42n);
  });
});
