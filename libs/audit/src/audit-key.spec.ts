import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@customer-workspace/config';
import { AUDIT_KEY_FILE, resolveAuditSigner } from './audit-key.js';
import { newNoteKey, openNote, signNote } from './signed-note.js';

describe('the checkpoint signing key', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cw-audit-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const embedded = () => ({
    DATA_DIR: dir,
    AUDIT_SIGNING_KEY: undefined,
    EVENTSTORE_CONNECTION_STRING: undefined,
  });

  it('is generated once into DATA_DIR (0600) and read back by every later process', () => {
    const first = resolveAuditSigner(embedded());
    const file = join(dir, AUDIT_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^PRIVATE\+KEY\+customer-workspace\+/);
    const second = resolveAuditSigner(embedded());
    expect(second.verifierKey).toBe(first.verifierKey);
    const note = signNote('customer-workspace\n0\nroot\n', second);
    expect(openNote(note, first.verifierKey)).toBe('customer-workspace\n0\nroot\n');
    expect(first.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
  });

  it('is the setting when given, and must be given with EventStoreDB', () => {
    const key = newNoteKey('audit.example.com');
    const signer = resolveAuditSigner({ ...embedded(), AUDIT_SIGNING_KEY: key.privateKey });
    expect(signer.verifierKey).toBe(key.verifierKey);
    expect(() =>
      resolveAuditSigner({ ...embedded(), EVENTSTORE_CONNECTION_STRING: 'esdb://x:2113' }),
    ).toThrow(/AUDIT_SIGNING_KEY must be set/);
  });

  it('refuses a damaged key file, naming it', () => {
    writeFileSync(join(dir, AUDIT_KEY_FILE), 'PRIVATE+KEY+x+00000000+AAAA', { mode: 0o600 });
    expect(() => resolveAuditSigner(embedded())).toThrow(new RegExp(AUDIT_KEY_FILE));
  });

  it('is validated as a setting: a malformed key stops start-up naming it', () => {
    expect(() => loadConfig({ AUDIT_SIGNING_KEY: 'not a key' })).toThrow(/AUDIT_SIGNING_KEY/);
    const key = newNoteKey('audit.example.com');
    expect(loadConfig({ AUDIT_SIGNING_KEY: key.privateKey }).AUDIT_SIGNING_KEY).toBe(
      key.privateKey,
    );
  });
});
