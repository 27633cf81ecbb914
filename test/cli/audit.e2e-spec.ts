import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { newNoteKey, noteSigner, openNote, signNote } from '@customer-workspace/audit';
import { loadConfig } from '@customer-workspace/config';
import { bearer, EMBEDDED_STORE, startTestApi } from '../fixtures/api-app.js';
import { newCustomerBody } from '../fixtures/customers.js';
import { requireBuild } from '../fixtures/dist.js';

const key = newNoteKey('cw.test/audit');
const signer = noteSigner(key.privateKey);

function cli(dataDir: string | undefined, ...args: string[]) {
  return spawnSync(process.execPath, [requireBuild('apps/cli/dist/main.js'), ...args], {
    cwd: dataDir ?? tmpdir(),
    env: {
      PATH: process.env.PATH ?? '',
      ...(dataDir !== undefined && { DATA_DIR: dataDir, AUDIT_SIGNING_KEY: key.privateKey }),
      ...EMBEDDED_STORE,
    },
    encoding: 'utf8',
  });
}

/** A deployment with partners, customers, a billing-profile change and an indirect relationship. */
async function deployment(companies: readonly string[]): Promise<string> {
  const api = await startTestApi({ ...EMBEDDED_STORE, AUDIT_SIGNING_KEY: key.privateKey });
  const http = request(api.app.getHttpServer());
  const operator = await bearer(api, 'platform', 'operator');
  for (const partner of [
    { id: 'contoso', name: 'Contoso', programs: ['direct-bill'] },
    { id: 'fabrikam', name: 'Fabrikam', programs: ['indirect-provider'] },
    {
      id: 'wingtip',
      name: 'Wingtip',
      programs: ['indirect-reseller'],
      indirectProviderId: 'fabrikam',
    },
  ])
    await http.post('/v1/partners').set('Authorization', operator).send(partner).expect(201);
  const contoso = await bearer(api, 'contoso', 'admin-agent');
  for (const [n, companyName] of companies.entries()) {
    const body = newCustomerBody({ companyName, domain: `c${n}.example` });
    const added = await http
      .post('/v1/customers')
      .set('Authorization', contoso)
      .send(body)
      .expect(201);
    await http
      .put(`/v1/customers/${added.body.id}/billing-profile`)
      .set('Authorization', contoso)
      .set('If-Match', added.headers.etag ?? '')
      .send(newCustomerBody({ billing: { email: `billing${n}@contoso.cz` } }).billingProfile)
      .expect(200);
  }
  const invited = await http
    .post('/v1/relationship-requests')
    .set('Authorization', await bearer(api, 'wingtip', 'admin-agent'))
    .send({ indirectProviderId: 'fabrikam', includeDelegatedAdmin: false })
    .expect(201);
  await http
    .post(`/v1/relationship-requests/${invited.body.id}/acceptance`)
    .send({
      token: new URL(invited.body.url).searchParams.get('token'),
      customer: { companyName: 'Adatum', domain: 'adatum.example' },
    })
    .expect(201);
  await api.app.close();
  return api.dataDir;
}

const copyOf = (dir: string): string => {
  const copy = mkdtempSync(join(tmpdir(), 'cw-audit-copy-'));
  cpSync(dir, copy, { recursive: true });
  return copy;
};

/** Edits `events.db` behind the store's back, as whoever can write the file could. */
function tamper(dir: string, change: (db: Database.Database) => void): void {
  const db = new Database(join(dir, 'events.db'));
  try {
    change(db);
  } finally {
    db.close();
  }
}

const customerAdded = (dir: string): { position: number; data: string }[] => {
  const db = new Database(join(dir, 'events.db'), { readonly: true });
  try {
    return db
      .prepare(`SELECT position, data FROM events WHERE type = 'CustomerAdded' ORDER BY position`)
      .all() as { position: number; data: string }[];
  } finally {
    db.close();
  }
};

describe('cli audit', () => {
  const dirs: string[] = [];
  let base: string;
  let firstBundle: string;
  /** The auditor's checkpoint, kept from the first bundle. */
  let kept: string;
  beforeAll(async () => {
    base = await deployment(['Šťastný a.s.', 'Northwind', 'Litware']);
    dirs.push(base);
    firstBundle = join(base, 'bundles', 'first');
    const run = cli(base, 'audit', 'bundle', '--partner', 'contoso', '--out', firstBundle);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    kept = join(base, 'auditor-checkpoint.txt');
    writeFileSync(kept, readFileSync(join(firstBundle, 'checkpoint.txt')));
  }, 60_000);
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const scratch = (dir: string) => {
    dirs.push(dir);
    return dir;
  };

  it('prints the public key that signs checkpoints, as PEM and as a verifier key', () => {
    const run = cli(base, 'audit', 'public-key');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${signer.publicKeyPem}${signer.verifierKey}\n`);
    expect(cli(base, 'audit', 'public-key', '--verifier-key').stdout).toBe(
      `${signer.verifierKey}\n`,
    );
  });

  it('makes a new signing key for AUDIT_SIGNING_KEY, which the config takes and signs with', () => {
    const run = cli(undefined, 'audit', 'new-key', '--name', 'workspace.example.com/audit');
    expect(run.status).toBe(0);
    const privateKey = run.stdout.trim();
    const made = noteSigner(privateKey);
    expect(made.name).toBe('workspace.example.com/audit');
    expect(run.stderr).toContain(`verifier key: ${made.verifierKey}`);
    expect(loadConfig({ AUDIT_SIGNING_KEY: privateKey }).AUDIT_SIGNING_KEY).toBe(privateKey);
    const note = signNote('workspace.example.com/audit\n0\nroot\n', made);
    expect(openNote(note, made.verifierKey)).toBe('workspace.example.com/audit\n0\nroot\n');
    expect(cli(undefined, 'audit', 'new-key').stdout).not.toBe(run.stdout);
    expect(cli(undefined, 'audit', 'new-key', '--name', 'two words').status).not.toBe(0);
  });

  it('bundles a partner’s whole log, and the bundle verifies offline', () => {
    const manifest = JSON.parse(readFileSync(join(firstBundle, 'manifest.json'), 'utf8'));
    const lines = readFileSync(join(firstBundle, 'entries.jsonl'), 'utf8').trim().split('\n');
    // Registered, three customers added and their billing profiles changed.
    expect(lines).toHaveLength(7);
    expect(manifest).toMatchObject({ version: 1, partnerId: 'contoso', entries: 7 });
    const first = JSON.parse(lines[1]!);
    expect(first.entry).toMatchObject({ action: 'add_customer', customerName: 'Šťastný a.s.' });
    expect(first.event).toMatchObject({ type: 'CustomerAdded', position: first.entry.position });

    // No store, no DATA_DIR: only the bundle.
    const run = cli(undefined, 'audit', 'verify', '--bundle', firstBundle);
    expect(run.stderr).not.toMatch(/TAMPERED|COULD NOT VERIFY/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/bundle intact: 7 entries of contoso/);
    const withKey = join(base, 'key.pem');
    writeFileSync(withKey, signer.publicKeyPem);
    expect(
      cli(undefined, 'audit', 'verify', '--bundle', firstBundle, '--public-key', withKey).status,
    ).toBe(0);
  });

  it('bundles the entries of an indirect provider, derived again from their events', () => {
    const out = join(base, 'bundles', 'fabrikam');
    expect(cli(base, 'audit', 'bundle', '--partner', 'fabrikam', '--out', out).status).toBe(0);
    const actions = readFileSync(join(out, 'entries.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).entry.action);
    expect(actions).toEqual([
      'register_partner',
      'request_reseller_relationship',
      'accept_reseller_relationship',
    ]);
    expect(cli(undefined, 'audit', 'verify', '--bundle', out).status).toBe(0);
  });

  it('writes nothing for a partner without entries (exit 2)', () => {
    const out = join(base, 'bundles', 'nobody');
    const run = cli(base, 'audit', 'bundle', '--partner', 'nobody', '--out', out);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/nobody has no activity-log entries/);
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
  });

  it('finds the store intact against its tree and checkpoints', () => {
    const run = cli(base, 'audit', 'verify');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/store intact: \d+ events match the audit tree/);
  });

  it('names the position of one byte edited in a stored event', () => {
    const dir = scratch(copyOf(base));
    const { position, data } = customerAdded(dir)[1]!;
    tamper(dir, (db) =>
      db
        .prepare('UPDATE events SET data = ? WHERE position = ?')
        .run(data.replace('c1.example', 'c1.exampla'), position),
    );
    const run = cli(dir, 'audit', 'verify');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`TAMPERED: first affected position ${position} `));
  });

  it('names the position of a deleted event', () => {
    const dir = scratch(copyOf(base));
    const { position } = customerAdded(dir)[2]!;
    tamper(dir, (db) => db.prepare('DELETE FROM events WHERE position = ?').run(position));
    const run = cli(dir, 'audit', 'verify');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`TAMPERED: first affected position ${position} `));
  });

  it('names the first of two events whose payloads were swapped', () => {
    const dir = scratch(copyOf(base));
    const [first, , third] = customerAdded(dir);
    tamper(dir, (db) => {
      const set = db.prepare('UPDATE events SET data = ? WHERE position = ?');
      set.run(third!.data, first!.position);
      set.run(first!.data, third!.position);
    });
    const run = cli(dir, 'audit', 'verify');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`TAMPERED: first affected position ${first!.position} `));
  });

  describe('a bundle changed after it was made', () => {
    const changed = (change: (dir: string) => void) => {
      const dir = scratch(mkdtempSync(join(tmpdir(), 'cw-audit-bundle-')));
      cpSync(firstBundle, dir, { recursive: true });
      change(dir);
      return cli(undefined, 'audit', 'verify', '--bundle', dir);
    };
    const rewrite = (dir: string, name: string, change: (text: string) => string) =>
      writeFileSync(join(dir, name), change(readFileSync(join(dir, name), 'utf8')));

    it('names the entry whose event had one byte edited', () => {
      const lines = readFileSync(join(firstBundle, 'entries.jsonl'), 'utf8').split('\n');
      const line = JSON.parse(lines[3]!);
      expect(line.event.type).toBe('CustomerAdded');
      // One byte of the stored event's data (its half of the line), the entry left alone.
      const at =
        lines[3]!.indexOf('"event":') +
        lines[3]!.slice(lines[3]!.indexOf('"event":')).indexOf('c1.example');
      lines[3] = `${lines[3]!.slice(0, at + 9)}a${lines[3]!.slice(at + 10)}`;
      const run = changed((dir) => writeFileSync(join(dir, 'entries.jsonl'), lines.join('\n')));
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`first affected position ${line.entry.position} `));
      expect(run.stderr).toMatch(/does not hash to its leafHash/);
    });

    it('catches an entry that no longer says what its event says', () => {
      const run = changed((dir) =>
        rewrite(dir, 'entries.jsonl', (text) =>
          text.replace('"customerName":"Northwind"', '"customerName":"Northwood"'),
        ),
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/does not say what its event says: customerName/);
    });

    it('catches a proof hash changed', () => {
      const run = changed((dir) =>
        rewrite(dir, 'entries.jsonl', (text) => {
          const lines = text.trim().split('\n');
          const line = JSON.parse(lines[3]!);
          line.inclusionProof[0] = Buffer.alloc(32, 1).toString('base64');
          lines[3] = JSON.stringify(line);
          return `${lines.join('\n')}\n`;
        }),
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/inclusion proof does not lead/);
    });

    it('catches the checkpoint’s signature changed', () => {
      const run = changed((dir) =>
        rewrite(dir, 'checkpoint.txt', (note) => {
          const at = note.length - 10;
          return `${note.slice(0, at)}${note[at] === 'A' ? 'B' : 'A'}${note.slice(at + 1)}`;
        }),
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/checkpoint is not signed by the key/);
    });

    it('could not verify with a file missing', () => {
      const run = changed((dir) => unlinkSync(join(dir, 'checkpoint.txt')));
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/COULD NOT VERIFY\n.*no checkpoint\.txt/);
    });
  });

  describe('an auditor’s trusted checkpoint', () => {
    it('is extended by the grown log, in a later bundle and in the store', () => {
      const dir = scratch(copyOf(base));
      // The log grows: an export is recorded.
      expect(
        cli(dir, 'export', 'customers', '--partner', 'contoso', '--out', join(dir, 'c.csv')).status,
      ).toBe(0);
      const later = join(dir, 'bundles', 'later');
      expect(cli(dir, 'audit', 'bundle', '--partner', 'contoso', '--out', later).status).toBe(0);
      const run = cli(
        undefined,
        'audit',
        'verify',
        '--bundle',
        later,
        '--trusted-checkpoint',
        kept,
      );
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/the log extends your trusted checkpoint of size \d+/);
      expect(cli(dir, 'audit', 'verify', '--trusted-checkpoint', kept).status).toBe(0);
    });

    it('is matched by a tree rebuilt from the log (audit.db deleted) by a consistency proof', () => {
      const dir = scratch(copyOf(base));
      unlinkSync(join(dir, 'audit.db'));
      expect(
        cli(dir, 'export', 'customers', '--partner', 'contoso', '--out', join(dir, 'c.csv')).status,
      ).toBe(0);
      const rebuilt = join(dir, 'bundles', 'rebuilt');
      const made = cli(
        dir,
        'audit',
        'bundle',
        '--partner',
        'contoso',
        '--out',
        rebuilt,
        '--trusted-checkpoint',
        kept,
      );
      expect(made.stderr).not.toMatch(/not the one/);
      expect(made.status).toBe(0);
      expect(
        cli(undefined, 'audit', 'verify', '--bundle', rebuilt, '--trusted-checkpoint', kept).status,
      ).toBe(0);
      expect(cli(dir, 'audit', 'verify', '--trusted-checkpoint', kept).status).toBe(0);
    });

    it('of another log signed by the same key is tampering', async () => {
      const other = scratch(await deployment(['Šťastný a.s.', 'Northwind', 'Contoso Ltd']));
      const otherBundle = join(other, 'bundle');
      expect(
        cli(other, 'audit', 'bundle', '--partner', 'contoso', '--out', otherBundle).status,
      ).toBe(0);
      const foreign = join(other, 'foreign-checkpoint.txt');
      writeFileSync(foreign, readFileSync(join(otherBundle, 'checkpoint.txt')));

      const store = cli(base, 'audit', 'verify', '--trusted-checkpoint', foreign);
      expect(store.status).toBe(1);
      expect(store.stderr).toMatch(/do not give the root of the trusted checkpoint/);

      const dir = scratch(copyOf(base));
      expect(
        cli(dir, 'export', 'customers', '--partner', 'contoso', '--out', join(dir, 'c.csv')).status,
      ).toBe(0);
      const out = join(dir, 'bundle-for-foreign');
      const made = cli(
        dir,
        'audit',
        'bundle',
        '--partner',
        'contoso',
        '--out',
        out,
        '--trusted-checkpoint',
        foreign,
      );
      expect(made.stderr).toMatch(/is not the one .* states/);
      const run = cli(
        undefined,
        'audit',
        'verify',
        '--bundle',
        out,
        '--trusted-checkpoint',
        foreign,
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/does not extend the trusted checkpoint/);
    }, 60_000);
  });
});
