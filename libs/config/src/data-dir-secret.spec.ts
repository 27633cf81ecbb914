import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirectoryError, dataDirSecret, writableDataDirectory } from './data-dir-secret.js';

describe('secrets kept in DATA_DIR', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cw-secret-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is made once, readable only by its owner, and read back ever after', () => {
    let made = 0;
    const create = () => `secret-${++made}`.padEnd(40, 'x');
    const first = dataDirSecret(join(dir, 'data'), 'key', create, 32);
    expect(dataDirSecret(join(dir, 'data'), 'key', create, 32)).toBe(first);
    expect(made).toBe(1);
    expect(statSync(join(dir, 'data', 'key')).mode & 0o777).toBe(0o600);
  });

  it('refuses a file that holds too short a secret, naming it', () => {
    writeFileSync(join(dir, 'key'), 'short');
    expect(() => dataDirSecret(dir, 'key', () => 'x'.repeat(40), 32)).toThrow(
      `${join(dir, 'key')} holds no usable secret (expected at least 32 characters)`,
    );
    expect(readFileSync(join(dir, 'key'), 'utf8')).toBe('short');
  });

  it('refuses a data directory that cannot be created, naming it', () => {
    writeFileSync(join(dir, 'file'), '');
    const bad = join(dir, 'file', 'data');
    expect(() => writableDataDirectory(bad)).toThrow(DataDirectoryError);
    expect(() => writableDataDirectory(bad)).toThrow(
      `Data directory ${bad} cannot be created or written`,
    );
  });
});
