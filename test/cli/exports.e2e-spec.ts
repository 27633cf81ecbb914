import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { partnerStream } from '@customer-workspace/customers';
import { collect } from '@customer-workspace/event-store/testing';
import { bearer, openTestStore, startTestApi, testStoreEnv } from '../fixtures/api-app.js';
import { newCustomerBody } from '../fixtures/customers.js';
import { repoRoot, requireBuild } from '../fixtures/dist.js';

function cli(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, [requireBuild('apps/cli/dist/main.js'), ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, ...testStoreEnv(dataDir) },
    encoding: 'utf8',
  });
}

describe('cli export customers and activity export', () => {
  let dataDir: string;
  const ids: string[] = [];
  beforeAll(async () => {
    const api = await startTestApi();
    dataDir = mkdtempSync(join(tmpdir(), 'cw-cli-export-'));
    const http = request(api.app.getHttpServer());
    await http
      .post('/v1/partners')
      .set('Authorization', await bearer(api, 'platform', 'operator'))
      .send({ id: 'contoso', name: 'Contoso', programs: ['direct-bill'] })
      .expect(201);
    const admin = await bearer(api, 'contoso', 'admin-agent');
    for (const name of ['Šťastný a.s.', '@risk Ltd'])
      ids.push(
        (
          await http
            .post('/v1/customers')
            .set('Authorization', admin)
            .send(newCustomerBody({ companyName: name, domain: `${ids.length}.example` }))
            .expect(201)
        ).body.id,
      );
    // The api stops before its projections may have applied everything: the CLI catches up.
    await api.app.close();
    rmSync(dataDir, { recursive: true, force: true });
    dataDir = api.dataDir;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes the partner’s Customers.csv in the asked language and records the export', async () => {
    const out = join(dataDir, 'Customers.csv');
    const run = cli(
      dataDir,
      'export',
      'customers',
      '--partner',
      'contoso',
      '--lang',
      'cs',
      '--out',
      out,
    );
    expect(run.stderr).toMatch(/written to .*Customers\.csv; recorded as export_customers/);
    expect(run.status).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toEqual([
      'Microsoft ID,Název společnosti,Název primární domény,Vztah,Značky',
      `${ids[1]},'@risk Ltd,1.example,Cloudový prodejce,`,
      `${ids[0]},Šťastný a.s.,0.example,Cloudový prodejce,`,
    ]);
    const store = openTestStore(dataDir);
    try {
      const events = await collect(store.readStream(partnerStream('contoso')));
      expect(events.at(-1)).toMatchObject({
        type: 'CustomersExported',
        data: { partnerId: 'contoso', lang: 'cs' },
        metadata: { actor: { role: 'operator', userId: expect.stringMatching(/^cli:/) } },
      });
    } finally {
      await store.close();
    }
  });

  it('writes to stdout without --out', () => {
    const run = cli(dataDir, 'export', 'customers', '--partner', 'contoso');
    expect(run.status).toBe(0);
    expect(run.stdout.split(/\r?\n/)[0]).toBe(
      '\uFEFFMicrosoft ID,Company name,Primary domain name,Relationship,Tags',
    );
  });

  it.each([
    [['--lang', 'fr', '--partner', 'contoso'], /--lang must be one of en, cs, de, es, hu/],
    [[], /--partner is required/],
  ])('refuses %j with a clear message', (args, message) => {
    const run = cli(dataDir, 'export', 'customers', ...args);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
  });

  it('activity export: the log as NDJSON, newest first, itself recorded first', () => {
    const run = cli(dataDir, 'activity', 'export', '--partner', 'contoso', '--format', 'ndjson');
    expect(run.stderr).toMatch(/recorded as export_activity_log/);
    expect(run.status).toBe(0);
    const entries = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; performedBy: { role: string } });
    expect(entries[0]).toMatchObject({
      action: 'export_activity_log',
      performedBy: { role: 'operator' },
    });
    expect(entries.filter((entry) => entry.action === 'add_customer')).toHaveLength(2);
  });

  it('activity export: filters by action, CSV by default', () => {
    const run = cli(
      dataDir,
      'activity',
      'export',
      '--partner',
      'contoso',
      '--action',
      'add_customer',
    );
    expect(run.status).toBe(0);
    const lines = run.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((line) => line.includes('add_customer'))).toBe(true);
  });

  it.each([
    [['--partner', 'contoso', '--action', 'delete_everything'], /--action must be one of/],
    [['--partner', 'contoso', '--from', 'yesterday'], /--from must be an ISO date/],
    [['--partner', 'contoso', '--format', 'xml'], /--format must be csv or ndjson/],
  ])('activity export refuses %j', (args, message) => {
    const run = cli(dataDir, 'activity', 'export', ...args);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
  });
});
